import { escapeMarkdown } from 'discord.js';

/**
 * Marks a person can type that change how the text around them displays: bidirectional
 * embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069), direction marks (U+200E,
 * U+200F, U+061C), and zero-width spaces and joiners that hide between letters (U+200B, U+2060,
 * U+FEFF). U+200C and U+200D are kept: emoji sequences and some scripts need them.
 */
const INVISIBLE_MARKS = /[\u202A-\u202E\u2066-\u2069\u200B\u200E\u200F\u061C\u2060\uFEFF]/g;

/** A person's text without the marks that would make it display other than it reads. */
export function withoutInvisibleMarks(text: string): string {
  return text.replace(INVISIBLE_MARKS, '');
}

/**
 * Makes a person's text safe to echo back: no markdown takes effect, no mention pings or
 * renders (`@everyone`, `<@&id>`), no masked link hides its target, nothing reverses or hides
 * the letters around it. The only zero-width spaces left are the ones put after `@` and `<`.
 */
export function escapeUserText(text: string): string {
  // Every `[` is escaped, not discord.js's `maskedLink`: its greedy pattern escapes only the first
  // of several links, and the rest stay live. Backslashes the person typed are already doubled.
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is stripped
  const plain = withoutInvisibleMarks(text).replace(/[\u0000-\u0008\u000B-\u001F\u007F]/g, '');
  return escapeMarkdown(plain, {
    numberedList: true,
    bulletedList: true,
    heading: true,
  })
    .replace(/\[/g, '\\[')
    .replace(/@/g, '@\u200B')
    .replace(/</g, '<\u200B')
    .replace(/\n+/g, ' ');
}

/** A person's text inside quotation marks, cut to fit, safe to show. */
export function echo(text: string, max = 80): string {
  const oneLine = withoutInvisibleMarks(text).replace(/\s+/g, ' ').trim();
  const clipped = oneLine.length > max ? `${oneLine.slice(0, max - 1).replace(/[\uD800-\uDBFF]$/, '')}…` : oneLine;
  return `“${escapeUserText(clipped)}”`;
}
