import { stemmer } from 'stemmer';
import { Recent } from './recent.js';

/** One word of a text: its place, its lower-case form, its inflection base and its stem. */
export interface Token {
  readonly word: string;
  /** The word without inflection (plural, -ed, -ing): "fired", "fires" and "firing" share one. */
  readonly base: string;
  /** The Porter stem, which also folds derivations: "accountability" and "account" share one. */
  readonly stem: string;
  /** Offsets into the text the token was read from. */
  readonly start: number;
  readonly end: number;
}

const words = new Intl.Segmenter('en', { granularity: 'word' });

/** Lower case, straight apostrophes, no possessive: the form a word is compared in. */
export function foldWord(segment: string): string {
  return segment
    .toLowerCase()
    .replace(/[’‘`´]/g, "'")
    .replace(/'s$/, '')
    .replace(/'/g, '');
}

export function stem(word: string): string {
  return /^\p{L}+$/u.test(word) ? stemmer(word) : word;
}

/** The compared forms of one segment of text. */
type Forms = Pick<Token, 'word' | 'base' | 'stem'>;

const FORMS_LIMIT = 50_000;
const forms = new Map<string, Forms | null>();

/**
 * A segment's forms, memoised: the article's words, the synonyms table's and most queries'
 * repeat, and folding and stemming each again is most of the index's build time. Null when
 * nothing of the segment is left to compare (an apostrophe alone).
 */
export function formsOf(segment: string): Forms | null {
  let cached = forms.get(segment);
  if (cached === undefined) {
    const word = foldWord(segment);
    cached = word === '' ? null : { word, base: inflectionBase(word), stem: stem(word) };
    if (forms.size >= FORMS_LIMIT) forms.clear();
    forms.set(segment, cached);
  }
  return cached;
}

/** Words that end like a plural but are not one. */
const UNINFLECTED = new Set([
  'news',
  'series',
  'species',
  'means',
  'always',
  'perhaps',
  'sometimes',
  'politics',
  'economics',
  'ethics',
  'thus',
]);

/**
 * Strips inflection only, never derivation, so that everyday words can be looked up in the
 * synonyms table without the Porter stem's false friends ("anime" and "animal" both stem to "anim").
 */
export function inflectionBase(word: string): string {
  if (word.length <= 3 || UNINFLECTED.has(word) || !/^\p{L}+$/u.test(word)) return word;
  let base = word;
  if (base.endsWith('ies') && base.length > 4) base = `${base.slice(0, -3)}y`;
  else if (/(ss|x|z|ch|sh)es$/.test(base)) base = base.slice(0, -2);
  else if (/[^su]s$/.test(base) && !base.endsWith('is')) base = base.slice(0, -1);
  else if (base.endsWith('ing') && base.length > 5) base = base.slice(0, -3);
  else if (base.endsWith('ed') && base.length > 4) base = base.slice(0, -2);
  if (base !== word && /([^aeiouls])\1$/.test(base)) base = base.slice(0, -1);
  return base.endsWith('e') && base.length > 3 ? base.slice(0, -1) : base;
}

/**
 * English prose in ASCII with typographic quotes: text whose words the scanner below splits
 * exactly as the Unicode word rules do. Anything else goes to Intl.Segmenter.
 */
const PLAIN = /^[A-Za-z0-9\s.,;:!?()"'“”‘’\-–—…/]*$/;

type Kind = 'letter' | 'digit' | 'other';
function kindOf(code: number): Kind {
  if ((code >= 65 && code <= 90) || (code >= 97 && code <= 122)) return 'letter';
  return code >= 48 && code <= 57 ? 'digit' : 'other';
}

/**
 * The Unicode word rules (UAX #29, as ICU applies them) on plain text: letters and digits run
 * together; `. ' ’ ‘` join two letters or two digits ("organization’s", "3.5"), `:` two letters,
 * `, ;` two digits ("1,000"); everything else breaks.
 */
function scanPlain(text: string, visit: (start: number, end: number) => void): void {
  let start = -1;
  for (let i = 0; i <= text.length; i++) {
    const here = kindOf(text.charCodeAt(i));
    if (here !== 'other') {
      if (start < 0) start = i;
      continue;
    }
    if (start >= 0) {
      const before = kindOf(text.charCodeAt(i - 1));
      const after = kindOf(text.charCodeAt(i + 1));
      const c = text[i];
      const joinsLetters =
        before === 'letter' && after === 'letter' && (c === '.' || c === ':' || c === "'" || c === '’' || c === '‘');
      const joinsDigits =
        before === 'digit' &&
        after === 'digit' &&
        (c === '.' || c === "'" || c === '’' || c === '‘' || c === ',' || c === ';');
      if (joinsLetters || joinsDigits) continue;
      visit(start, i);
      start = -1;
    }
  }
}

/**
 * The words of a text, in order, split by the Unicode word rules (so any script is handled),
 * with the offsets needed to highlight them in the original. Plain English text, as the article,
 * most queries and the synonyms table are, is scanned directly with the same result:
 * Intl.Segmenter costs most of the index's build time.
 */
export function tokenize(text: string): readonly Token[] {
  return recentTokens.of(text, tokensOf);
}

/** The texts a question reads again (the question, its parts, the article's names): a few suffice. */
const recentTokens = new Recent<readonly Token[]>(32);

function tokensOf(text: string): Token[] {
  const tokens: Token[] = [];
  if (PLAIN.test(text)) {
    scanPlain(text, (start, end) => addToken(tokens, text.slice(start, end), start));
    return tokens;
  }
  for (const { segment, index, isWordLike } of words.segment(text)) if (isWordLike) addToken(tokens, segment, index);
  return tokens;
}

// A module function rather than a closure per text: closures made on every call are the hot
// path's most frequent allocation.
function addToken(tokens: Token[], segment: string, start: number): void {
  const found = formsOf(segment);
  if (found) tokens.push({ word: found.word, base: found.base, stem: found.stem, start, end: start + segment.length });
}

/** Only the inflection bases of a text's words: what the synonyms table matches on, without stemming. */
export function inflectionBases(text: string): string[] {
  const bases: string[] = [];
  const add = (segment: string): void => {
    const word = foldWord(segment);
    if (word !== '') bases.push(inflectionBase(word));
  };
  if (PLAIN.test(text)) scanPlain(text, (start, end) => add(text.slice(start, end)));
  else for (const { segment, isWordLike } of words.segment(text)) if (isWordLike) add(segment);
  return bases;
}

/** The Unicode word rules alone, without the shortcut: what `tokenize` must always agree with. */
export function segmentWords(text: string): string[] {
  return [...words.segment(text)].filter((s) => s.isWordLike).map((s) => s.segment);
}
