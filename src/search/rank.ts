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
/** How much an idea the article does not contain weighs against coverage (a mid-rare word's idf). */
const UNSEEN_WEIGHT = 2;

export interface Ranked {
  readonly paragraph: number;
  /** Index into `SearchIndex.sentences` of the sentence that answers best. */
  readonly sentence: number;
  /** Orders the results; unbounded. */
  readonly rank: number;
  /** How much of the query the paragraph answers, in [0, 1]. */
  readonly score: number;
  /** Posting keys of the query found in this paragraph, for highlighting. */
  readonly matched: ReadonlySet<string>;
}

function bm25(tf: number, length: number, average: number, weight: number): number {
  return (weight * (tf * (K1 + 1))) / (tf + K1 * (1 - B + (B * length) / average));
}

interface Resolved {
  readonly concept: Concept;
  readonly importance: number;
  readonly sentenceImportance: number;
  readonly postings: readonly { key: string; weight: number; posting: Posting; length: number }[];
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

/** Ranks every paragraph that answers part of the query, best first. */
export function rank(concepts: readonly Concept[], index: SearchIndex): Ranked[] {
  const resolved: Resolved[] = concepts.map((concept) => {
    const postings = concept.alternatives.flatMap(({ key, weight }) => {
      const posting = index.posting(key);
      return posting ? [{ key, weight, posting, length: keyLength(key) }] : [];
    });
    // An idea is as telling as the paragraphs (and sentences) that hold it, in any of its forms, are few.
    const paragraphs = new Set(postings.flatMap(({ posting }) => [...posting.positions.keys()]));
    const sentences = new Set(postings.flatMap(({ posting }) => [...posting.sentenceCounts.keys()]));
    const importance = postings.length ? idf(index.paragraphs.length, paragraphs.size) : UNSEEN_WEIGHT;
    const sentenceImportance = idf(index.sentences.length, sentences.size);
    return { concept, importance, sentenceImportance, postings };
  });
  const totalImportance = resolved.reduce((sum, r) => sum + r.importance, 0);
  if (totalImportance === 0) return [];
  const found = resolved.filter((r) => r.postings.length > 0);
  const pairs = found.slice(1).map((r, i) => [found[i]!, r] as const);

  const results: Ranked[] = [];
  for (const paragraph of index.paragraphs) {
    const number = paragraph.number;
    let paragraphScore = 0;
    let covered = 0;
    const matched = new Set<string>();
    const sentenceScores = new Map<number, number>();
    for (const r of found) {
      let best = 0;
      let bestWeight = 0;
      for (const { key, weight, posting } of r.postings) {
        const tf = posting.positions.get(number)?.length ?? 0;
        if (tf === 0) continue;
        matched.add(key);
        best = Math.max(best, bm25(tf, paragraph.tokens.length, index.averageParagraphLength, weight * r.importance));
        bestWeight = Math.max(bestWeight, weight);
        for (const [sentence, count] of posting.sentenceCounts) {
          if (index.sentences[sentence]?.paragraph !== number) continue;
          const length = index.sentenceLengths[sentence] ?? 1;
          const s = bm25(count, length, index.averageSentenceLength, weight * r.sentenceImportance);
          sentenceScores.set(sentence, Math.max(sentenceScores.get(sentence) ?? 0, 0) + s);
        }
      }
      paragraphScore += best;
      covered += r.importance * bestWeight;
    }
    if (matched.size === 0) continue;

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
        if (local)
          sentenceScores.set(
            sentence,
            (sentenceScores.get(sentence) ?? 0) + local * PHRASE_BONUS * (a.importance + b.importance),
          );
      }
    }

    let sentence = -1;
    let sentenceScore = -1;
    for (const [s, value] of sentenceScores) {
      if (value > sentenceScore) [sentence, sentenceScore] = [s, value];
    }
    const coverage = covered / totalImportance;
    const closeness = pairs.length ? together / pairs.length : 1;
    results.push({
      paragraph: number,
      sentence,
      rank: (paragraphScore + SENTENCE_SHARE * sentenceScore) * (0.5 + 0.5 * coverage),
      score: Math.min(1, coverage * (0.85 + 0.15 * closeness)),
      matched,
    });
  }
  return results.sort((a, b) => b.rank - a.rank || a.paragraph - b.paragraph);
}
