/** A sentence's place inside its paragraph's text: `text === paragraph.slice(start, end)`. */
export interface SentenceSpan {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

/**
 * Splits a paragraph into sentences with the Unicode sentence rules (Intl.Segmenter).
 * One correction on top: a segment that opens in lower case continues the sentence before it.
 * The rules break after "!”" even when the attribution follows (“… fortresses!” he mentioned.),
 * and a reader would cite the quote and its attribution as one sentence.
 */
export function splitSentences(paragraph: string): SentenceSpan[] {
  const spans: { start: number; end: number }[] = [];
  for (const { segment, index } of segmenter.segment(paragraph)) {
    const trimmed = segment.trimEnd();
    if (trimmed.trim() === '') continue;
    const start = index + (trimmed.length - trimmed.trimStart().length);
    const end = index + trimmed.length;
    const previous = spans.at(-1);
    if (previous && /^\p{Ll}/u.test(paragraph.slice(start))) previous.end = end;
    else spans.push({ start, end });
  }
  return spans.map(({ start, end }) => ({ text: paragraph.slice(start, end), start, end }));
}
