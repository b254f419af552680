import { verifyQuote, type Excerpt } from '../corpus/excerpt.js';
import type { Corpus } from '../corpus/load.js';
import type { IndexedParagraph } from './index.js';
import { STOPWORDS } from './stopwords.js';
import { inflectionBase, type Token } from './text.js';
import type { Vocabulary } from './vocabulary.js';

/** A person, body, publication, place or event the article names. */
export interface NamedThing {
  readonly name: string;
  /** Each way of writing it, as the inflection bases of its words (stopwords dropped). */
  readonly forms: readonly (readonly string[])[];
  /** Where the text names it: what the bot can say of it when a question asks more. */
  readonly named: Excerpt;
  /** Paragraphs that speak of it, by name or, for a speaker, in their own reported words. */
  readonly paragraphs: ReadonlySet<number>;
  /**
   * Whether the article gives its words: a speaker, the paper that "noted", or a body whose
   * members speak for it (the Organization Department, whose Deputy Minister spoke).
   */
  readonly speaks: boolean;
  /** Where everything happens (Jilin): named in every paragraph, and inside other names. */
  readonly setting?: boolean;
  /** An event the text gives a date for (source.json's events): the press conference, the seminar. */
  readonly dated?: boolean;
}

/** A named thing as a question writes it: token positions in the question. */
export interface Mention {
  readonly thing: NamedThing;
  readonly first: number;
  readonly last: number;
  /** The way of writing the thing the question used, as inflection bases ("central committee"). */
  readonly form?: readonly string[];
}

function formOf(text: string): string[] {
  return (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).filter((w) => !STOPWORDS.has(w)).map(inflectionBase);
}

/** Whether a paragraph's words hold a way of writing a thing. */
function holdsForm(paragraph: IndexedParagraph, form: readonly string[]): boolean {
  return paragraph.tokens.some((_, at) => form.every((base, k) => paragraph.tokens[at + k]?.base === base));
}

/**
 * Whether a paragraph writes a thing as a question does, its words in order with at most a few
 * between them ("Minister of Organization of the Jilin Provincial Party Committee").
 */
export function holdsFormLoosely(paragraph: IndexedParagraph | undefined, form: readonly string[]): boolean {
  const tokens = paragraph?.tokens ?? [];
  const span = form.length * 2 + 2;
  return tokens.some((token, at) => {
    if (token.base !== form[0]) return false;
    let k = 1;
    for (let j = at + 1; j < Math.min(tokens.length, at + span) && k < form.length; j++)
      if (tokens[j]!.base === form[k]) k++;
    return k === form.length;
  });
}

/** Paragraphs whose words hold one of the forms, in order. */
function paragraphsHolding(paragraphs: readonly IndexedParagraph[], forms: readonly (readonly string[])[]): number[] {
  return paragraphs.filter((p) => forms.some((form) => holdsForm(p, form))).map((p) => p.number);
}

/** How the text says an article it reports from was published in a publication. */
const PUBLISHED_IN = /\bpublished in\b/i;

/** What the province's Party Committee is, which most titles end with and none tells apart. */
const COMMITTEE = / of the Jilin Provincial Party Committee$/;

/**
 * The titles a person is known by, each of which names them: "Minister of Organization" is
 * Wang Qiushi. A role that holds two titles ("Member of … and Minister of …") gives each.
 */
function titlesOf(role: string): string[] {
  const titles = role.split(/ and (?=\p{Lu})|, /u).map((t) => t.replace(/^(?:a|the) /, ''));
  return [role, ...titles, ...titles.map((t) => t.replace(COMMITTEE, ''))].filter((t) => formOf(t).length >= 2);
}

/**
 * Everything the article names that a question may ask about: its people (people.json), its
 * publisher and relay (source.json), the titles it prints (glossary.json) and the rest
 * (names.json).
 */
