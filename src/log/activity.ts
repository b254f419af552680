import type { Kind, Outcome } from '../dispatch/result.js';
import type { Logger } from './logger.js';

/** What one summary line says: the interactions and messages handled since the last one. */
export interface ActivitySummary {
  readonly handled: number;
  readonly kinds: Readonly<Partial<Record<Kind, number>>>;
  readonly outcomes: Readonly<Partial<Record<Outcome, number>>>;
  /** Handling time, from the event's arrival to the reply sent (ms). */
  readonly meanMs: number;
  readonly maxMs: number;
  readonly seconds: number;
}

const MINUTE_MS = 60_000;

/**
 * The bot's activity, told at info once a minute: how many interactions and messages it
 * handled, how they ended, and how long they took. Each one's own line is at debug: at a few
 * hundred a second, a line each cost a tenth of the bot's CPU and buried the warnings and errors.
 */
export class Activity {
  readonly #logger: Logger;
  readonly #now: () => number;
  readonly #timer: NodeJS.Timeout | undefined;
  #kinds: Partial<Record<Kind, number>> = {};
  #outcomes: Partial<Record<Outcome, number>> = {};
  #handled = 0;
  #totalMs = 0;
  #maxMs = 0;
  #since: number;

  constructor(logger: Logger, options: { readonly everyMs?: number; readonly now?: () => number } = {}) {
    this.#logger = logger;
    this.#now = options.now ?? Date.now;
    this.#since = this.#now();
    const every = options.everyMs ?? MINUTE_MS;
    // unref: a summary due is no reason to keep the process alive.
    if (every > 0) this.#timer = setInterval(() => this.flush(), every).unref();
  }

  record(kind: Kind, outcome: Outcome, ms: number): void {
    this.#handled++;
    this.#kinds[kind] = (this.#kinds[kind] ?? 0) + 1;
    this.#outcomes[outcome] = (this.#outcomes[outcome] ?? 0) + 1;
    this.#totalMs += ms;
    if (ms > this.#maxMs) this.#maxMs = ms;
  }

  /** Logs what was handled since the last summary, if anything was, and starts a new count. */
  flush(): ActivitySummary | undefined {
    const now = this.#now();
    const summary: ActivitySummary = {
      handled: this.#handled,
      kinds: this.#kinds,
      outcomes: this.#outcomes,
      meanMs: this.#handled ? round(this.#totalMs / this.#handled) : 0,
      maxMs: round(this.#maxMs),
      seconds: Math.round((now - this.#since) / 1000),
    };
    this.#kinds = {};
    this.#outcomes = {};
    this.#handled = 0;
    this.#totalMs = 0;
    this.#maxMs = 0;
    this.#since = now;
    if (summary.handled === 0) return undefined;
    this.#logger.info(summary, 'activity');
    return summary;
  }

  /** The last summary, at shutdown. */
  stop(): void {
    clearInterval(this.#timer);
    this.flush();
  }
}

function round(ms: number): number {
  return Math.round(ms * 100) / 100;
}
