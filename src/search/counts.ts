import type { SearchIndex } from './index.js';
import type { Concept } from './query.js';
import type { Token } from './text.js';

/** A count stands this near (in words) the thing it counts: “11 provincial-level cadres”, “five more” goals. */
const COUNT_WINDOW = 3;

const NUMBER_WORDS = new Set([
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
]);
const MONTHS = /^(?:january|february|march|april|may|june|july|august|september|october|november|december)$/;

/**
 * Words a "how many" question counts by that name nothing in particular ("how many things",
 * "how many types of situations", "几个人"): any count the passage gives may answer it.
 */
export const GENERIC_COUNTED = new Set([
  'thing',
  'things',
  'type',
  'types',
  'kind',
  'kinds',
  'sort',
  'sorts',
  'item',
  'items',
  'point',
  'points',
  'part',
  'parts',
  'way',
  'ways',
  'one',
  'ones',
  'aspect',
  'aspects',
  'category',
  'categories',
  'people',
  'persons',
  'person',
  'individuals',
  'folks',
  'guys',
  // and as a Chinese question counts them: 人, 东西, 方面
  '人',
  '人员',
  '东西',
  '方面',
  '事',
  '事情',
]);

/**
 * Whether a word of the text is a count: a cardinal number, not a day of a month ("November 21"),
 * a year ("2024"), an ordinal ("9th", "Fifth") or the pronoun "one" ("no one").
 */
function isCount(tokens: readonly Token[], at: number): boolean {
  const word = tokens[at]!.word;
  if (NUMBER_WORDS.has(word)) return true;
  if (!/^\d+$/.test(word) || /^(?:19|20)\d\d$/.test(word)) return false;
  return !MONTHS.test(tokens[at - 1]?.word ?? '');
}

/**
 * Whether a count before the thing counts another: "the “two functions” of party organizations"
 * counts functions, not organizations.
 */
function countsAnother(tokens: readonly Token[], count: number, thing: number): boolean {
  for (let at = count + 1; at < thing; at++) if (tokens[at]!.word === 'of') return true;
  return false;
}

/** Whether the paragraph gives any count at all. */
export function holdsCount(index: SearchIndex, paragraph: number): boolean {
  const tokens = index.paragraphs[paragraph]?.tokens ?? [];
  return tokens.some((_, at) => isCount(tokens, at));
}

/**
 * Whether the paragraph gives a count of the thing: one of the concept's forms stands in its
 * words with a count beside it. "How many provinces does China have" is not answered by the
 * province that adjusted 11 cadres, nor "how many members" by party members no count is given of.
 */
export function countsNear(index: SearchIndex, paragraph: number, counted: Concept): boolean {
  const tokens = index.paragraphs[paragraph]?.tokens ?? [];
  for (const { key } of counted.alternatives) {
    const posting = index.posting(key);
    for (const position of posting?.positions.get(paragraph) ?? []) {
      const from = Math.max(0, position - COUNT_WINDOW);
      const to = Math.min(tokens.length - 1, position + posting!.length - 1 + COUNT_WINDOW);
      for (let at = from; at <= to; at++) if (isCount(tokens, at) && !countsAnother(tokens, at, position)) return true;
    }
  }
  return false;
}

/** Whether the concept stands in the paragraph's own words, in any of its forms. */
export function standsIn(index: SearchIndex, paragraph: number, concept: Concept): boolean {
  return concept.alternatives.some(({ key }) => index.posting(key)?.positions.has(paragraph) ?? false);
}

/** Whether the concept stands anywhere in the article's own words, not only in what people ask of it. */
export function standsInText(index: SearchIndex, concept: Concept): boolean {
  return concept.alternatives.some(({ key }) => index.posting(key) !== undefined);
}
