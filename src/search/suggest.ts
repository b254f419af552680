import Fuse from 'fuse.js';
import type { Corpus } from '../corpus/load.js';
import { LIMITS } from '../replies/limits.js';

/** A thing a person may be typing toward: a quoted term, or the opening of a sentence. */
export interface Suggestion {
  readonly label: string;
  readonly kind: 'term' | 'sentence';
  readonly paragraph: number;
}

const OPENING_WORDS = 9;

function opening(sentence: string): string {
  const words = sentence.split(/\s+/);
  const head = words.slice(0, OPENING_WORDS).join(' ');
  return words.length > OPENING_WORDS ? head.replace(/[,;:]$/, '') : head;
}

/** A label or typed text as compared: lower case, no quotation marks, single spaces. */
export const foldLabel = (text: string): string =>
  text
    .toLowerCase()
    .replace(/[“”‘’"']/g, '')
    .replace(/\s+/g, ' ')
    .trim();

/**
 * Autocomplete as a person types: exact matches first, then labels that start with what was
 * typed, then labels with a word that does, then fuse.js's fuzzy matches for typos.
 */
export class Suggestions {
  readonly #all: readonly Suggestion[];
  readonly #folded: readonly string[];
  readonly #fuse: Fuse<Suggestion>;

  constructor(corpus: Corpus, kinds: readonly Suggestion['kind'][] = ['term', 'sentence']) {
    const terms: Suggestion[] = corpus.glossary.map((entry) => ({
      label: entry.term,
      kind: 'term',
      paragraph: entry.paragraphs[0] ?? 0,
    }));
    const sentences: Suggestion[] = corpus.article.paragraphs.flatMap((p) =>
      p.sentences.map((s) => ({ label: opening(s.text), kind: 'sentence' as const, paragraph: p.number })),
    );
    const chosen = [...(kinds.includes('term') ? terms : []), ...(kinds.includes('sentence') ? sentences : [])];
    const seen = new Set<string>();
    this.#all = chosen
      .map((s) => ({ ...s, label: s.label.slice(0, LIMITS.choiceName) }))
      .filter((s) => !seen.has(s.label) && seen.add(s.label));
    this.#folded = this.#all.map((s) => foldLabel(s.label));
    this.#fuse = new Fuse(this.#all, { keys: ['label'], threshold: 0.35, ignoreLocation: true, includeScore: true });
  }

  /** At most 25 suggestions for what has been typed so far, best first. */
  suggest(typed: string, limit: number = LIMITS.choices): Suggestion[] {
    const query = foldLabel(typed);
    if (query === '')
      return this.#all
        .filter((s) => s.kind === 'term')
        .slice(0, limit)
        .concat(this.#all.filter((s) => s.kind !== 'term'))
        .slice(0, limit);
    const tiers: Suggestion[][] = [[], [], [], []];
    this.#all.forEach((suggestion, i) => {
      const label = this.#folded[i]!;
      if (label === query) tiers[0]!.push(suggestion);
      else if (label.startsWith(query)) tiers[1]!.push(suggestion);
      else if (label.includes(` ${query}`)) tiers[2]!.push(suggestion);
    });
    const taken = new Set(tiers.flat());
    if (taken.size < limit && query.length >= 3 && query.length <= 32) {
      for (const { item } of this.#fuse.search(query, { limit })) if (!taken.has(item)) tiers[3]!.push(item);
    }
    return tiers.flat().slice(0, limit);
  }
}
