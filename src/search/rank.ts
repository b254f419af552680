import type { AskField } from './asks.js';
import { askFieldOf, idf, type SearchIndex } from './index.js';
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
/** How much an idea the article does not contain weighs against coverage (unless it says): more than its rarest word. */
const UNSEEN_WEIGHT = 2;
/** A name the article does not know weighs as the rarest of its words, and more. */
const FOREIGN_WEIGHT = 9;
/** An idea found only in what people ask of a paragraph, not in its words, is weaker evidence. */
const ASK_TRUST = 0.8;
/** The asks field's BM25 beside the text's. */
const ASK_FIELD_WEIGHT = 0.7;
/** Below this importance an idea is too common to tell one ask from another. */
const COMMON_IDEA = 0.5;
/** How much one ask holding the whole question adds, as a share of the question's weight. */
const ONE_ASK_BONUS = 1;
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
  /** Posting keys of the query found in this paragraph's words, idea by idea, for highlighting. */
  readonly matched: readonly (readonly string[])[];
}

export interface Ranking {
  /** How much each idea of the query weighs: as its paragraphs are few; UNSEEN_WEIGHT when the article lacks it. */
  readonly importances: readonly number[];
  /** Every paragraph that holds some idea of the query, best first. */
  readonly ranked: readonly Ranked[];
}

function bm25(tf: number, length: number, average: number, weight: number): number {
  return (weight * (tf * (K1 + 1))) / (tf + K1 * (1 - B + (B * length) / average));
}

/**
 * An idea's forms found in one paragraph's words, summed up for any weight: ranking scales
 * each number by the idea's weight (a positive factor keeps every maximum where it was).
 */
interface FoundInText {
  /** The posting keys of the forms found, for highlighting. */
  readonly keys: string[];
  /** The best form's BM25 times its trust, for a weight of 1. */
  best: number;
  /** The surest form's trust. */
  strength: number;
  /** Each form's sentences in turn: sentence index, then its BM25 times the form's trust, for a weight of 1. */
  readonly sentences: number[];
}

/** An idea's forms found in one paragraph's asks, summed up as `FoundInText`. */
interface FoundInAsks {
  /** The best form's BM25 in the asks times its trust, for a weight of 1. */
  best: number;
  /** The surest form's trust. */
  trust: number;
  /** Each form's sentences in turn: sentence index, BM25 for a weight of 1, the form's trust. */
  readonly sentences: number[];
}

/** By paragraph number; a hole where the paragraph holds none. */
type ByParagraph<T> = readonly (T | undefined)[];

/** An idea's forms filed by paragraph: what depends only on the forms, not on the question. */
interface Filed {
  /** The idea's forms found in a paragraph's words. */
  readonly inText: ByParagraph<FoundInText>;
  /** The idea's forms found in a paragraph's asks. */
  readonly inAsks: ByParagraph<FoundInAsks>;
  /** Where the idea starts in a paragraph's words, and how many tokens it spans, each place once. */
  readonly places: ByParagraph<readonly (readonly [position: number, length: number])[]>;
  /** Whether the idea stands in any paragraph's words. */
  readonly anywhereInText: boolean;
  /** Whether the idea has a place in any paragraph's words. */
  readonly placed: boolean;
  /** The asks holding any of the idea's forms, by field. */
  readonly holding: readonly (readonly [AskField, readonly number[]])[];
  /** The paragraphs holding any of the idea's forms, in their words or their asks. */
  readonly paragraphs: ReadonlySet<number>;
  /** How many sentences hold any of them, in their words or their asks. */
  readonly sentences: number;
}

interface Resolved {
  readonly concept: Concept;
  readonly filed: Filed;
  readonly importance: number;
  readonly sentenceImportance: number;
  /** How much the idea counts: less for the context around a long question's real one. */
  readonly emphasis: number;
}

const FILED_LIMIT = 4096;
/** Ideas recur from question to question ("officials", "promoted"): each is filed once per index. */
const filedCache = new WeakMap<SearchIndex, Map<string, Filed>>();

/** A weight as the signature writes it: the same few trusts recur, and writing a number out is slow. */
const weightTexts = new Map<number, string>();

function weightText(weight: number): string {
  let text = weightTexts.get(weight);
  if (text === undefined) {
    text = String(weight);
    if (weightTexts.size >= FILED_LIMIT) weightTexts.clear();
    weightTexts.set(weight, text);
  }
  return text;
}

