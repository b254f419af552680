import { MemoryLedger, type Ledger } from '../dispatch/index.js';
import type { Logger } from '../log/logger.js';

/** Discord's answers to a post the bot may not make: it cannot see the channel, or may not post what it sent. */
const PERMISSION_CODES: ReadonlySet<number> = new Set([50001 /* Missing Access */, 50013 /* Missing Permissions */]);

/** Discord's code when `error` refused a post for lack of permission; undefined otherwise. */
export function permissionRefusal(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  const { code } = error;
  return typeof code === 'number' && PERMISSION_CODES.has(code) ? code : undefined;
}

/** At most this many channels remembered as reported; the oldest is forgotten first, and is logged again. */
export const REFUSED_CHANNELS_LIMIT = 10_000;

/**
 * Posts Discord refused for lack of permission, logged once per channel (a moderator's change
 * refuses every answer there until it is undone: one line says it, not one per message). Only
 * channel ids are kept, in memory.
 */
export class PostRefusals {
  readonly #told: Ledger;

  constructor(limit = REFUSED_CHANNELS_LIMIT) {
    this.#told = new MemoryLedger(limit);
  }

  /** Logs the refusal if it is the first for this channel. */
  async note(logger: Logger, where: { readonly guild?: string | undefined; readonly channel: string }, code: number) {
    if (!(await this.#told.firstTime(where.channel))) return;
    logger.warn(
      { guild: where.guild, channel: where.channel, code },
      'cannot post in a channel: a permission is missing there (said once per channel)',
    );
  }
}
