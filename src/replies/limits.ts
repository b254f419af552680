/** Discord's message limits, as the API enforces them. */
export const LIMITS = {
  content: 2000,
  embedTitle: 256,
  embedDescription: 4096,
  fieldName: 256,
  fieldValue: 1024,
  fields: 25,
  embedsTotal: 6000,
  embeds: 10,
  footer: 2048,
  customId: 100,
  buttonLabel: 80,
  buttonsPerRow: 5,
  rows: 5,
  choices: 25,
  choiceName: 100,
  choiceValue: 100,
} as const;

/** The mark of an elision inside a quote, and of text cut short outside one. */
export const ELLIPSIS = '…';

/**
 * Cuts text to at most `max` characters on a word boundary, marking the cut with `…`.
 * Counts UTF-16 units, as Discord does.
 */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const room = text.slice(0, Math.max(0, max - ELLIPSIS.length));
  const boundary = room.search(/\s+\S*$/);
  const cut = boundary > max / 2 ? room.slice(0, boundary) : room;
  // Never leave half a surrogate pair behind.
  return `${cut.replace(/[\uD800-\uDBFF]$/, '').trimEnd()}${ELLIPSIS}`;
}
