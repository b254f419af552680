/**
 * Ids seen before, so that something happens once per id: a welcome per person, a share per
 * answer. `firstTime` may wait: a ledger shared by every process of the bot would be a database.
 */
export interface Ledger {
  /** True the first time an id is given, false after. */
  firstTime(id: string): boolean | Promise<boolean>;
}

/**
 * A ledger in this process's memory, of at most `max` ids, in two generations: once the newer
 * holds half of them, the older is dropped. So the ids seen longest ago are forgotten first (a
 * long run may welcome someone twice), memory stays bounded, and nothing is allocated up front.
 */
export class MemoryLedger implements Ledger {
  readonly #half: number;
  #newer = new Set<string>();
  #older = new Set<string>();

  constructor(max: number) {
    this.#half = Math.max(1, Math.floor(max / 2));
  }

  firstTime(id: string): boolean {
    if (this.#newer.has(id) || this.#older.has(id)) return false;
    if (this.#newer.size >= this.#half) {
      this.#older = this.#newer;
      this.#newer = new Set();
    }
    this.#newer.add(id);
    return true;
  }
}
