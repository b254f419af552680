/** What the limiter decides for one request. */
export type Verdict =
  | { readonly allowed: true }
  /** `tell` is true once per window: the first refusal is explained, later ones are quiet. */
  | { readonly allowed: false; readonly retryInSeconds: number; readonly tell: boolean };

/**
 * The per-person limit as the dispatcher uses it. A check may wait (a limit shared by every
 * process of the bot would live in a database); the clock is the dispatcher's.
 */
export interface FairUse {
  check(personId: string, now: number): Verdict | Promise<Verdict>;
}

export interface FairUseOptions {
  /** Answers per person per window (default 6). */
  readonly answers?: number;
  /** The window, in milliseconds (default 30 s). */
  readonly windowMs?: number;
}

/** One person's recent answers, and their place in the list of people by when they last asked. */
interface Window {
  readonly personId: string;
  /**
   * The times of the person's last `answers` answers, as a ring: `times[oldest]` is the oldest
   * once it is full. Only the oldest of the last `answers` decides, so nothing older is kept.
   */
  readonly times: number[];
  oldest: number;
  /** Whether this window's refusal has been explained already. */
  told: boolean;
  /** The last time the person asked, answered or not. */
  seen: number;
  earlier: Window | undefined;
  later: Window | undefined;
}

/**
 * A per-person limit across DMs, mentions and commands, kept in this process: so many answers
 * per sliding window.
 * Refusals past the first in a window are silent, so the limit never makes noise of its own.
 *
 * A check costs the same however many people are asking: a window keeps only the last `answers`
 * times of its person, and the people are linked in the order they last asked, so those idle for
 * a whole window are dropped from the front, each once. (Scanning everyone for idle people on
 * every check took 1 ms a check at 50,000 people; a Map's own order, with its holes left by
 * moves, still grew with the number of people.)
 */
export class SlidingWindowLimit implements FairUse {
  readonly #answers: number;
  readonly #windowMs: number;
  readonly #people = new Map<string, Window>();
  /** Idle longest. */
  #first: Window | undefined;
  /** Asked last. */
  #last: Window | undefined;

  constructor({ answers = 6, windowMs = 30_000 }: FairUseOptions = {}) {
    this.#answers = answers;
    this.#windowMs = windowMs;
  }

  check(personId: string, now: number): Verdict {
    this.#forgetIdle(now);
    let window = this.#people.get(personId);
    if (window) this.#unlink(window);
    else {
      window = { personId, times: [], oldest: 0, told: false, seen: now, earlier: undefined, later: undefined };
      this.#people.set(personId, window);
    }
    this.#append(window);
    window.seen = now;
    const { times } = window;
    if (times.length < this.#answers) {
      times.push(now);
      window.told = false;
      return { allowed: true };
    }
    const oldest = times[window.oldest]!;
    if (now - oldest >= this.#windowMs) {
      times[window.oldest] = now;
      window.oldest = (window.oldest + 1) % this.#answers;
      window.told = false;
      return { allowed: true };
    }
    const retryInSeconds = Math.max(1, Math.ceil((oldest + this.#windowMs - now) / 1000));
    const tell = !window.told;
    window.told = true;
    return { allowed: false, retryInSeconds, tell };
  }

  /** How many people the limiter remembers: those who asked within the last window. */
  get size(): number {
    return this.#people.size;
  }

  /** Drops the people who have not asked for a whole window: none of their answers still counts. */
  #forgetIdle(now: number): void {
    while (this.#first && now - this.#first.seen >= this.#windowMs) {
      const idle = this.#first;
      this.#unlink(idle);
      this.#people.delete(idle.personId);
    }
  }

  #unlink(window: Window): void {
    if (window.earlier) window.earlier.later = window.later;
    else this.#first = window.later;
    if (window.later) window.later.earlier = window.earlier;
    else this.#last = window.earlier;
    window.earlier = undefined;
    window.later = undefined;
  }

  #append(window: Window): void {
    window.earlier = this.#last;
    if (this.#last) this.#last.later = window;
    else this.#first = window;
    this.#last = window;
  }
}