/** Each form of an idea filed by paragraph, from the cache when the same forms were filed before. */
function filedOf(concept: Concept, index: SearchIndex, asks: boolean): Filed {
  let cache = filedCache.get(index);
  if (!cache) filedCache.set(index, (cache = new Map<string, Filed>()));
  let signature = asks ? 'a' : '-';
  for (const { key, weight } of concept.alternatives) signature += `${key}:${weightText(weight)}|`;
  let filed = cache.get(signature);
  if (!filed) {
    filed = file(concept, index, asks);
    if (cache.size >= FILED_LIMIT) cache.clear();
    cache.set(signature, filed);
  }
  return filed;
}

/** BM25 for a weight of 1 of a sentence's occurrences of a form. */
function sentenceScore(index: SearchIndex, sentence: number, count: number): number {
  return bm25(count, index.sentenceLengths[sentence] ?? 1, index.averageSentenceLength, 1);
}

function file(concept: Concept, index: SearchIndex, asks: boolean): Filed {
  const inText: FoundInText[] = [];
  const inAsks: FoundInAsks[] = [];
  const placeSets: Map<number, readonly [number, number]>[] = [];
  const paragraphs = new Set<number>();
  const sentences = new Set<number>();
  const holding = new Map<AskField, Set<number>>();
  for (const { key, weight } of concept.alternatives) {
    const posting = index.posting(key);
    if (posting) {
      for (const sentence of posting.sentenceCounts.keys()) sentences.add(sentence);
      for (const [paragraph, positions] of posting.positions) {
        paragraphs.add(paragraph);
        const length = index.paragraphs[paragraph]?.tokens.length ?? 0;
        const found = (inText[paragraph] ??= { keys: [], best: 0, strength: 0, sentences: [] });
        found.keys.push(key);
        found.best = Math.max(found.best, bm25(positions.length, length, index.averageParagraphLength, 1) * weight);
        found.strength = Math.max(found.strength, weight);
        for (const [sentence, count] of posting.sentencesIn.get(paragraph) ?? [])
          found.sentences.push(sentence, sentenceScore(index, sentence, count) * weight);
        const places = (placeSets[paragraph] ??= new Map<number, readonly [number, number]>());
        for (const position of positions) places.set(position * 16 + posting.length, [position, posting.length]);
      }
    }
    const field = asks ? askFieldOf(index, key) : undefined;
    const asked = field?.posting(key);
    if (field && asked) {
      for (const sentence of asked.sentenceCounts.keys()) sentences.add(sentence);
      for (const [paragraph, tf] of asked.counts) {
        paragraphs.add(paragraph);
        const found = (inAsks[paragraph] ??= { best: 0, trust: 0, sentences: [] });
        found.best = Math.max(found.best, bm25(tf, field.lengths[paragraph] ?? 0, field.averageLength, 1) * weight);
        found.trust = Math.max(found.trust, weight);
        // One sentence asked of many times counts as asked twice.
        for (const [sentence, count] of asked.sentencesIn.get(paragraph) ?? [])
          found.sentences.push(sentence, sentenceScore(index, sentence, Math.min(count, 2)), weight);
      }
    }
    if (field) {
      let held = holding.get(field);
      if (!held) holding.set(field, (held = new Set<number>()));
      for (const at of field.asksHolding(key)) held.add(at);
    }
  }
  const places = Array.from(placeSets, (set) => (set ? [...set.values()] : undefined));
  return {
    inText,
    inAsks,
    places,
    anywhereInText: inText.some(Boolean),
    placed: places.some(Boolean),
    holding: [...holding].map(([field, held]) => [field, [...held]] as const),
    paragraphs,
    sentences: sentences.size,
  };
}

/** Two ideas not both in a paragraph: shared, as most pairs in most paragraphs are. */
const APART: { best: number; bySentence: ReadonlyMap<number, number> } = { best: 0, bySentence: new Map() };

/**
 * How closely two query ideas stand together in a paragraph, overall and in each sentence
 * (of the first idea): 1 when the text spaces them as the query does ("Minister of
 * Organization"), less when a word or two more stands between them, half when the order is
 * reversed, 0 when they are apart.
 */
function near(
  a: Resolved,
  b: Resolved,
  paragraph: number,
  sentenceOf: readonly number[],
): { best: number; bySentence: ReadonlyMap<number, number> } {
  const xs = a.filed.places[paragraph];
  const ys = b.filed.places[paragraph];
  if (!xs || !ys) return APART;
  const queryGap = b.concept.first - a.concept.last;
  const bySentence = new Map<number, number>();
  let best = 0;
  for (const [x, xLength] of xs) {
    let local = 0;
    for (const [y, yLength] of ys) {
      const after = y - (x + xLength - 1);
      const before = x - (y + yLength - 1);
      if (after === queryGap) {
        local = 1;
        break;
      }
      if (after >= 1 && after <= PHRASE_WINDOW) local = Math.max(local, 0.5);
      else if (before >= 1 && before <= PHRASE_WINDOW) local = Math.max(local, 0.25);
    }
    if (local === 0) continue;
    best = Math.max(best, local);
    const sentence = sentenceOf[x]!;
    bySentence.set(sentence, Math.max(bySentence.get(sentence) ?? 0, local));
  }
  return { best, bySentence };
}