export function namedThings(corpus: Corpus, paragraphs: readonly IndexedParagraph[]): NamedThing[] {
  const things: NamedThing[] = [];
  const events = corpus.source.events.map((e) => ` ${formOf(e.label).join(' ')} `);
  const add = (
    name: string,
    also: readonly string[],
    named: Excerpt,
    speaks: boolean,
    speaksIn: readonly number[] = [],
    setting = false,
  ): void => {
    if (things.some((t) => t.name === name)) return;
    const forms = [name, ...also].map(formOf).filter((f) => f.length > 0);
    const where = new Set([...paragraphsHolding(paragraphs, forms), ...speaksIn]);
    const dated = forms.some((form) => events.some((label) => label.includes(` ${form.join(' ')} `)));
    things.push({
      name,
      forms,
      named,
      paragraphs: where,
      speaks,
      ...(setting ? { setting } : {}),
      ...(dated ? { dated } : {}),
    });
  };
  for (const person of corpus.people)
    add(person.name, titlesOf(person.role.text), person.role, person.said.length > 0, person.paragraphs);
  const { publisher, relay } = corpus.source;
  add(publisher.name, [], publisher.evidence, true);
  add(relay.name.replace(/[“”]/g, ''), [], relay.evidence, true);
  for (const entry of corpus.glossary) {
    if (entry.kind !== 'title') continue;
    const paragraph = entry.paragraphs[0] ?? 0;
    const named =
      entry.explanation ?? verifyQuote(corpus.article, { paragraph, text: entry.term }, `glossary (${entry.term})`);
    // A long title is written by its first words: "the Implementation Opinions".
    const short = entry.term.split(' ').length > 4 ? [entry.term.split(' ').slice(0, 2).join(' ')] : [];
    // A publication the text reports an article from speaks through that article.
    add(entry.term, short, named, PUBLISHED_IN.test(named.text));
  }
  const everywhere = paragraphs.map((p) => p.number);
  // Those who speak for a body (its Deputy Minister): their reported words are the body's too.
  const speakersFor = (name: string) =>
    corpus.people.filter(
      (p) => p.said.length > 0 && p.role.text.toLowerCase().includes(name.replace(/^the /i, '').toLowerCase()),
    );
  for (const entry of corpus.names) {
    const speakers = speakersFor(entry.name);
    const forms = [entry.name, ...entry.also];
    const event = forms.some((form) => events.some((label) => label.includes(` ${formOf(form).join(' ')} `)));
    const where = entry.setting
      ? everywhere
      : [
          ...speakers.flatMap((p) => p.paragraphs),
          ...(event ? speakersAt(corpus, paragraphs, forms).map((p) => p.role.paragraph) : []),
        ];
    add(entry.name, entry.also, entry.named, speakers.length > 0, where, entry.setting);
  }
  return things;
}

/**
 * Those who spoke at an event: the sentence naming them places them there by the event's last
 * word ("At the conference, Wang Qi…", "Huang Qiang… emphasized at the opening ceremony"). The
 * paragraph naming them speaks of the event: "who was talking at the press conference" asks of
 * them. (What they went on to say is theirs, not the event's: "how long was the press
 * conference" is not asked of it.)
 */
function speakersAt(
  corpus: Corpus,
  paragraphs: readonly IndexedParagraph[],
  names: readonly string[],
): Corpus['people'][number][] {
  const heads = new Set(names.map((name) => formOf(name).at(-1)).filter((head) => head !== undefined));
  return corpus.people.filter((person) => {
    const paragraph = paragraphs.find((p) => p.number === person.role.paragraph);
    if (!paragraph || person.said.length === 0) return false;
    const name = formOf(person.name);
    const { tokens, sentenceOfToken } = paragraph;
    const at = tokens.findIndex((_, i) => name.every((base, k) => tokens[i + k]?.base === base));
    if (at < 0) return false;
    const sentence = sentenceOfToken[at];
    return tokens.some((token, i) => sentenceOfToken[i] === sentence && heads.has(token.base));
  });
}

/**
 * The words of the proper names the article prints (its people, "Jilin", "WeChat"), folded: a
 * slip in one is still the name. Names made of ordinary words ("The Paper") are not among them.
 */
export function nameWords(corpus: Corpus): Set<string> {
  const names = [
    ...corpus.people.map((p) => p.name),
    ...corpus.names.map((n) => n.name).filter((name) => /^\p{Lu}\S*(?: \p{Lu}\S*)?$/u.test(name)),
    corpus.source.relay.name,
  ];
  const words = names.flatMap((name) => name.match(/\p{Lu}[\p{L}]+/gu) ?? []).map((w) => w.toLowerCase());
  return new Set(words.filter((w) => !STOPWORDS.has(w)));
}

