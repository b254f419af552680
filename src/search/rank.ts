import type { AskPosting } from './asks.js';
import { idf, keyLength, type Posting, type SearchIndex } from './index.js';
import type { Concept } from './query.js';

/** BM25's usual constants: term-frequency saturation and length normalisation. */
const K1 = 1.2;
const B = 0.75;
/** Two query ideas standing this close in the text (in tokens) read as one phrase. */
const PHRASE_WINDOW = 3;
/** How much a phrase found together adds, relative to the two ideas' weights. */
const PHRASE_BONUS = 1;
/** The best sentence's own match helps a paragraph whose match is concentrated. */
const SENTENCE_SHARE = 0.5;
/** How much an idea the article does not contain weighs against coverage: more than its rarest word. */
const UNSEEN_WEIGHT = 2;
/** A name the article does not know weighs as the rarest of its words, and more. */
const FOREIGN_WEIGHT = 5;
/** An idea found only in what people ask of a paragraph, not in its words, is weaker evidence. */
const ASK_TRUST = 0.8;
/** The asks field's BM25 beside the text's. */
const ASK_FIELD_WEIGHT = 0.7;
/** A person spoken of in a paragraph that does not name them (their own speech, reported). */
const TRUST_BY_REFERENCE = 0.9;

export interface Ranked {
  readonly paragraph: number;
  /** Index into `SearchIndex.sentences` of the sentence that answers best. */
  readonly sentence: number;
  /** Orders the results; unbounded. */
  readonly rank: number;
  /** How surely each idea of the query is found here, in [0, 1]: 0 where it is not. */
  readonly strengths: readonly number[];
  /** Which ideas stand in the paragraph's own words (or its speaker's), not only in its asks. */
  readonly inText: readonly boolean[];
  /** How closely the query's ideas stand together here, in [0, 1]. */
  readonly closeness: number;
  /** Posting keys of the query found in this paragraph, for highlighting. */
  readonly matched: ReadonlySet<string>;
}

export interface Ranking {
  /** How much each idea of the query weighs: as its paragraphs are few; UNSEEN_WEIGHT when the article lacks it. */
  readonly importances: readonly number[];
  /** Every paragraph that holds some idea of the query, best first. */
  readonly ranked: readonly Ranked[];
}

export interface RankOptions {
  /** Read the asks field (what people ask of each paragraph) beside the text. */
  readonly asks: boolean;
}

function bm25(tf: number, length: number, average: number, weight: number): number {
  return (weight * (tf * (K1 + 1))) / (tf + K1 * (1 - B + (B * length) / average));
}

interface Resolved {
  readonly concept: Concept;
  readonly importance: number;
  readonly sentenceImportance: number;
  readonly postings: readonly { key: string; weight: number; posting: Posting; length: number }[];
  readonly askPostings: readonly { key: string; weight: number; posting: AskPosting }[];
  /** How much the idea counts: less for the context around a long question's real one. */
  readonly emphasis: number;
}

/**
 * How closely two query ideas stand together in a paragraph: 1 when the text spaces them as the
 * query does ("Minister of Organization"), less when a word or two more stands between them, half
 * when the order is reversed, 0 when they are apart.
 */
function near(a: Resolved, b: Resolved, paragraph: number, inSentence?: (position: number) => boolean): number {
  const queryGap = b.concept.first - a.concept.last;
  let best = 0;
  for (const left of a.postings) {
    const xs = left.posting.positions.get(paragraph);
    if (!xs) continue;
    for (const right of b.postings) {
      const ys = right.posting.positions.get(paragraph);
      if (!ys) continue;
      for (const x of xs) {
        if (inSentence && !inSentence(x)) continue;
        for (const y of ys) {
          const after = y - (x + left.length - 1);
          const before = x - (y + right.length - 1);
          if (after === queryGap) return 1;
          if (after >= 1 && after <= PHRASE_WINDOW) best = Math.max(best, 0.5);
          else if (before >= 1 && before <= PHRASE_WINDOW) best = Math.max(best, 0.25);
        }
      }
    }
  }
  return best;
}

export interface RankOptions {
  /** Read the asks field (what people ask of each paragraph) beside the text. */
  readonly asks: boolean;
}

