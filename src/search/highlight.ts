import { keyLength, type SearchIndex } from './index.js';

/** A matched stretch of an excerpt: `excerpt.slice(start, end)`. */
export type Range = readonly [start: number, end: number];

/**
 * The stretches of one sentence where the query's terms stand, relative to the sentence.
 * Neighbouring matches separated only by spaces merge, so a phrase is bolded as one.
 */
export function matchedRanges(index: SearchIndex, sentence: number, keys: ReadonlySet<string>): Range[] {
  const where = index.sentences[sentence];
  if (!where) return [];
  const paragraph = index.paragraphs[where.paragraph]!;
  const text = index.article.paragraphs[where.paragraph]!.text;
  const ranges: [number, number][] = [];
  for (const key of keys) {
    const positions = index.posting(key)?.positions.get(where.paragraph) ?? [];
    const length = keyLength(key);
    for (const position of positions) {
      if (paragraph.sentenceOfToken[position] !== sentence) continue;
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
  return merged.map(([start, end]) => [start - where.start, end - where.start] as const);
}
