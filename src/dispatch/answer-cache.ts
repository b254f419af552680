import { LRUCache } from 'lru-cache';
import type { Language } from '../i18n/words.js';
import type { MessagePayload } from '../replies/render.js';
import type { Placement } from './placement.js';

/** A rendered reply, and whether it tells the person about a mistake rather than answering. */
export interface Rendered {
  readonly payload: MessagePayload;
  readonly problem: boolean;
}

/**
 * Rendered answers by command, options, language and placement. Answer commands are pure
 * functions of their options and the asker's language over a fixed article, and people ask the
 * same things (`/goals`, “who gets demoted?”), so a repeated question skips the search and the
 * layout. Payloads are shared: nothing downstream may change them.
 */
export class AnswerCache {
  readonly #cache = new LRUCache<string, Rendered>({ max: 1000 });
  #hits = 0;
  #misses = 0;

  get(command: string, asked: string, language: Language, placement: Placement, render: () => Rendered): Rendered {
    const key = `${command}\u0000${asked}\u0000${language}\u0000${placement.ephemeral}\u0000${placement.shareable}\u0000${placement.notice ?? ''}`;
    const cached = this.#cache.get(key);
    if (cached) {
      this.#hits++;
      return cached;
    }
    this.#misses++;
    const rendered = render();
    this.#cache.set(key, rendered);
    return rendered;
  }

  /** How often a repeated question was answered from the cache, for the logs and the benchmark. */
  get stats(): { readonly hits: number; readonly misses: number } {
    return { hits: this.#hits, misses: this.#misses };
  }
}