/** Ranks every paragraph that answers part of the query, best first. */
export function rank(concepts: readonly Concept[], index: SearchIndex, { asks }: RankOptions): Ranking {
  const resolved: Resolved[] = concepts.map((concept) => {
    const postings = concept.alternatives.flatMap(({ key, weight }) => {
      const posting = index.posting(key);
      return posting ? [{ key, weight, posting, length: keyLength(key) }] : [];
    });
    const askPostings = asks
      ? concept.alternatives.flatMap(({ key, weight }) => {
          const posting = index.asks.posting(key);
          return posting ? [{ key, weight, posting }] : [];
        })
      : [];
    // An idea is as telling as the paragraphs (and sentences) that hold it, in any of its forms, are few.
    const paragraphs = new Set([
      ...postings.flatMap(({ posting }) => [...posting.positions.keys()]),
      ...askPostings.flatMap(({ posting }) => [...posting.counts.keys()]),
    ]);
    const sentences = new Set([
      ...postings.flatMap(({ posting }) => [...posting.sentenceCounts.keys()]),
      ...askPostings.flatMap(({ posting }) => [...posting.sentenceCounts.keys()]),
    ]);
    const seen = paragraphs.size > 0;
    const unseen = concept.foreign ? FOREIGN_WEIGHT : UNSEEN_WEIGHT;
    const importance = seen ? idf(index.paragraphs.length, paragraphs.size) : unseen;
    const sentenceImportance = idf(index.sentences.length, sentences.size);
    return { concept, importance, sentenceImportance, postings, askPostings, emphasis: concept.emphasis ?? 1 };
  });
  const importances = resolved.map((r) => r.importance);
  const totalImportance = resolved.reduce((sum, r) => sum + r.importance * r.emphasis, 0);
  if (totalImportance === 0) return { importances, ranked: [] };
  const pairs = resolved
    .filter((r) => r.postings.length > 0 && r.emphasis === 1)
    .flatMap((r, i, list) => (i > 0 ? [[list[i - 1]!, r] as const] : []));

  const results: Ranked[] = [];
  for (const paragraph of index.paragraphs) {
    const number = paragraph.number;
    let paragraphScore = 0;
    let covered = 0;
    const strengths: number[] = [];
    const inText: boolean[] = [];
    const matched = new Set<string>();
    const sentenceScores = new Map<number, number>();
    const addSentence = (sentence: number, value: number): void => {
      sentenceScores.set(sentence, (sentenceScores.get(sentence) ?? 0) + value);
    };
    for (const r of resolved) {
      const weight = r.importance * r.emphasis;
      let best = 0;
      let strength = 0;
      for (const { key, weight: trust, posting } of r.postings) {
        const tf = posting.positions.get(number)?.length ?? 0;
        if (tf === 0) continue;
        matched.add(key);
        best = Math.max(best, bm25(tf, paragraph.tokens.length, index.averageParagraphLength, trust * weight));
        strength = Math.max(strength, trust);
        for (const [sentence, count] of posting.sentenceCounts) {
          if (index.sentences[sentence]?.paragraph !== number) continue;
          const length = index.sentenceLengths[sentence] ?? 1;
          addSentence(
            sentence,
            bm25(count, length, index.averageSentenceLength, trust * r.sentenceImportance * r.emphasis),
          );
        }
      }
      if (strength === 0 && r.concept.refersTo?.has(number)) {
        // Spoken of here without being named: a speaker's own paragraphs.
        strength = TRUST_BY_REFERENCE;
        best = bm25(1, paragraph.tokens.length, index.averageParagraphLength, strength * weight);
      }
      inText.push(strength > 0);
      let bestAsked = 0;
      const askLength = index.asks.lengths[number] ?? 0;
      for (const { weight: trust, posting } of r.askPostings) {
        const tf = posting.counts.get(number) ?? 0;
        if (tf === 0) continue;
        bestAsked = Math.max(bestAsked, bm25(tf, askLength, index.asks.averageLength, trust * weight));
        strength = Math.max(strength, trust * ASK_TRUST);
        for (const [sentence, count] of posting.sentenceCounts) {
          if (index.sentences[sentence]?.paragraph !== number) continue;
          const length = index.sentenceLengths[sentence] ?? 1;
          const value = bm25(Math.min(count, 2), length, index.averageSentenceLength, trust * r.sentenceImportance);
          addSentence(sentence, ASK_FIELD_WEIGHT * r.emphasis * value);
        }
      }
      paragraphScore += best + ASK_FIELD_WEIGHT * bestAsked;
      covered += weight * strength;
      strengths.push(strength);
    }
    if (covered === 0) continue;

    let together = 0;
    for (const [a, b] of pairs) {
      const closeness = near(a, b, number);
      if (closeness === 0) continue;
      together += closeness;
      paragraphScore += closeness * PHRASE_BONUS * (a.importance + b.importance);
      // The sentence holding the phrase gets the same credit, so the excerpt shows it.
      for (const sentence of sentenceScores.keys()) {
        const inSentence = (position: number): boolean => paragraph.sentenceOfToken[position] === sentence;
        const local = near(a, b, number, inSentence);
        if (local) addSentence(sentence, local * PHRASE_BONUS * (a.importance + b.importance));
      }
    }

    let sentence = firstSentenceOf(index, number);
    let sentenceScore = 0;
    for (const [s, value] of sentenceScores) {
      if (value > sentenceScore) [sentence, sentenceScore] = [s, value];
    }
    const coverage = covered / totalImportance;
    results.push({
      paragraph: number,
      sentence,
      rank: (paragraphScore + SENTENCE_SHARE * sentenceScore) * (0.5 + 0.5 * coverage),
      strengths,
      inText,
      closeness: pairs.length ? together / pairs.length : 1,
      matched,
    });
  }
  return { importances, ranked: results.sort((a, b) => b.rank - a.rank || a.paragraph - b.paragraph) };
}

/** The first sentence of a paragraph, as an index into `SearchIndex.sentences`. */
function firstSentenceOf(index: SearchIndex, paragraph: number): number {
  return index.sentences.findIndex((s) => s.paragraph === paragraph);
}
