import type { Article } from './article.js';

/** A span the article prints between quotation marks (“…” or ‘…’). */
export interface QuotedSpan {
  readonly paragraph: number;
  readonly text: string;
  readonly start: number;
}

const QUOTED = /“([^”]+)”|‘([^’]+)’/g;

export function quotedSpans(article: Article): QuotedSpan[] {
  const spans: QuotedSpan[] = [];
  for (const paragraph of article.paragraphs) {
    for (const match of paragraph.text.matchAll(QUOTED)) {
      const text = match[1] ?? match[2] ?? '';
      spans.push({ paragraph: paragraph.number, text, start: match.index + 1 });
    }
  }
  return spans;
}

export function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}
