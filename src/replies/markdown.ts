import { escapeMarkdown } from 'discord.js';

/**
 * Makes a person's text safe to echo back: no markdown takes effect, no mention pings or
 * renders (`@everyone`, `<@&id>`), no masked link hides its target.
 */
export function escapeUserText(text: string): string {
  // Every `[` is escaped, not discord.js's `maskedLink`: its greedy pattern escapes only the first
  // of several links, and the rest stay live. Backslashes the person typed are already doubled.
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is stripped
  return escapeMarkdown(text.replace(/[\u0000-\u0008\u000B-\u001F\u007F]/g, ''), {
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
  const oneLine = text.replace(/\s+/g, ' ').trim();
  const clipped = oneLine.length > max ? `${oneLine.slice(0, max - 1).replace(/[\uD800-\uDBFF]$/, '')}…` : oneLine;
  return `“${escapeUserText(clipped)}”`;
}
