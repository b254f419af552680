import type { Alternative } from '../query.js';
import { Recent } from '../recent.js';
import { HAN } from './script.js';

/**
 * How much a word nothing knows is trusted to mean what the glossary's words holding it mean: less
 * than a stem, so it helps a paragraph that holds the rest of the question, never stands in for
 * what a question asks of a named thing.
 */
export const HELD_TRUST = 0.5;
/**
 * A part held in more of the article's ideas than this tells none of them apart: 躲 is in words
 * for shying away and standing aside; 放 is in a dozen.
 */
const MOST_MEANINGS = 2;

/**
 * The article terms a word nothing knows stands for through the glossary's words that hold it:
 * an everyday word is often a part of a longer everyday phrase the glossary does know ("躲" of
 * "躲事", "腐" of "腐败", "真实" of "真实成效"), and means what that phrase means, only less surely.
 */
export class HeldWords {
  /** For each character, the glossary words holding it, with what each stands for. */
  readonly #byCharacter = new Map<string, { word: string; terms: readonly Alternative[] }[]>();
  readonly #recent = new Recent<readonly Alternative[]>(32);

  /** `words`: the glossary's words, folded, that are not names, with their article terms. */
  constructor(words: Iterable<readonly [string, readonly Alternative[]]>) {
    for (const [word, terms] of words) {
      for (const character of new Set(word)) {
        if (!HAN.test(character)) continue;
        let list = this.#byCharacter.get(character);
        if (!list) this.#byCharacter.set(character, (list = []));
        list.push({ word, terms });
      }
    }
  }

  /** What the glossary's words holding this part stand for, when they stand for few ideas. */
  of(part: string): readonly Alternative[] {
    return this.#recent.of(part, (text) => this.#compute(text));
  }

  #compute(part: string): readonly Alternative[] {
    const [first] = part;
    if (first === undefined || ![...part].every((c) => HAN.test(c))) return [];
    const meanings = new Map<string, readonly Alternative[]>();
    for (const { word, terms } of this.#byCharacter.get(first) ?? []) {
      if (word === part || !word.includes(part) || terms.length === 0) continue;
      meanings.set(
        terms
          .map((t) => t.key)
          .sort()
          .join('|'),
        terms,
      );
    }
    if (meanings.size === 0 || meanings.size > MOST_MEANINGS) return [];
    const held = new Map<string, number>();
    for (const terms of meanings.values()) for (const { key } of terms) held.set(key, HELD_TRUST);
    return [...held].map(([key, weight]) => ({ key, weight }));
  }
}
