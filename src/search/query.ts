import { baseKey, exactKey, type SearchIndex } from './index.js';
import { STOPWORDS } from './stopwords.js';
import type { SynonymTable } from './synonyms.js';
import { formsOf, tokenize, type Token } from './text.js';
import type { Vocabulary } from './vocabulary.js';

/** How much a way of reaching an article term is trusted. */
export const TRUST = { exact: 1, inflection: 0.95, synonym: 0.9, fuzzy: 0.8, stem: 0.6 } as const;

/** An article term that one idea of the query can be found as. */
export interface Alternative {
  readonly key: string;
  readonly weight: number;
}

/** One idea of the query: a word or an everyday phrase, and the article terms that express it. */
export interface Concept {
  readonly text: string;
  /** Empty when nothing in the article expresses it: it still counts against coverage. */
  readonly alternatives: readonly Alternative[];
  /** Token positions in the query, so phrases can be compared with the text's. */
  readonly first: number;
  readonly last: number;
  /** How much the idea counts, 1 unless said: less for the context around a long question's real one. */
  readonly emphasis?: number;
  /** Paragraphs that speak of it without its words (a speaker's paragraphs). */
  readonly refersTo?: ReadonlySet<number>;
  /** A name the article does not know ("Shanghai", "Tesla"): what the question asks about is elsewhere. */
  readonly foreign?: boolean;
  /** How much the idea weighs against coverage when nothing holds it, if not the usual. */
  readonly unseenWeight?: number;
  /**
   * Its article terms are only a guess from words that hold it: it weighs as an idea nothing
   * holds, found or not, so a guess helps where it is found and never lightens the question.
   */
  readonly guessed?: boolean;
}

export interface QueryContext {
  readonly index: SearchIndex;
  readonly vocabulary: Vocabulary;
  readonly synonyms: SynonymTable;
  /** The words of the article's setting ("jilin"): written inside an everyday phrase, they do not part it. */
  readonly setting?: ReadonlySet<string>;
}

/**
 * Where an everyday phrase typed from `at` ends (its last token), or -1 when it is not there;
 * the setting's name inside it is skipped ("who runs the jilin party" runs the party).
 */
function phraseEnd(
  tokens: readonly Token[],
  at: number,
  words: readonly string[],
  setting: ReadonlySet<string>,
): number {
  let k = at;
  for (let n = 0; n < words.length; n++) {
    const word = words[n]!;
    while (n > 0 && tokens[k] && tokens[k]!.base !== word && setting.has(tokens[k]!.word)) k++;
    const typed = tokens[k]?.base;
    // "how long they have been there" is "how long you have been there": a person is a person.
    const samePerson = n > 0 && typed !== undefined && PERSONS.has(word) && PERSONS.has(typed);
    if (typed !== word && !samePerson) return -1;
    k++;
  }
  return k - 1;
}

/** Words standing for whoever a phrase is said of (as inflection bases), one as good as another inside it. */
const PERSONS = new Set(['you', 'they', 'he', 'she', 'we', 'i', 'someon', 'somebody', 'peopl']);

/**
 * The article's own forms of the query's words, most trusted first: the exact word, its
 * inflections, then anything sharing its Porter stem (a derivation, or a false friend).
 */
function ownTerms(index: SearchIndex, tokens: readonly Token[]): Alternative[] {
  if (tokens.length === 1) {
    const [token] = tokens as [Token];
    const forms: Alternative[] = [
      { key: exactKey(token.word), weight: TRUST.exact },
      { key: baseKey(token.base), weight: TRUST.inflection },
      { key: token.stem, weight: TRUST.stem },
    ];
    return forms.filter((form) => index.has(form.key));
  }
  const phrase = tokens.map((t) => t.stem).join(' ');
  return index.has(phrase) ? [{ key: phrase, weight: TRUST.exact }] : [];
}

/**
 * Two of the article's words typed as one ("lionpack", "huangqiang"): the phrase when the text
 * has it, else each word.
 */
function joinedWords(word: string, index: SearchIndex): string[] {
  if (word.length < 6 || !/^\p{L}+$/u.test(word)) return [];
  // Letters of the plain alphabet are one word each side of the cut, read directly (as tokenizing
  // "fr eezing", "fre ezing"… would, one text per cut); other scripts are tokenized.
  const plain = /^[A-Za-z]+$/.test(word);
  for (let cut = 2; cut <= word.length - 2; cut++) {
    const parts = plain
      ? [formsOf(word.slice(0, cut)), formsOf(word.slice(cut))].filter((f) => f !== null)
      : tokenize(`${word.slice(0, cut)} ${word.slice(cut)}`);
    if (parts.length !== 2 || parts.some((t) => STOPWORDS.has(t.word) || !index.posting(t.stem))) continue;
    const phrase = parts.map((t) => t.stem).join(' ');
    return index.has(phrase) ? [phrase] : parts.map((t) => t.stem);
  }
  return [];
}

/** Whether swapping two neighbouring letters of the word makes a word with no topic ("hte" the "the"). */
function swapsToStopword(word: string): boolean {
  if (word.length < 3 || word.length > 8) return false;
  for (let i = 0; i + 1 < word.length; i++) {
    const swapped = word.slice(0, i) + word[i + 1]! + word[i]! + word.slice(i + 2);
    if (swapped !== word && STOPWORDS.has(swapped)) return true;
  }
  return false;
}

const MEANT_LIMIT = 4096;
/** The words slips are taken for recur from question to question: each is read once per index. */
const meantCache = new WeakMap<SearchIndex, Map<string, readonly Alternative[]>>();

