import type { Press } from './command.js';

/**
 * What a button answers when its custom_id no longer makes sense: an id from an older layout,
 * an older text of the article, or one altered by hand. Said only to the presser; the message
 * the button is on stays as it was.
 */
export const EXPIRED: Press = { mode: 'reply', reply: { problem: 'This answer has expired: ask again.' } };

/** A whole-number button argument within [min, max], or undefined for anything else. */
export function wholeArg(arg: string | undefined, min: number, max: number): number | undefined {
  if (arg === undefined || !/^-?\d{1,4}$/.test(arg)) return undefined;
  const number = Number(arg);
  return number >= min && number <= max ? number : undefined;
}
