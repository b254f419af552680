import { editDistance } from './edits.js';
import { stem } from './text.js';

/** An article word that a misspelled query word was taken for. */
export interface Correction {
  readonly word: string;
  readonly stem: string;
  readonly edits: number;
}

/** Whether the two words differ only in one letter typed twice or once ("pres", "presss" and "press"). */
function differsByDoubling(a: string, b: string): boolean {
  const [short, long] = a.length < b.length ? [a, b] : [b, a];
  if (long.length !== short.length + 1) return false;
  for (let i = 0; i < long.length; i++) {
    if (long[i] !== short[i]) return i > 0 && long[i] === long[i - 1] && long.slice(i + 1) === short.slice(i);
  }
  return false;
}

/** Keys next to each other on a QWERTY keyboard: the letters a finger slips between. */
const ROWS = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm'];
function neighbours(a: string, b: string): boolean {
  const at = (c: string): [number, number] => {
    const row = ROWS.findIndex((r) => r.includes(c));
    return [row, row < 0 ? -9 : ROWS[row]!.indexOf(c)];
  };
  const [ra, ca] = at(a);
  const [rb, cb] = at(b);
  return ra >= 0 && rb >= 0 && Math.abs(ra - rb) <= 1 && Math.abs(ca - cb) <= 1;
}

const VOWELS = 'aeiou';

/**
 * Whether two words of one length differ in one letter that a typist confuses: a vowel for a
 * vowel ("refurm"), or a key for the key beside it ("reforn").
 */
function slippedLetter(word: string, candidate: string): boolean {
  if (word.length !== candidate.length) return false;
  const at = [...word].findIndex((c, i) => c !== candidate[i]);
  if (at < 0 || word.slice(at + 1) !== candidate.slice(at + 1)) return false;
  const [a, b] = [word[at]!, candidate[at]!];
  return (VOWELS.includes(a) && VOWELS.includes(b)) || neighbours(a, b);
}

function swappedNeighbours(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  const at = [...a].findIndex((c, i) => c !== b[i]);
  return at >= 0 && a[at] === b[at + 1] && a[at + 1] === b[at] && a.slice(at + 2) === b.slice(at + 2);
}

/** Whether `word` is `candidate` with one extra letter struck beside the key meant ("grouip"). */
function strayKey(word: string, candidate: string): boolean {
  if (word.length !== candidate.length + 1) return false;
  const at = [...candidate].findIndex((c, i) => c !== word[i]);
  const extra = at < 0 ? word.length - 1 : at;
  if (word.slice(0, extra) + word.slice(extra + 1) !== candidate) return false;
  const beside = [word[extra - 1], word[extra + 1]].filter((c): c is string => c !== undefined);
  return beside.some((c) => neighbours(word[extra]!, c));
}

/**
 * Whether `candidate` is near enough to `word` to be what was meant. Short words get no
 * correction ("town" is one letter from "down"). Five- and six-letter words get one, and only a
 * dropped letter ("qualty") or two swapped neighbours ("refrom"): swapping or cutting a letter of
 * a short word mostly makes another real word ("bread" and "break", "server" and "serve"); a
 * letter typed for its neighbour on the keyboard, or a vowel for a vowel, rarely does.
 * A letter typed twice or once ("pres", "Jillin") is a slip at any length from four, and so is
 * any one slip in a name the article prints ("Feiyo", "Wnag"): no other word is near a name.
 */
export function isNearMiss(word: string, candidate: string, edits: number, isName = false): boolean {
  if (edits === 0 || word.length < 4) return false;
  if (differsByDoubling(word, candidate) || (isName && edits === 1)) return true;
  // Two neighbours swapped in a four-letter word ("lino", "rlue") rarely makes a word of its own.
  if (word.length === 4) return edits === 1 && swappedNeighbours(word, candidate);
  if (word.length < 5) return false;
  if (word.length >= 8) return edits <= 2;
  // "artical" for "article": two slips near the end of a word whose opening is sure.
  if (word.length >= 7) return edits <= 1 || (edits === 2 && word.slice(0, 4) === candidate.slice(0, 4));
  if (edits !== 1) return false;
  const dropped = candidate.length === word.length + 1;
  const swapped = candidate.length === word.length && [...candidate].sort().join('') === [...word].sort().join('');
  return dropped || swapped || slippedLetter(word, candidate) || strayKey(word, candidate);
}