const settings = new WeakMap<readonly NamedThing[], ReadonlySet<string>>();

/** The words of the setting's one-word names ("jilin"), read once per list of things. */
function settingWordsOf(things: readonly NamedThing[]): ReadonlySet<string> {
  let words = settings.get(things);
  if (!words) {
    words = new Set(things.filter((t) => t.setting).flatMap((t) => t.forms.filter((f) => f.length === 1).flat()));
    settings.set(things, words);
  }
  return words;
}

interface ListedForm {
  readonly thing: NamedThing;
  readonly form: readonly string[];
  /** Where the thing and its form stand in the list: ties between mentions go to the first listed. */
  readonly order: number;
}

const formsByFirst = new WeakMap<readonly NamedThing[], ReadonlyMap<string, readonly ListedForm[]>>();

/** Every form of every thing filed under its first word, read once per list of things. */
function formsByFirstWord(things: readonly NamedThing[]): ReadonlyMap<string, readonly ListedForm[]> {
  let filed = formsByFirst.get(things);
  if (!filed) {
    const byFirst = new Map<string, ListedForm[]>();
    let order = 0;
    for (const thing of things) {
      for (const form of thing.forms) {
        const first = form[0];
        if (first === undefined) continue;
        const listed = { thing, form, order: order++ };
        const list = byFirst.get(first);
        if (list) list.push(listed);
        else byFirst.set(first, [listed]);
      }
    }
    formsByFirst.set(things, (filed = byFirst));
  }
  return filed;
}

/** The bases a question's word may stand for: its own, and those of the words it may be a slip for. */
function basesOf(token: Token, vocabulary: Vocabulary): Set<string> {
  return new Set([token.base, ...vocabulary.correct(token.word).map((c) => inflectionBase(c.word))]);
}

/**
 * The named things a question writes, longest first, none overlapping: "Huang Qaing" is Huang
 * Qiang, and "Third Plenary Session" is read before "plenary session".
 */
export function findMentions(
  tokens: readonly Token[],
  things: readonly NamedThing[],
  vocabulary: Vocabulary,
): Mention[] {
  const content = tokens
    .map((t, i) => ({ t, i }))
    .filter(({ t }) => !STOPWORDS.has(t.word))
    .map(({ t, i }) => ({ i, bases: basesOf(t, vocabulary) }));
  // "The 12th Jilin Provincial Party Committee": the setting's name written inside another name
  // does not part it.
  const settingWords = settingWordsOf(things);
  const unset = content.filter((c) => ![...c.bases].some((b) => settingWords.has(b)));
  const parting = unset.length < content.length;
  const byFirst = formsByFirstWord(things);
  const found: { mention: Mention; order: number }[] = [];
  for (const [list, words] of (parting ? [content, unset] : [content]).entries()) {
    for (let start = 0; start < words.length; start++) {
      for (const base of words[start]!.bases) {
        for (const { thing, form, order } of byFirst.get(base) ?? []) {
          if (list === 1 && (thing.setting || form.length < 2)) continue;
          if (start + form.length > words.length) continue;
          if (form.every((b, k) => words[start + k]!.bases.has(b))) {
            const mention = { thing, first: words[start]!.i, last: words[start + form.length - 1]!.i, form };
            found.push({ mention, order: 2 * order + list });
          }
        }
      }
    }
  }
  // Longest first, then leftmost, then in the order the things and their forms are listed.
  const candidates = found
    .sort(
      ({ mention: a, order: x }, { mention: b, order: y }) =>
        b.last - b.first - (a.last - a.first) || a.first - b.first || x - y,
    )
    .map((f) => f.mention);
  const taken: Mention[] = [];
  for (const mention of candidates) {
    const overlaps = taken.some((m) => mention.first <= m.last && m.first <= mention.last);
    if (!overlaps) taken.push(mention);
    else if (taken.some((m) => m.first === mention.first && m.last === mention.last && m.thing !== mention.thing)) {
      // "plenary session" names two sessions: both are meant.
      taken.push(mention);
    }
  }
  return taken.sort((a, b) => a.first - b.first);
}
