import { stemmer } from 'stemmer';

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

const stems = new Map<string, string>();

/** Porter stems, memoised: the article's words and most queries' words repeat. */
export function stem(word: string): string {
  let cached = stems.get(word);
  if (cached === undefined) {
    cached = /^\p{L}+$/u.test(word) ? stemmer(word) : word;
    if (stems.size < 50_000) stems.set(word, cached);
  }
  return cached;
}

/** Words that end like a plural but are not one. */
const UNINFLECTED = new Set(['news', 'series', 'species', 'means', 'always', 'perhaps', 'sometimes', 'politics', 'economics', 'ethics', 'thus']);

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
 * The words of a text, in order, split by the Unicode word rules (so any script is handled),
 * with the offsets needed to highlight them in the original.
 */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const { segment, index, isWordLike } of words.segment(text)) {
    if (!isWordLike) continue;
    const word = foldWord(segment);
    if (word === '') continue;
    tokens.push({ word, base: inflectionBase(word), stem: stem(word), start: index, end: index + segment.length });
  }
  return tokens;
}