/** The most edits any word of this length may carry. */
function editBudget(word: string): number {
  if (word.length < 4) return 0;
  return word.length >= 7 ? 2 : 1;
}

const CACHE_LIMIT = 4096;
/** Words of one family share at least this many opening letters. */
const OPENING = 6;
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
 * Finds the article words a misspelled query word stands for. Candidates are first narrowed to
 * words that could be within reach (one edit changes at most two letter pairs); the edit distance
 * over the whole word, a swap of neighbours counting as one, then keeps only true near-misses.
 * (fuse.js's Bitap scan, used here before, misses swapped letters in short words: "Wnag".)
 */
export class Vocabulary {
  readonly #stems: ReadonlyMap<string, string>;
  readonly #wordsByPair = new Map<string, string[]>();
  readonly #cache = new Map<string, readonly Correction[]>();

  readonly #names: ReadonlySet<string>;
  readonly #wordsByOpening = new Map<string, string[]>();

  readonly #ownWords: ReadonlySet<string>;

  /**
   * `names`: the words of the names the article prints ("huang", "feiyu"), folded; `ownWords`:
   * English words in their own right, which are never a slip for a word of another stem.
   */
  constructor(
    words: ReadonlyMap<string, string>,
    names: Iterable<string> = [],
    ownWords: ReadonlySet<string> = new Set(),
  ) {
    this.#stems = words;
    this.#names = new Set(names);
    this.#ownWords = ownWords;
    for (const word of words.keys()) {
      if (word.length >= OPENING) {
        const opening = word.slice(0, OPENING);
        this.#wordsByOpening.set(opening, [...(this.#wordsByOpening.get(opening) ?? []), word]);
      }
      for (const pair of letterPairs(word)) {
        const list = this.#wordsByPair.get(pair);
        if (list) list.push(word);
        else this.#wordsByPair.set(pair, [word]);
      }
    }
  }

  /**
   * Article words of the same family that the Porter stem does not join ("disclosure" and
   * "disclosed", "failure" and "fail" do not share a stem): a long shared opening, all of the
   * shorter word but its last three letters.
   */
  relatives(word: string): readonly Correction[] {
    if (word.length < 7 || !/^\p{L}+$/u.test(word)) return [];
    const found: Correction[] = [];
    for (const candidate of this.#wordsByOpening.get(word.slice(0, OPENING)) ?? []) {
      let shared = 0;
      while (shared < word.length && word[shared] === candidate[shared]) shared++;
      if (candidate !== word && shared >= Math.min(word.length, candidate.length) - 3) {
        found.push({ word: candidate, stem: this.#stems.get(candidate) ?? candidate, edits: 0 });
      }
    }
    return found;
  }

  correct(word: string): readonly Correction[] {
    const cached = this.#cache.get(word);
    if (cached) return cached;
    // "mayor" is not a slip for "major", nor "estate" for "state"; "disciplin" may still be "disciplined".
    const own = this.#ownWords.has(word) ? stem(word) : undefined;
    const corrections = this.#search(word).filter((c) => own === undefined || c.stem === own);
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
    let best: Correction[] = [];
    for (const item of candidates) {
      const edits = editDistance(word, item, allowed);
      if (!isNearMiss(word, item, edits, this.#names.has(item))) continue;
      const correction = { word: item, stem: this.#stems.get(item) ?? item, edits };
      if (best.length === 0 || edits < best[0]!.edits) best = [correction];
      else if (edits === best[0]!.edits) best.push(correction);
    }
    return best;
  }
}
