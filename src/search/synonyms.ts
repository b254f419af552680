import type { Synonym } from '../corpus/load.js';
import { baseKey } from './index.js';
import { inflectionBases, tokenize } from './text.js';

/** An everyday phrase (as inflection bases) and the article's terms it stands for (as posting keys). */
export interface SynonymRule {
  readonly words: readonly string[];
  readonly means: readonly string[];
}

/**
 * An article term as the index keys it: one word by its inflections (a stem would let
 * "accountability" reach "account"), a phrase by its stems joined by spaces.
 */
export function termKey(text: string): string {
  const tokens = tokenize(text);
  if (tokens.length === 1) return baseKey(tokens[0]!.base);
  return tokens.map((t) => t.stem).join(' ');
}

/** Rules by their first word's base, so a query word finds its candidates without a scan. */
export type SynonymTable = ReadonlyMap<string, readonly SynonymRule[]>;

/** One rule per everyday phrase; under each first stem, longest first so "top official" wins over "official". */
export function compileSynonyms(synonyms: readonly Synonym[]): SynonymTable {
  const table = new Map<string, SynonymRule[]>();
  for (const { words, means } of synonyms) {
    const keys = means.map(termKey);
    for (const phrase of words) {
      const bases = inflectionBases(phrase);
      const first = bases[0];
      if (first === undefined) continue;
      table.set(first, [...(table.get(first) ?? []), { words: bases, means: keys }]);
    }
  }
  for (const rules of table.values()) rules.sort((a, b) => b.words.length - a.words.length);
  return table;
}
