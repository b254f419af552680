import type { Corpus } from './load.js';

/**
 * A lookup built from the corpus once, on first use, and kept as long as the corpus lives:
 * autocomplete and "did you mean" read theirs on every keystroke.
 */
export function derivedFrom<T>(build: (corpus: Corpus) => T): (corpus: Corpus) => T {
  const built = new WeakMap<Corpus, T>();
  return (corpus) => {
    let value = built.get(corpus);
    if (value === undefined) {
      value = build(corpus);
      built.set(corpus, value);
    }
    return value;
  };
}
