import type { SearchIndex } from './index.js';
import type { Token } from './text.js';

const ORDINAL_WORDS: Readonly<Record<string, number>> = {
  first: 1,
  second: 2,
  third: 3,
  fourth: 4,
  fifth: 5,
  sixth: 6,
  seventh: 7,
  eighth: 8,
  ninth: 9,
  tenth: 10,
  eleventh: 11,
  twelfth: 12,
};

/** The rank an ordinal gives ("fourth", "12th"), or undefined for any other word. */
export function ordinalOf(word: string): number | undefined {
  const figures = /^(\d+)(?:st|nd|rd|th)$/.exec(word);
  return figures ? Number(figures[1]) : ORDINAL_WORDS[word];
}

/** For each word the article writes right after an ordinal ("plenary", "press"), the ranks it gives it. */
const ranked = new WeakMap<SearchIndex, Map<string, Set<number>>>();

function ranksOf(index: SearchIndex): Map<string, Set<number>> {
  let ranks = ranked.get(index);
  if (ranks) return ranks;
  ranks = new Map<string, Set<number>>();
  for (const { tokens } of index.paragraphs) {
    for (const [at, token] of tokens.entries()) {
      const rank = ordinalOf(token.word);
      const next = tokens[at + 1];
      if (rank === undefined || !next) continue;
      const set = ranks.get(next.stem) ?? new Set<number>();
      ranks.set(next.stem, set.add(rank));
    }
  }
  ranked.set(index, ranks);
  return ranks;
}

/**
 * Ordinals the question gives a thing the article ranks otherwise: "the first press conference"
 * where the article reports only the second, "the Fourth Plenary Session" where it names the
 * Third and the Fifth. Such a question asks about another thing of the same kind.
 */
export function otherRanks(tokens: readonly Token[], index: SearchIndex): { name: string; start: number }[] {
  const ranks = ranksOf(index);
  return tokens.flatMap((token, at) => {
    const rank = ordinalOf(token.word);
    const next = tokens[at + 1];
    const given = next && ranks.get(next.stem);
    return rank !== undefined && given && !given.has(rank) ? [{ name: token.word, start: token.start }] : [];
  });
}
