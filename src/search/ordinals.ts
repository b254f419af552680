import { chineseNumeral } from './chinese/numerals.js';
import type { SearchIndex } from './index.js';
import type { Concept } from './query.js';
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
  if (figures) return Number(figures[1]);
  return Object.hasOwn(ORDINAL_WORDS, word) ? ORDINAL_WORDS[word] : undefined;
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

/** The rank a Chinese ordinal gives ("第一", "第十二", "第20"), or undefined. */
export function chineseOrdinalOf(text: string): number | undefined {
  const match = /^第(\d+|[一二两三四五六七八九十]+)/u.exec(text);
  const numeral = match?.[1];
  return numeral === undefined ? undefined : chineseNumeral(numeral);
}

/** The ranks the article's terms for an idea give it ("second press conference in a series": 2). */
function ranksIn(concept: Concept): Set<number> {
  const ranks = new Set<number>();
  for (const { key } of concept.alternatives) {
    for (const word of key.replace(/^[=~]/, '').split(' ')) {
      const rank = ordinalOf(word);
      if (rank !== undefined) ranks.add(rank);
    }
  }
  return ranks;
}

/**
 * "系列发布会第一场": a Chinese ordinal beside an idea the article ranks otherwise (its series'
 * second press conference) names another of the kind, as asked about elsewhere.
 */
export function otherChineseRanks(concepts: readonly Concept[]): Concept[] {
  return concepts.map((c, i) => {
    const rank = chineseOrdinalOf(c.text);
    if (rank === undefined || c.first < 0) return c;
    const beside = [concepts[i - 1], concepts[i + 1]].filter((d): d is Concept => d !== undefined && d.first >= 0);
    const given = beside.map(ranksIn).filter((ranks) => ranks.size > 0);
    if (given.length === 0 || given.some((ranks) => ranks.has(rank))) return c;
    return { text: c.text, alternatives: [], first: c.first, last: c.last, foreign: true };
  });
}

/**
 * "The second of the five goals", "the last one of those measures": one item of a list the
 * article numbers, asked as "the second goal" is (the count and the list's own words only say
 * which list).
 */
const NTH_OF_LIST =
  /\b(first|second|third|fourth|fifth|last)\s+(?:one\s+)?of\s+(?:the|those|these|its|their|his|her)\s+(?:(?:two|three|four|five|\d+)\s+)?(?:[\p{L}“”"'-]+\s+)?(goal|measure|point|aim|step|thing|priorit)(?:s|ies)\b/giu;

export function nthOfList(question: string): string {
  return question.replace(
    NTH_OF_LIST,
    (_whole, nth: string, item: string) => `${nth} ${item === 'priorit' ? 'priority' : item}`,
  );
}
