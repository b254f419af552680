import type { Range } from '../corpus/range.js';
import type { SearchIndex } from './index.js';

export type { Range };

/**
 * The stretches of a paragraph where the terms stand, as offsets into the paragraph, optionally
 * only within one sentence. Neighbouring matches separated only by spaces merge, so a phrase is
 * bolded as one.
 */
function rangesIn(
  index: SearchIndex,
  paragraphNumber: number,
  keys: ReadonlySet<string>,
  sentence?: number,
): [number, number][] {
  const paragraph = index.paragraphs[paragraphNumber];
  const text = index.article.paragraphs[paragraphNumber]?.text ?? '';
  if (!paragraph) return [];
  const ranges: [number, number][] = [];
  for (const key of keys) {
    const posting = index.posting(key);
    const positions = posting?.positions.get(paragraphNumber);
    if (!posting || !positions) continue;
    const { length } = posting;
    for (const position of positions) {
      if (sentence !== undefined && paragraph.sentenceOfToken[position] !== sentence) continue;
      const first = paragraph.tokens[position];
      const last = paragraph.tokens[position + length - 1];
      if (first && last) ranges.push([first.start, last.end]);
    }
  }
  ranges.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const range of ranges) {
    const previous = merged.at(-1);
    if (previous && (range[0] <= previous[1] || text.slice(previous[1], range[0]).trim() === '')) {
      previous[1] = Math.max(previous[1], range[1]);
    } else merged.push([...range]);
  }
  return merged;
}

/** The stretches of one sentence (an index into `SearchIndex.sentences`) where the terms stand, relative to the sentence. */
export function matchedRanges(index: SearchIndex, sentence: number, keys: ReadonlySet<string>): Range[] {
  const where = index.sentences[sentence];
  if (!where) return [];
  return rangesIn(index, where.paragraph, keys, sentence).map(
    ([start, end]) => [start - where.start, end - where.start] as const,
  );
}

/** The stretches of a whole paragraph where the terms stand. */
export function paragraphRanges(index: SearchIndex, paragraph: number, keys: ReadonlySet<string>): Range[] {
  return rangesIn(index, paragraph, keys);
}
