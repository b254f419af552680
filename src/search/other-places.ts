import type { Token } from './text.js';

/**
 * Places other than the article's setting as a question types them, in lowercase or as a people
 * ("guangdong", "the us", "american politics", "other provinces"), which the capitalised names
 * the article does not know (foreign-names.ts) miss. A question about one asks about somewhere
 * else, whatever words it shares with the article.
 */
export class OtherPlaces {
  /** First word of a place → the places starting with it, as words, longest first. */
  readonly #byFirst = new Map<string, string[][]>();

  constructor(places: Iterable<string>) {
    for (const place of places) {
      const words = place.split(' ');
      const list = this.#byFirst.get(words[0]!) ?? [];
      list.push(words);
      list.sort((a, b) => b.length - a.length);
      this.#byFirst.set(words[0]!, list);
    }
  }

  /** The places a question's tokens write, with where each starts, none overlapping. */
  in(tokens: readonly Token[], text: string): { readonly name: string; readonly start: number }[] {
    const found: { name: string; start: number }[] = [];
    for (let i = 0; i < tokens.length; i++) {
      const place = this.#byFirst
        .get(tokens[i]!.word)
        ?.find((words) => words.every((word, k) => tokens[i + k]?.word === word));
      if (!place) continue;
      const last = tokens[i + place.length - 1]!;
      found.push({ name: text.slice(tokens[i]!.start, last.end), start: tokens[i]!.start });
      i += place.length - 1;
    }
    return found;
  }
}
