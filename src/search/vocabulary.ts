import Fuse from 'fuse.js';
import { distance } from 'fastest-levenshtein';

/** An article word that a misspelled query word was taken for. */
export interface Correction {
  readonly word: string;
  readonly stem: string;
  readonly edits: number;
}

/**
 * How many edits a word may carry and still be taken for an article word. Short words get none
 * ("town" is one letter from "down"), and five- or six-letter words must keep their first letter
 * ("match" is not "batch", "going" is not "doing"): a guess there answers the wrong question.
 */
export function allowedEdits(word: string, candidate: string): number {
  if (word.length < 5) return 0;
  if (word.length < 7) return word[0] === candidate[0] ? 1 : 0;
  return word.length < 8 ? 1 : 2;
}

const CACHE_LIMIT = 4096;
/** Bitap costs a few microseconds a word: the closest few by shared letter pairs are enough. */
const MAX_CANDIDATES = 10;

/** A word's letter pairs, with its ends marked so first and last letters count too. */
function letterPairs(word: string): Set<string> {
  const padded = `^${word}$`;
  const pairs = new Set<string>();
  for (let i = 0; i + 1 < padded.length; i++) pairs.add(padded.slice(i, i + 2));
  return pairs;
}

/**
 * Finds the article words a misspelled query word stands for. fuse.js ranks the candidates
 * (its Bitap scan suits short strings and tolerates every kind of typo); an edit distance over the
 * whole word then keeps only true near-misses, because Bitap also accepts a pattern found inside
 * a longer word. Scanning all ~600 words with Bitap costs about a millisecond, so candidates are
 * first narrowed to words that could be within reach: one edit changes at most two letter pairs.
 */
export class Vocabulary {
  readonly #stems: ReadonlyMap<string, string>;
  readonly #wordsByPair = new Map<string, string[]>();
  readonly #cache = new Map<string, readonly Correction[]>();

  constructor(words: ReadonlyMap<string, string>) {
    this.#stems = words;
    for (const word of words.keys()) {
      for (const pair of letterPairs(word)) {
        const list = this.#wordsByPair.get(pair);
        if (list) list.push(word);
        else this.#wordsByPair.set(pair, [word]);
      }
    }
  }

  correct(word: string): readonly Correction[] {
    const cached = this.#cache.get(word);
    if (cached) return cached;
    const corrections = this.#search(word);
    if (this.#cache.size >= CACHE_LIMIT) this.#cache.clear();
    this.#cache.set(word, corrections);
    return corrections;
  }

  /** Words sharing enough letter pairs with `word` to be within `allowed` edits of it. */
  #candidates(word: string, allowed: number): string[] {
    const pairs = letterPairs(word);
    const shared = new Map<string, number>();
    for (const pair of pairs) {
      for (const candidate of this.#wordsByPair.get(pair) ?? []) shared.set(candidate, (shared.get(candidate) ?? 0) + 1);
    }
    const needed = Math.max(1, pairs.size - 2 * allowed);
    return [...shared]
      .filter(([candidate, n]) => n >= needed && Math.abs(candidate.length - word.length) <= allowed)
      .sort((a, b) => b[1] - a[1])
      .slice(0, MAX_CANDIDATES)
      .map(([candidate]) => candidate);
  }

  #search(word: string): readonly Correction[] {
    const allowed = allowedEdits(word, word);
    if (allowed === 0 || word.length > 32 || !/^\p{L}+$/u.test(word)) return [];
    const candidates = this.#candidates(word, allowed);
    if (candidates.length === 0) return [];
    const fuse = new Fuse(candidates, { includeScore: true, ignoreLocation: true, threshold: 0.4 });
    let best: Correction[] = [];
    for (const { item } of fuse.search(word, { limit: 12 })) {
      const edits = distance(word, item);
      if (edits > allowedEdits(word, item) || edits === 0) continue;
      const correction = { word: item, stem: this.#stems.get(item) ?? item, edits };
      if (best.length === 0 || edits < best[0]!.edits) best = [correction];
      else if (edits === best[0]!.edits) best.push(correction);
    }
    return best;
  }
}