export interface RankOptions {
  /** Read the asks field (what people ask of each paragraph) beside the text. */
  readonly asks: boolean;
}

/** Ranks every paragraph that answers part of the query, best first. */
export function rank(concepts: readonly Concept[], index: SearchIndex, { asks }: RankOptions): Ranking {
  const resolved: Resolved[] = concepts.map((concept) => {
    const filed = filedOf(concept, index, asks);
    const { paragraphs } = filed;
    // An idea is as telling as the paragraphs (and sentences) that hold it, in any of its forms, are few.
    const unseen = concept.unseenWeight ?? (concept.foreign ? FOREIGN_WEIGHT : UNSEEN_WEIGHT);
    // An idea only our asks hold, never the text, tells no more than one the article lacks.
    const inTextAnywhere = filed.anywhereInText || (concept.refersTo?.size ?? 0) > 0;
    const importance =
      paragraphs.size === 0 || concept.guessed
        ? unseen
        : inTextAnywhere
          ? idf(index.paragraphs.length, paragraphs.size)
          : Math.min(unseen, idf(index.paragraphs.length, paragraphs.size));
    const sentenceImportance = idf(index.sentences.length, filed.sentences);
    return { concept, filed, importance, sentenceImportance, emphasis: concept.emphasis ?? 1 };
  });
  const importances = resolved.map((r) => r.importance);
  const totalImportance = resolved.reduce((sum, r) => sum + r.importance * r.emphasis, 0);
  if (totalImportance === 0) return { importances, ranked: [] };
  const pairs = resolved
    .filter((r) => r.filed.placed && r.emphasis === 1)
    .flatMap((r, i, list) => (i > 0 ? [[list[i - 1]!, r] as const] : []));

  // Only paragraphs that hold some idea of the query can rank.
  const candidates = new Set<number>();
  for (const r of resolved) {
    for (const p of r.filed.paragraphs) candidates.add(p);
    for (const p of r.concept.refersTo ?? []) candidates.add(p);
  }
  // One ask that holds most of the question is stronger than the same words strewn over many.
  const bestAsk = new Map<number, number>();
  if (asks) {
    const fields = new Set<AskScratch>();
    for (const r of resolved) {
      // An idea in nearly every paragraph ("officials") tells no ask apart, and is in hundreds of them.
      if (r.importance < COMMON_IDEA) continue;
      for (const [field, held] of r.filed.holding) {
        const ask = askScratchOf(field);
        fields.add(ask);
        for (const at of held) {
          if (ask.weights[at] === 0) ask.touched.push(at);
          ask.weights[at]! += r.importance * r.emphasis;
        }
      }
    }
    for (const { field, weights, touched } of fields) {
      for (const at of touched) {
        const paragraph = field.paragraphOfAsk[at]!;
        bestAsk.set(paragraph, Math.max(bestAsk.get(paragraph) ?? 0, weights[at]! / totalImportance));
        weights[at] = 0;
      }
      touched.length = 0;
    }
  }
  // Each sentence's score for the paragraph at hand, and the sentences scored, in the order first scored.
  const scratch = scratchOf(index);
  const { sentenceScore, scored } = scratch;
  const results: Ranked[] = [];
  for (const paragraph of index.paragraphs) {
    const number = paragraph.number;
    if (!candidates.has(number)) continue;
    let paragraphScore = 0;
    let covered = 0;
    const strengths: number[] = [];
    const inText: boolean[] = [];
    const matched: (readonly string[])[] = [];
    for (const r of resolved) {
      const weight = r.importance * r.emphasis;
      const sentenceWeight = r.sentenceImportance * r.emphasis;
      let best = 0;
      let strength = 0;
      const found = r.filed.inText[number];
      if (found) {
        matched.push(found.keys);
        best = found.best * weight;
        strength = found.strength;
        const { sentences } = found;
        for (let i = 0; i < sentences.length; i += 2) {
          addSentence(scratch, sentences[i]!, sentences[i + 1]! * sentenceWeight);
        }
      }
      if (strength === 0 && r.concept.refersTo?.has(number)) {
        // Spoken of here without being named: a speaker's own paragraphs.
        strength = TRUST_BY_REFERENCE;
        best = bm25(1, paragraph.tokens.length, index.averageParagraphLength, strength * weight);
      }
      inText.push(strength > 0);
      let bestAsked = 0;
      const asked = r.filed.inAsks[number];
      if (asked) {
        bestAsked = asked.best * weight;
        strength = Math.max(strength, asked.trust * ASK_TRUST);
        const { sentences } = asked;
        for (let i = 0; i < sentences.length; i += 3) {
          addSentence(
            scratch,
            sentences[i]!,
            ASK_FIELD_WEIGHT * sentenceWeight * sentences[i + 1]! * sentences[i + 2]!,
          );
        }
      }
      paragraphScore += best + ASK_FIELD_WEIGHT * bestAsked;
      covered += weight * strength;
      strengths.push(strength);
    }
    if (covered === 0) {
      clearSentences(scratch);
      continue;
    }

    let together = 0;
    for (const [a, b] of pairs) {
      const { best, bySentence } = near(a, b, number, paragraph.sentenceOfToken);
      if (best === 0) continue;
      together += best;
      const bonus = PHRASE_BONUS * (a.importance + b.importance);
      paragraphScore += best * bonus;
      // The sentence holding the phrase gets the same credit, so the excerpt shows it.
      for (const [sentence, closeness] of bySentence) addSentence(scratch, sentence, closeness * bonus);
    }

    let sentence = firstSentenceOf(index, number);
    let bestSentence = 0;
    for (const s of scored) {
      const value = sentenceScore[s]!;
      if (value > bestSentence) [sentence, bestSentence] = [s, value];
    }
    clearSentences(scratch);
    const coverage = covered / totalImportance;
    paragraphScore += ONE_ASK_BONUS * (bestAsk.get(number) ?? 0) * totalImportance;
    results.push({
      paragraph: number,
      sentence,
      rank: (paragraphScore + SENTENCE_SHARE * bestSentence) * (0.5 + 0.5 * coverage),
      strengths,
      inText,
      closeness: pairs.length ? together / pairs.length : 1,
      matched,
    });
  }
  return { importances, ranked: results.sort((a, b) => b.rank - a.rank || a.paragraph - b.paragraph) };
}

