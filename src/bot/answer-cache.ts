import { LRUCache } from 'lru-cache';
import type { Options } from '../../commands/command.js';
import type { MessagePayload } from '../replies/render.js';
import type { Placement } from './policy.js';

/** A rendered reply, and whether it tells the person about a mistake rather than answering. */
export interface Rendered {
  readonly payload: MessagePayload;
  readonly problem: boolean;
}

/**
 * Rendered answers by command, options and placement. The answer commands are pure functions of
 * their options over a fixed article, and people ask the same things (`/goals`, “who gets
 * demoted?”), so a repeated question skips the search and the layout. Payloads are shared:
 * nothing downstream may change them.
 */
export class AnswerCache {
  readonly #cache = new LRUCache<string, Promise<Rendered>>({ max: 1000 });
  #hits = 0;
  #misses = 0;

  get(command: string, options: Options, placement: Placement, render: () => Promise<Rendered>): Promise<Rendered> {
    const key = `${command}\u0000${JSON.stringify(options)}\u0000${placement.ephemeral}\u0000${placement.shareable}\u0000${placement.notice ?? ''}`;
    const cached = this.#cache.get(key);
    if (cached) {
      this.#hits++;
      return cached;
    }
    this.#misses++;
    // The promise is kept, so the same question asked twice at once is answered once; a
    // failure is not kept, so the next asker tries again.
    const rendered = render();
    this.#cache.set(key, rendered);
    rendered.catch(() => this.#cache.delete(key));
    return rendered;
  }

  /** How often a repeated question was answered from the cache, for the logs and the benchmark. */
  get stats(): { readonly hits: number; readonly misses: number } {
    return { hits: this.#hits, misses: this.#misses };
  }
}
