import { Recent } from '../recent.js';
import { HAN } from './script.js';
import { CHINESE_STOPWORDS } from './stopwords.js';

/**
 * One piece of a question: a word the glossary knows, a Chinese word with no topic, a Chinese
 * word nothing knows, or a stretch in another script (English words, numbers) for the English
 * reader.
 */
export interface QuestionPiece {
  readonly text: string;
  readonly kind: 'known' | 'stopword' | 'unknown' | 'other';
}

type Kind = QuestionPiece['kind'];

const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

/** Where the Unicode word rules (with ICU's Chinese dictionary) put boundaries, in code points. */
function wordBoundaries(chars: readonly string[]): Set<number> {
  const boundaries = new Set<number>([0, chars.length]);
  let at = 0;
  for (const { segment } of segmenter.segment(chars.join(''))) {
    at += [...segment].length;
    boundaries.add(at);
  }
  return boundaries;
}

/**
 * Where a segment splits wholly into words the reader knows (调了 into 调 and 了, 的是 into 的 and
 * 是), its inner cuts; undefined when it does not.
 */
function innerCuts(chars: readonly string[], isWord: (word: string) => boolean): number[] | undefined {
  if (chars.length < 2) return undefined;
  const reach: (number[] | undefined)[] = [[]];
  for (let i = 0; i < chars.length; i++) {
    const cuts = reach[i];
    if (!cuts) continue;
    for (let end = i + 1; end <= chars.length; end++) {
      if (reach[end] || !isWord(chars.slice(i, end).join(''))) continue;
      reach[end] = end < chars.length ? [...cuts, end] : cuts;
    }
  }
  return reach[chars.length];
}

/**
 * Adverbs that open, and particles or 有 that close, a two-character segment the segmenter made
 * of them and a word it did not know ("还管", "人的", "上了", "在改革上有"): each stands apart
 * from the other character.
 */
const OPENING_PARTICLE = /^[还也都就又再才很太]$/u;
const CLOSING_PARTICLE = /^[的了吗呢吧啊呀嘛有]$/u;

function particleCut(pair: readonly string[]): number | undefined {
  if (pair.length !== 2 || !pair.every((c) => HAN.test(c))) return undefined;
  return OPENING_PARTICLE.test(pair[0]!) || CLOSING_PARTICLE.test(pair[1]!) ? 1 : undefined;
}

/**
 * The segmenter's boundaries, those inside a segment made only of words the reader knows, and
 * those that set a particle apart from the one character beside it.
 */
function readableBoundaries(
  chars: readonly string[],
  boundaries: ReadonlySet<number>,
  isWord: (word: string) => boolean,
): Set<number> {
  const all = new Set(boundaries);
  const sorted = [...boundaries].sort((a, b) => a - b);
  for (let k = 0; k + 1 < sorted.length; k++) {
    const start = sorted[k]!;
    const segment = chars.slice(start, sorted[k + 1]);
    const cuts = innerCuts(segment, isWord) ?? [particleCut(segment) ?? []].flat();
    for (const cut of cuts) all.add(start + cut);
  }
  return all;
}

type TrieNode = Map<string, TrieNode>;
/** Marks a node where a word ends; no character is empty. */
const WORD_END = '';

interface Step {
  /** Chinese characters left unknown up to here, then pieces used: fewer is better for both. */
  readonly unknown: number;
  readonly pieces: number;
  readonly from: number;
  readonly kind: Kind;
}

const better = (a: Step, b: Step | undefined): boolean =>
  !b || a.unknown < b.unknown || (a.unknown === b.unknown && a.pieces < b.pieces);

/** Reading on from `here` (at character `from`) to `end` with a piece of this kind, if that is the better way there. */
function relax(best: (Step | undefined)[], here: Step, from: number, end: number, kind: Kind): void {
  const unknown = here.unknown + (kind === 'unknown' ? end - from : 0);
  const step: Step = { unknown, pieces: here.pieces + 1, from, kind };
  if (better(step, best[end])) best[end] = step;
}

/**
 * Splits a question into pieces, reading as much of its Chinese as possible as words the glossary
 * knows. Intl.Segmenter alone splits 论资排辈 into four characters and joins 搞了 into one word;
 * so the glossary's words of two characters or more are looked for anywhere, and stopwords and
 * one-character words only where the segmenter's boundaries allow them (地 is not taken out of
 * 地方) or inside a segment that splits wholly into words the reader knows (搞了); the Chinese
 * left over is cut into words by the segmenter. Of all
 * readings, the one leaving the fewest Chinese characters unknown wins, then the one in the
 * fewest pieces.
 */
export class ChineseSegmenter {
  readonly #known: ReadonlySet<string>;
  /** Every known word and stopword, character by character, so a reading only follows words that exist. */
  readonly #trie: TrieNode = new Map();

