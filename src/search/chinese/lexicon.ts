import type { ChineseCorpus, ChineseGlossaryEntry } from '../../corpus/chinese.js';
import { TRUST, type Alternative } from '../query.js';
import { Recent } from '../recent.js';
import { termKey } from '../synonyms.js';
import { HeldWords } from './holding.js';
import { HAN } from './script.js';
import { ChineseSegmenter } from './segment.js';
import { foldQuestion, foldQuestions } from './simplified.js';
import { SoundSlips } from './slips.js';
import { variantReader } from './variants.js';

/** How much a Chinese word's English rendering is trusted, by the kind of entry it comes from. */
const KIND_TRUST: Record<ChineseGlossaryEntry['kind'], number> = {
  name: TRUST.exact,
  term: TRUST.exact,
  slogan: TRUST.exact,
  metaphor: TRUST.exact,
  word: TRUST.synonym,
  surname: TRUST.synonym,
};

/** The Chinese glossary compiled for reading questions: each Chinese word with the article terms it stands for. */
export interface ChineseLexicon {
  readonly segmenter: ChineseSegmenter;
  /** Text folded as questions are read: simplified, lower case, punctuation as spaces, variants as the glossary writes them. */
  fold(text: string): string;
  /** Many texts folded in one pass. */
  foldAll(texts: readonly string[]): string[];
  /** The article terms (as posting keys) a known Chinese word stands for. */
  terms(word: string): readonly Alternative[];
  /** The article's English for a known word, as the glossary gives it, first the usual one. */
  english(word: string): readonly string[];
  /** Whether the glossary gives the word as a name (a person, a body, a publication, an event). */
  isName(word: string): boolean;
  /** The English surname a Chinese surname's characters write ("王": "Wang"). */
  surname(character: string): string | undefined;
  /** Whether the word puts a question outside the article (another province, a later time). */
  isElsewhere(word: string): boolean;
  /** The glossary's own form of a word typed split (出了错 is 出错); any other word as it is. */
  lemma(word: string): string;
  /** The article terms of the glossary's words that hold a word nothing knows, trusted less. */
  held(part: string): readonly Alternative[];
  /**
   * The text with the words typed with a wrong character of the same sound (鸡层 for 基层) written
   * as the glossary writes them, or undefined when it has none.
   */
  respell(text: string): string | undefined;
}

/**
 * Compiles the glossary in the folded form questions are read in. Its words are folded with
 * OpenCC too, so a word the glossary writes in a form OpenCC changes is still found.
 */
/**
 * The usual short forms of a plenary session's Chinese name: "十二届省委五次全会" is also written
 * "省委五次全会" and "五次全会", and a session is called "五中全会" or "五次全会" alike.
 */
const PLENARY = /^(党的|中共)?([一二三四五六七八九十]+届)?(省委)?([一二三四五六七八九十]+)[次中]全会$/u;
function shortForms(word: string): string[] {
  const match = PLENARY.exec(word);
  if (!match) return [];
  const [, , term = '', committee = '', number = ''] = match;
  const before = new Set(['', term, committee, `${term}${committee}`, `${committee}${term}`]);
  return [...before].flatMap((lead) => [`${lead}${number}次全会`, `${lead}${number}中全会`]);
}

/**
 * A word of two or three characters with an aspect or a measure word typed after its first, as
 * chat splits a verb from its object: 出了错 and 出点错 are 出错, 背了锅 is 背锅, 出了岔子 is 出岔子.
 * Not a numeral's word: 一个是 is not 一是.
 */
const INSIDE = ['了', '点', '个', '过', '了个', '了点', '过个'];
const NUMERAL_FIRST = /^[一二三四五六七八九十两第\d]/u;
function splitForms(word: string): string[] {
  const [first, ...rest] = [...word];
  if (!first || rest.length < 1 || rest.length > 2 || ![first, ...rest].every((c) => HAN.test(c))) return [];
  if (NUMERAL_FIRST.test(word)) return [];
  return INSIDE.map((inside) => `${first}${inside}${rest.join('')}`);
}

/**
 * The kinds of entry whose words mean what their parts say, so a part typed alone means some of
 * it: not a name (吉 is not Jilin), a metaphor or a slogan (一群 of 一群羊 is no flock of cadres).
 */
const LITERAL: ReadonlySet<ChineseGlossaryEntry['kind']> = new Set(['word', 'term']);

export function compileLexicon(corpus: ChineseCorpus): ChineseLexicon {
  const terms = new Map<string, Alternative[]>();
  const english = new Map<string, readonly string[]>();
  const names = new Set<string>();
  const literal = new Map<string, Alternative[]>();
  const surnames = new Map<string, string>();
  const variants = variantReader(corpus.variants);
  const foldAll = (texts: readonly string[]): string[] => foldQuestions(texts).map(variants);
  const words = foldAll(corpus.glossary.flatMap((entry) => entry.zh));
  let next = 0;
  for (const entry of corpus.glossary) {
    const weight = KIND_TRUST[entry.kind];
    if (entry.kind === 'surname') {
      for (let k = 0; k < entry.zh.length; k++) surnames.set(words[next++]!, entry.en[0]!);
      continue;
    }
    const alternatives = [...new Set(entry.en.map(termKey))].map((key) => ({ key, weight }));
    for (let k = 0; k < entry.zh.length; k++) {
      const word = words[next++]!;
      if (LITERAL.has(entry.kind)) literal.set(word, alternatives);
      terms.set(word, alternatives);
      english.set(word, entry.en);
      if (entry.kind === 'name') names.add(word);
    }
  }
  for (const entry of corpus.glossary) {
    const forms = entry.zh.flatMap(shortForms);
    if (forms.length === 0) continue;
    const alternatives = [...new Set(entry.en.map(termKey))].map((key) => ({ key, weight: KIND_TRUST[entry.kind] }));
    for (const form of forms) {
      if (terms.has(form)) continue;
      terms.set(form, alternatives);
      english.set(form, entry.en);
      if (entry.kind === 'name') names.add(form);
    }
  }
  const lemmas = new Map<string, string>();
  for (const [word, alternatives] of [...terms]) {
    for (const form of splitForms(word)) {
      if (terms.has(form)) continue;
      terms.set(form, alternatives);
      english.set(form, english.get(word) ?? []);
      lemmas.set(form, word);
    }
  }
  const elsewhere = new Set(foldAll(corpus.elsewhere));
  const held = new HeldWords(literal);
  // The words as the glossary writes them, not the forms chat splits them into.
  const slips = new SoundSlips(() => [...terms.keys()].filter((word) => !lemmas.has(word)));
  const folded = new Recent<string>(16);
  const fold = (text: string): string => variants(foldQuestion(text));
  const segmenter = new ChineseSegmenter([...terms.keys(), ...elsewhere]);
  return {
    segmenter,
    fold: (text) => folded.of(text, fold),
    foldAll,
    terms: (word) => terms.get(word) ?? [],
    english: (word) => english.get(word) ?? [],
    isName: (word) => names.has(word),
    surname: (character) => surnames.get(character),
    isElsewhere: (word) => elsewhere.has(word),
    lemma: (word) => lemmas.get(word) ?? word,
    held: (part) => held.of(part),
    respell(text) {
      const pieces = segmenter.segment(text);
      if (!pieces.some((p) => p.kind === 'unknown')) return undefined;
      const read = pieces.map((p) => ({ text: p.text, unknown: p.kind === 'unknown' }));
      return slips.respell(read, segmenter.boundaries(text));
    },
  };
}