/** What one word, typed right, is found as: its own forms and the one-word rules for it. */
function meant(word: string, index: SearchIndex, synonyms: SynonymTable): readonly Alternative[] {
  let cache = meantCache.get(index);
  if (!cache) meantCache.set(index, (cache = new Map<string, readonly Alternative[]>()));
  const cached = cache.get(word);
  if (cached) return cached;
  const [token] = tokenize(word);
  const found = token ? ownTerms(index, [token]) : [];
  const rule = token && synonyms.get(token.base)?.find((r) => r.words.length === 1);
  for (const key of rule ? rule.means : []) if (index.has(key)) addUnique(found, key, TRUST.synonym);
  if (cache.size >= MEANT_LIMIT) cache.clear();
  cache.set(word, found);
  return found;
}

function addUnique(list: Alternative[], key: string, weight: number): void {
  const existing = list.findIndex((a) => a.key === key);
  if (existing < 0) list.push({ key, weight });
  else if (list[existing]!.weight < weight) list[existing] = { key, weight };
}

/**
 * Reads a query into concepts: everyday phrases through the synonyms table, article words as
 * they are, misspelled words through the vocabulary; stopwords dropped, repeats merged.
 */
export function readQuery(query: string, context: QueryContext): Concept[] {
  const tokens = tokenize(query);
  const quoted = quotedStretches(query);
  // A word the person put in quotation marks is what they ask about, stopword or not (“doing”).
  const content = (token: Token): boolean =>
    !STOPWORDS.has(token.word) || quoted.some(([start, end]) => token.start >= start && token.end <= end);
  return conceptsOf(tokens, content, context);
}

/** Adds the idea at tokens first..last unless one with the same forms (or, with none, the same words) came before. */
function pushConcept(
  concepts: Concept[],
  seen: Set<string>,
  tokens: readonly Token[],
  first: number,
  last: number,
  alternatives: Alternative[],
): void {
  let text = tokens[first]!.word;
  for (let at = first + 1; at <= last; at++) text += ` ${tokens[at]!.word}`;
  const signature =
    alternatives.length === 0
      ? `?${text}`
      : alternatives.length === 1
        ? alternatives[0]!.key
        : alternatives
            .map((a) => a.key)
            .sort()
            .join('|');
  if (seen.has(signature)) return;
  seen.add(signature);
  concepts.push({ text, alternatives, first, last });
}

/** Stretches of the query between quotation marks of any kind. */
function quotedStretches(query: string): [number, number][] {
  return [...query.matchAll(/“([^”]*)”|‘([^’]*)’|"([^"]*)"|'([^']*)'(?!\w)/g)].map((m) => [
    m.index,
    m.index + m[0].length,
  ]);
}

function conceptsOf(
  tokens: readonly Token[],
  content: (token: Token) => boolean,
  { index, vocabulary, synonyms, setting = new Set<string>() }: QueryContext,
): Concept[] {
  const concepts: Concept[] = [];
  const seen = new Set<string>();

  for (let i = 0; i < tokens.length;) {
    const token = tokens[i]!;
    // A lone stopword starts no rule: "say" is not a "saying".
    const isStopword = !content(token);
    let end = -1;
    const rule = synonyms
      .get(token.base)
      ?.find((r) => (r.words.length > 1 || !isStopword) && (end = phraseEnd(tokens, i, r.words, setting)) >= 0);
    if (rule) {
      const alternatives = ownTerms(index, tokens.slice(i, end + 1));
      for (const key of rule.means) if (index.has(key)) addUnique(alternatives, key, TRUST.synonym);
      pushConcept(concepts, seen, tokens, i, end, alternatives);
      i = end + 1;
      continue;
    }
    const at = i++;
    if (isStopword) continue;
    // The word as typed counts fully; other words of its stem a little less.
    const own = ownTerms(index, [token]);
    if (own.some((a) => a.weight > TRUST.stem)) {
      pushConcept(concepts, seen, tokens, at, at, own);
      continue;
    }
    // A word the text holds only by its stem may be a slip for one it holds ("officals" is not "office").
    const corrections = vocabulary.correct(token.word);
    // A slip for a word with no topic ("becuase", "thier") is that word: nothing to look for.
    if (own.length === 0 && corrections.length > 0 && corrections.every((c) => STOPWORDS.has(c.word))) continue;
    const alternatives: Alternative[] = [...own];
    for (const c of corrections) {
      addUnique(alternatives, c.stem, TRUST.fuzzy);
      // The word meant reaches all it would have reached typed right ("seniorty" the article's
      // "implicit steps", as "seniority" does), a little less surely.
      for (const a of meant(c.word, index, synonyms)) addUnique(alternatives, a.key, a.weight * TRUST.fuzzy);
    }
    if (own.length > 0) {
      pushConcept(concepts, seen, tokens, at, at, alternatives);
      continue;
    }
    // "hte", "waht", "abotu": two letters of a word with no topic swapped, nothing to look for.
    if (alternatives.length === 0 && swapsToStopword(token.word)) continue;
    if (alternatives.length === 0)
      for (const r of vocabulary.relatives(token.word)) addUnique(alternatives, r.stem, TRUST.stem);
    if (alternatives.length === 0)
      for (const key of joinedWords(token.word, index)) addUnique(alternatives, key, TRUST.fuzzy);
    // An adverb the article does not use ("simply", "automatically") says how, not what.
    if (alternatives.length === 0 && /^\p{L}{3,}ly$/u.test(token.word)) continue;
    pushConcept(concepts, seen, tokens, at, at, alternatives);
  }
  return concepts;
}