  /** `known`: the glossary's words, in the folded form questions are read in. */
  constructor(known: Iterable<string>) {
    this.#known = new Set(known);
    for (const word of [...this.#known, ...CHINESE_STOPWORDS]) {
      let node = this.#trie;
      for (const char of word) {
        let next = node.get(char);
        if (!next) node.set(char, (next = new Map<string, TrieNode>()));
        node = next;
      }
      node.set(WORD_END, node);
    }
  }

  /** A question's text is segmented whole, then again for its content and the people it names. */
  readonly #recent = new Recent<readonly QuestionPiece[]>(16);

  segment(text: string): readonly QuestionPiece[] {
    return this.#recent.of(text, (t) => this.#segmentAnew(t));
  }

  readonly #boundaries = new Recent<ReadonlySet<number>>(16);

  /** Where the Unicode word rules, with ICU's Chinese dictionary, put word boundaries in a text, in code points. */
  boundaries(text: string): ReadonlySet<number> {
    return this.#boundaries.of(text, (t) => wordBoundaries([...t]));
  }

  #segmentAnew(text: string): QuestionPiece[] {
    const chars = [...text];
    const boundaries = this.#boundaries.of(text, () => wordBoundaries(chars));
    const readable = readableBoundaries(chars, boundaries, (w) => this.#known.has(w) || CHINESE_STOPWORDS.has(w));
    const best: (Step | undefined)[] = [{ unknown: 0, pieces: 0, from: -1, kind: 'other' }];
    for (let i = 0; i < chars.length; i++) {
      const here = best[i];
      if (!here) continue;
      relax(best, here, i, i + 1, HAN.test(chars[i]!) ? 'unknown' : 'other');
      let node = this.#trie.get(chars[i]!);
      let word = chars[i]!;
      for (let end = i + 2; node && end <= chars.length; end++) {
        node = node.get(chars[end - 1]!);
        if (!node) break;
        word += chars[end - 1]!;
        if (!node.has(WORD_END)) continue;
        if (this.#known.has(word)) relax(best, here, i, end, 'known');
        else if (readable.has(i) && readable.has(end)) relax(best, here, i, end, 'stopword');
      }
      // One character alone is a word only where the segmenter says so (羊 in 羊群, not in 羊肉),
      // or where the rest of its segment is words too (调了).
      const single = chars[i]!;
      if (!readable.has(i) || !readable.has(i + 1)) continue;
      if (this.#known.has(single)) relax(best, here, i, i + 1, 'known');
      else if (CHINESE_STOPWORDS.has(single)) relax(best, here, i, i + 1, 'stopword');
    }
    return joinRuns(walkBack(best, chars), chars, boundaries);
  }
}

interface Span {
  readonly start: number;
  readonly end: number;
  readonly kind: Kind;
}

function walkBack(best: readonly (Step | undefined)[], chars: readonly string[]): Span[] {
  const spans: Span[] = [];
  for (let end = chars.length; end > 0;) {
    const step = best[end]!;
    spans.push({ start: step.from, end, kind: step.kind });
    end = step.from;
  }
  return spans.reverse();
}

/**
 * Characters read one by one joined back: a stretch in another script into one piece; unknown
 * Chinese into words where the segmenter puts boundaries, except that a run of single characters
 * it could not place (靠|谱) stays one unknown word rather than counting as several.
 */
function joinRuns(spans: readonly Span[], chars: readonly string[], boundaries: ReadonlySet<number>): QuestionPiece[] {
  const pieces: QuestionPiece[] = [];
  const piece = (start: number, end: number, kind: Kind): void => {
    pieces.push({ text: chars.slice(start, end).join(''), kind });
  };
  for (let k = 0; k < spans.length;) {
    const { start, kind } = spans[k]!;
    let end = spans[k]!.end;
    k++;
    if (kind === 'known' || kind === 'stopword') {
      piece(start, end, kind);
      continue;
    }
    while (k < spans.length && spans[k]!.kind === kind) end = spans[k++]!.end;
    if (kind === 'other') {
      piece(start, end, kind);
      continue;
    }
    // A one-character segment joins the one-character segments beside it.
    let word: { start: number; end: number; singles: boolean } | undefined;
    for (let at = start; at < end;) {
      let next = at + 1;
      while (next < end && !boundaries.has(next)) next++;
      const single = next - at === 1;
      if (word && single && word.singles) word.end = next;
      else {
        if (word) piece(word.start, word.end, 'unknown');
        word = { start: at, end: next, singles: single };
      }
      at = next;
    }
    if (word) piece(word.start, word.end, 'unknown');
  }
  return pieces;
}
