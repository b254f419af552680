import { splitSentences } from './sentences.js';

export interface Sentence {
  readonly paragraph: number;
  /** Numbered from 1 inside its paragraph. */
  readonly number: number;
  readonly text: string;
  /** Offsets into the paragraph's text. */
  readonly start: number;
  readonly end: number;
}

export interface Paragraph {
  /** ¶0 is the headline, ¶1..¶15 the body. */
  readonly number: number;
  readonly text: string;
  readonly sentences: readonly Sentence[];
}

export interface Article {
  readonly text: string;
  readonly paragraphs: readonly Paragraph[];
}

/** The article has a headline and fifteen body paragraphs; every citation depends on that count. */
export const PARAGRAPH_COUNT = 16;

export class CorpusError extends Error {
  override name = 'CorpusError';
}

/** Numbers the paragraphs (one per non-blank line) and their sentences. */
export function parseArticle(text: string): Article {
  const lines = text.split(/\r?\n/).filter((line) => line.trim() !== '');
  if (lines.length !== PARAGRAPH_COUNT) {
    throw new CorpusError(
      `corpus/article.txt: expected ${PARAGRAPH_COUNT} paragraphs (headline + 15), found ${lines.length}`,
    );
  }
  const paragraphs = lines.map((line, number) => ({
    number,
    text: line,
    sentences: splitSentences(line).map((span, i) => ({ paragraph: number, number: i + 1, ...span })),
  }));
  return { text, paragraphs };
}
