/**
 * What was worked out for the last few texts, by text. One question reads the same text several
 * times (whether a sentence has content, then its words, then the people it names); a handful of
 * entries is enough for that, and being cleared when full it never grows with the questions asked.
 */
export class Recent<T> {
  readonly #values = new Map<string, T>();

  constructor(readonly capacity: number) {}

  /** The value for this text, worked out by `compute` unless it was lately. */
  of(text: string, compute: (text: string) => T): T {
    let value = this.#values.get(text);
    if (value === undefined) {
      value = compute(text);
      if (this.#values.size >= this.capacity) this.#values.clear();
      this.#values.set(text, value);
    }
    return value;
  }
}
