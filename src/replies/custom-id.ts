import { LIMITS } from './limits.js';

/**
 * Buttons carry all the state they need in their custom_id, `verb:arg:…`, so a press works
 * after a restart. Only the last argument may hold free text (and so a colon); it is shortened
 * on a word boundary when the id would pass Discord's 100 characters.
 */
export function encodeAction(verb: string, ...args: (string | number)[]): string {
  const fixed = [verb, ...args.slice(0, -1).map(String)].join(':');
  if (args.length === 0) return verb;
  const last = String(args.at(-1));
  const room = LIMITS.customId - fixed.length - 1;
  if (room <= 0) throw new RangeError(`custom_id too long: ${fixed}`);
  let text = last;
  if (text.length > room) {
    text = text.slice(0, room);
    const boundary = text.lastIndexOf(' ');
    if (boundary > room / 2) text = text.slice(0, boundary);
    text = text.replace(/[\uD800-\uDBFF]$/, '');
  }
  return `${fixed}:${text}`;
}

export interface Action {
  readonly verb: string;
  readonly args: readonly string[];
}

/** Reads a custom_id back; `arity` is how many arguments the verb takes (the last may hold colons). */
export function decodeAction(customId: string, arity: number): Action | null {
  const parts = customId.split(':');
  const verb = parts[0];
  if (!verb || parts.length < arity + 1) return null;
  const args = [...parts.slice(1, arity), parts.slice(arity).join(':')].slice(0, arity);
  return { verb, args: arity === 0 ? [] : args };
}
