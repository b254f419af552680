import { formatCitation, parseCitation, type Citation } from '../corpus/citation.js';
import type { Range } from '../corpus/range.js';
import type { Quoted } from './answer.js';
import { ELLIPSIS } from './limits.js';

/** `text` with its ranges in bold: `**` is the only mark added to the article's words. */
export function embolden(text: string, ranges: readonly Range[] = []): string {
  let out = '';
  let at = 0;
  for (const [start, end] of ranges) {
    if (start < at || end > text.length || start >= end) continue;
    out += `${text.slice(at, start)}**${text.slice(start, end)}**`;
    at = end;
  }
  return out + text.slice(at);
}

/** A quote as Discord shows it: `> ` lines holding only the article's words, then its citation. */
export function blockQuote(quoted: Quoted, elidedBefore = false, elidedAfter = false): string {
  const body = `${elidedBefore ? ELLIPSIS : ''}${embolden(quoted.text, quoted.ranges)}${elidedAfter ? ELLIPSIS : ''}`;
  return `${body
    .split('\n')
    .map((line) => `> ${line}`)
    .join('\n')}\n— ${formatCitation(quoted.citation)}`;
}

/**
 * Splits a quote too long for one block into pieces that each fit `max` characters once
 * rendered, cut on word boundaries and marked with `…`; each piece keeps its own bold ranges.
 */
export function splitQuote(quoted: Quoted, max: number): string[] {
  const whole = blockQuote(quoted);
  if (whole.length <= max) return [whole];
  const pieces: string[] = [];
  const { text } = quoted;
  let start = 0;
  while (start < text.length) {
    // Room for the text: the budget less the marks, the citation and the bold marks within.
    let end = Math.min(text.length, start + Math.max(40, max - 40));
    for (;;) {
      if (end < text.length) {
        const boundary = text.lastIndexOf(' ', end);
        if (boundary > start) end = boundary;
      }
      const piece = blockQuote(pieceOf(quoted, start, end), start > 0, end < text.length);
      if (piece.length <= max || end - start <= 40) {
        pieces.push(piece);
        break;
      }
      end = start + Math.floor((end - start) * 0.9);
    }
    start = end;
    while (text[start] === ' ') start++;
  }
  return pieces;
}

function pieceOf(quoted: Quoted, start: number, end: number): Quoted {
  const ranges = (quoted.ranges ?? [])
    .filter(([s, e]) => e > start && s < end)
    .map(([s, e]) => [Math.max(s, start) - start, Math.min(e, end) - start] as const);
  return { text: quoted.text.slice(start, end), citation: quoted.citation, ranges };
}

/** A block quote read back from a rendered message. */
export interface QuoteRead {
  /** The `> ` lines as written, marks and all. */
  readonly lines: readonly string[];
  /** The quoted words: `> ` marks and bold taken out, lines joined; elisions stay as `…`. */
  readonly text: string;
  /** The line after the quote, when it reads `— ¶N` or `— ¶N.S`. */
  readonly citation: Citation | null;
  /** That line as written (or undefined at the end of the text). */
  readonly after: string | undefined;
}

const CITATION_LINE = /^— (¶\d+(?:\.\d+)?)$/;

/**
 * Every block quote of a rendered text, in order, with the citation that closes it: the one
 * reader of what `blockQuote` writes. A line opening with `>` counts, so a malformed one is
 * seen by whoever checks `lines`.
 */
export function readQuotes(text: string): QuoteRead[] {
  const lines = text.split('\n');
  const quotes: QuoteRead[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i]!.startsWith('>')) continue;
    let end = i;
    while (lines[end + 1]?.startsWith('>')) end++;
    const quoted = lines.slice(i, end + 1);
    const after = lines[end + 1];
    const cited = after === undefined ? null : CITATION_LINE.exec(after);
    quotes.push({
      lines: quoted,
      text: quoted
        .map((line) => line.replace(/^>\s?/, ''))
        .join('\n')
        .replaceAll('**', ''),
      citation: cited ? parseCitation(cited[1]!) : null,
      after,
    });
    i = end;
  }
  return quotes;
}

/** The citations closing the quotes of a rendered text, as written (`¶4.2`), in order. */
export function citationsOf(text: string): string[] {
  return readQuotes(text).flatMap((quote) => (quote.citation ? [formatCitation(quote.citation)] : []));
}
