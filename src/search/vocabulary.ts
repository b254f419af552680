import Fuse from 'fuse.js';
import { editDistance } from './edits.js';

/** An article word that a misspelled query word was taken for. */
export interface Correction {
  readonly word: string;
  readonly stem: string;
  readonly edits: number;
}

/**
 * Whether `candidate` is near enough to `word` to be what was meant. Short words get no
 * correction ("town" is one letter from "down"). Five- and six-letter words get one, and only a
 * dropped letter ("qualty") or two swapped neighbours ("refrom"): swapping or cutting a letter of
 * a short word mostly makes another real word ("bread" and "break", "server" and "serve").
 */
export function isNearMiss(word: string, candidate: string, edits: number): boolean {
  if (edits === 0 || word.length < 5) return false;
  if (word.length >= 8) return edits <= 2;
  if (word.length >= 7) return edits <= 1;
  if (edits !== 1) return false;
  const dropped = candidate.length === word.length + 1;
  const swapped = candidate.length === word.length && [...candidate].sort().join('') === [...word].sort().join('');
  return dropped || swapped;
}

/** The most edits any word of this length may carry. */
function editBudget(word: string): number {
  if (word.length < 5) return 0;
  return word.length >= 8 ? 2 : 1;
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
      for (const candidate of this.#wordsByPair.get(pair) ?? [])
        shared.set(candidate, (shared.get(candidate) ?? 0) + 1);
    }
    // An edit changes at most two letter pairs, a swap of neighbours three.
    const needed = Math.max(1, pairs.size - 3 * allowed);
    return [...shared]
      .filter(([candidate, n]) => n >= needed && Math.abs(candidate.length - word.length) <= allowed)
      .sort((a, b) => b[1] - a[1])
      .slice(0, MAX_CANDIDATES)
      .map(([candidate]) => candidate);
  }

  #search(word: string): readonly Correction[] {
    const allowed = editBudget(word);
    if (allowed === 0 || word.length > 32 || !/^\p{L}+$/u.test(word)) return [];
    const candidates = this.#candidates(word, allowed);
    if (candidates.length === 0) return [];
    const fuse = new Fuse(candidates, { includeScore: true, ignoreLocation: true, threshold: 0.4 });
    let best: Correction[] = [];
    for (const { item } of fuse.search(word, { limit: 12 })) {
      const edits = editDistance(word, item, allowed);
      if (!isNearMiss(word, item, edits)) continue;
      const correction = { word: item, stem: this.#stems.get(item) ?? item, edits };
      if (best.length === 0 || edits < best[0]!.edits) best = [correction];
      else if (edits === best[0]!.edits) best.push(correction);
    }
    return best;
  }
}
