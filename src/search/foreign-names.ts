/**
 * Names a question gives that the article does not know ("Shanghai's rules", "Jilin University",
 * "US companies"): a capitalised word in mid-sentence, or an acronym, that neither the article
 * nor what people ask of it ever capitalises. A question about such a name asks about something
 * else, whatever words it shares with the article.
 */
export class ForeignNames {
  readonly #known: ReadonlySet<string>;
  readonly #isKnown: (word: string, names: ReadonlySet<string>) => boolean;

  /**
   * `texts`: the article and its asks, whose capitalised words are names the search knows;
   * `isKnown`: whether a word is known some other way (a synonym), given the names.
   */
  constructor(texts: Iterable<string>, isKnown: (word: string, names: ReadonlySet<string>) => boolean) {
    const known = new Set<string>();
    for (const text of texts)
      for (const [word] of text.matchAll(/\p{Lu}[\p{L}\p{N}]*/gu)) known.add(word.toLowerCase());
    this.#known = known;
    this.#isKnown = isKnown;
  }

  /** Whether a capitalised word, as typed, is a name neither the article nor its asks know. */
  isUnknown(word: string): boolean {
    const folded = word.toLowerCase();
    return !this.#known.has(folded) && !this.#isKnown(folded, this.#known);
  }

  /** The unknown names in a question, as typed, with where each starts. */
  in(question: string): { readonly name: string; readonly start: number }[] {
    const words = question.match(/[\p{L}\p{N}'’]+/gu) ?? [];
    const capitalised = words.filter((w) => /^\p{Lu}/u.test(w)).length;
    // A question typed in Title Case capitalises everything: nothing stands out as a name.
    if (words.length >= 3 && capitalised / words.length >= 0.6) return [];
    const found: { name: string; start: number }[] = [];
    for (const match of question.matchAll(/(?<=[\p{L}\p{N},'’]\s+)(?:\p{Lu}\p{Ll}+|\p{Lu}{2,5})(?=[\s,.?!;:'’]|$)/gu)) {
      const word = match[0];
      if (!this.isUnknown(word)) continue;
      found.push({ name: word, start: match.index });
    }
    return found;
  }
}