/** Per-sentence scores, zeroed after each paragraph: one set per index, as ranking never runs twice at once. */
interface Scratch {
  readonly sentenceScore: Float64Array;
  readonly isScored: Uint8Array;
  readonly scored: number[];
}
const scratches = new WeakMap<SearchIndex, Scratch>();

function scratchOf(index: SearchIndex): Scratch {
  return keptFor(scratches, index, () => {
    const length = index.sentences.length;
    return { sentenceScore: new Float64Array(length), isScored: new Uint8Array(length), scored: [] };
  });
}

/** The value kept for a key, made the first time it is asked for. */
function keptFor<K extends object, V>(kept: WeakMap<K, V>, key: K, make: () => V): V {
  let value = kept.get(key);
  if (value === undefined) kept.set(key, (value = make()));
  return value;
}

/** Each ask's weight for the question at hand, zeroed after it: one set per field, as for sentences. */
interface AskScratch {
  readonly field: AskField;
  readonly weights: Float64Array;
  /** The asks weighed, each once. */
  readonly touched: number[];
}
const askScratches = new WeakMap<AskField, AskScratch>();

function askScratchOf(field: AskField): AskScratch {
  return keptFor(askScratches, field, () => ({
    field,
    weights: new Float64Array(field.paragraphOfAsk.length),
    touched: [],
  }));
}

function addSentence({ sentenceScore, isScored, scored }: Scratch, sentence: number, value: number): void {
  if (isScored[sentence] === 0) {
    isScored[sentence] = 1;
    scored.push(sentence);
  }
  sentenceScore[sentence]! += value;
}

function clearSentences({ sentenceScore, isScored, scored }: Scratch): void {
  for (const s of scored) sentenceScore[s] = isScored[s] = 0;
  scored.length = 0;
}

const firstSentences = new WeakMap<SearchIndex, Map<number, number>>();

/** The first sentence of a paragraph, as an index into `SearchIndex.sentences`. */
function firstSentenceOf(index: SearchIndex, paragraph: number): number {
  let first = firstSentences.get(index);
  if (!first) {
    first = new Map();
    index.sentences.forEach((s, i) => {
      if (!first!.has(s.paragraph)) first!.set(s.paragraph, i);
    });
    firstSentences.set(index, first);
  }
  return first.get(paragraph) ?? -1;
}
