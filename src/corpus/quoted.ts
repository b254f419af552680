import type { Article } from './article.js';

/** A span the article prints between quotation marks (“…” or ‘…’). */
export interface QuotedSpan {
  readonly paragraph: number;
  readonly text: string;
  readonly start: number;
}

/** Double and single quotes are read apart: ‘lion pack’ stands inside Huang Qiang's “…” speech. */
const QUOTED = [/“([^”]+)”/g, /‘([^’]+)’/g];

export function quotedSpans(article: Article): QuotedSpan[] {
  const spans: QuotedSpan[] = [];
  for (const paragraph of article.paragraphs) {
    for (const pattern of QUOTED) {
      for (const match of paragraph.text.matchAll(pattern)) {
        spans.push({ paragraph: paragraph.number, text: match[1] ?? '', start: match.index + 1 });
      }
    }
  }
  return spans.sort((a, b) => a.paragraph - b.paragraph || a.start - b.start);
}

export function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}
