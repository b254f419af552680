import { CorpusError, type Article } from './article.js';
import type { Citation } from './citation.js';
import type { Quote } from './schema.js';

/** A verified piece of the article: its words, where they stand, and the sentence that holds them. */
export interface Excerpt extends Citation {
  readonly text: string;
  /** Offsets into the paragraph's text. */
  readonly start: number;
  readonly end: number;
}

/** Finds the quote verbatim in its paragraph, or fails naming the entry that holds it. */
export function verifyQuote(article: Article, quote: Quote, entry: string): Excerpt {
  const paragraph = article.paragraphs[quote.paragraph];
  const start = paragraph ? paragraph.text.indexOf(quote.text) : -1;
  if (!paragraph || start < 0) {
    throw new CorpusError(`${entry}: not verbatim in ¶${quote.paragraph}: “${quote.text}”`);
  }
  const end = start + quote.text.length;
  const holder = paragraph.sentences.find((s) => start >= s.start && end <= s.end);
  return holder
    ? { paragraph: quote.paragraph, sentence: holder.number, text: quote.text, start, end }
    : { paragraph: quote.paragraph, text: quote.text, start, end };
}

/** The curated data with every quote replaced by its verified excerpt. */
export type Verified<T> = T extends Quote
  ? Excerpt
  : T extends readonly (infer U)[]
    ? Verified<U>[]
    : T extends object
      ? { [K in keyof T]: Verified<T[K]> }
      : T;

function isQuote(value: object): value is Quote {
  const keys = Object.keys(value);
  return keys.length === 2 && 'paragraph' in value && 'text' in value;
}

/** An entry's name for error messages: its file and position, and its own name when it has one. */
function describe(path: string, value: object): string {
  for (const key of ['term', 'name', 'id'] as const) {
    const own = (value as Record<string, unknown>)[key];
    if (typeof own === 'string') return `${path} (${own})`;
  }
  return path;
}

/** Walks a parsed annotation file and verifies every quote in it. */
export function verifyQuotes<T>(article: Article, value: T, path: string): Verified<T> {
  if (Array.isArray(value)) {
    return (value as unknown[]).map((item, i) => verifyQuotes(article, item, `${path}[${i}]`)) as Verified<T>;
  }
  if (value !== null && typeof value === 'object') {
    if (isQuote(value)) return verifyQuote(article, value, path) as Verified<T>;
    const named = describe(path, value);
    const out: Record<string, unknown> = {};
    for (const [key, child] of Object.entries(value)) out[key] = verifyQuotes(article, child, `${named}.${key}`);
    return out as Verified<T>;
  }
  return value as Verified<T>;
}
