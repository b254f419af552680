import { LRUCache } from 'lru-cache';

/**
 * Ids seen before, so that something happens once per id: a welcome per person, a share per
 * answer. `firstTime` may wait: a ledger shared by every process of the bot would be a database.
 */
export interface Ledger {
  /** True the first time an id is given, false after. */
  firstTime(id: string): boolean | Promise<boolean>;
}

/**
 * A ledger in this process's memory, of at most `max` ids: the oldest are forgotten first, so a
 * restart or a long run may welcome someone twice, and memory stays bounded.
 */
export class MemoryLedger implements Ledger {
  readonly #seen: LRUCache<string, true>;

  constructor(max: number) {
    this.#seen = new LRUCache({ max });
  }

  firstTime(id: string): boolean {
    if (this.#seen.has(id)) return false;
    this.#seen.set(id, true);
    return true;
  }
}
