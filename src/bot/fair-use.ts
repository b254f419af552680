/** What the limiter decides for one request. */
export type Verdict =
  | { readonly allowed: true }
  /** `tell` is true once per window: the first refusal is explained, later ones are quiet. */
  | { readonly allowed: false; readonly retryInSeconds: number; readonly tell: boolean };

export interface FairUseOptions {
  readonly answers?: number;
  readonly windowMs?: number;
  readonly now?: () => number;
}

interface Window {
  /** Times of the answers given in the current window, oldest first. */
  readonly times: number[];
  /** Whether this window's refusal has been explained already. */
  told: boolean;
}

/**
 * A per-person limit across DMs, mentions and commands: so many answers per sliding window.
 * Refusals past the first in a window are silent, so the limit never makes noise of its own.
 */
export class FairUse {
  readonly #answers: number;
  readonly #windowMs: number;
  readonly #now: () => number;
  readonly #people = new Map<string, Window>();

  constructor({ answers = 6, windowMs = 30_000, now = Date.now }: FairUseOptions = {}) {
    this.#answers = answers;
    this.#windowMs = windowMs;
    this.#now = now;
  }

  check(personId: string): Verdict {
    const now = this.#now();
    if (this.#people.size > 10_000) this.#forgetIdle(now);
    const window = this.#people.get(personId) ?? { times: [], told: false };
    this.#people.set(personId, window);
    while (window.times.length && now - window.times[0]! >= this.#windowMs) window.times.shift();
    if (window.times.length < this.#answers) {
      window.times.push(now);
      window.told = false;
      return { allowed: true };
    }
    const retryInSeconds = Math.max(1, Math.ceil((window.times[0]! + this.#windowMs - now) / 1000));
    const tell = !window.told;
    window.told = true;
    return { allowed: false, retryInSeconds, tell };
  }

  /** Drops people with no answer in the current window, so the map stays small. */
  #forgetIdle(now: number): void {
    for (const [id, window] of this.#people) {
      if (window.times.every((t) => now - t >= this.#windowMs)) this.#people.delete(id);
    }
  }
}

export function slowDown(retryInSeconds: number): string {
  return `You are asking faster than I can answer fairly for everyone: please try again in ${retryInSeconds} s.`;
}
