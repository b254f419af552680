import { z } from 'zod';
import { CorpusError, type Article } from './article.js';
import { parseCorpusFile } from './parse.js';

/**
 * What the search needs to read questions asked in Chinese about the English article: the
 * Chinese words a reader uses for the article's own wording, what people ask of each passage in
 * Chinese, and the words that point outside the article.
 */

const HAN = /\p{Script=Han}/u;

export const ChineseGlossarySchema = z.array(
  z.strictObject({
    /** Simplified Chinese words and phrases a reader may use. */
    zh: z.array(z.string().min(1)).min(1),
    /** The article's own English words for them; each must occur in the article. */
    en: z.array(z.string().min(1)).min(1),
    /**
     * A name (person, body, publication, event), one of the article's terms, slogans or metaphors,
     * ordinary vocabulary, or the characters of a surname the article's people bear (王 for Wang):
     * a Chinese name opening with one of them names that person when it says the person's name,
     * a syllable a character, by its pinyin (王琪 and 王琦 are both Wang Qi).
     */
    kind: z.enum(['name', 'term', 'slogan', 'metaphor', 'word', 'surname']),
  }),
);

export const ChineseAsksSchema = z.array(
  z.strictObject({
    paragraph: z.number().int().min(0).max(15),
    /** The sentence that answers, when one does; otherwise the paragraph as a whole. */
    sentence: z.number().int().min(1).optional(),
    /** Questions in Chinese, as people ask them, that the passage answers. */
    asks: z.array(z.string().min(1)).min(1),
  }),
);

/**
 * Words that put a question outside the article: other provinces and countries, times the text
 * does not reach (“下次全会”). A question holding one is about something the article does not say.
 */
export const ChineseElsewhereSchema = z.array(
  z
    .string()
    .min(1)
    .regex(/^\p{Script=Han}+$/u, 'Chinese characters only'),
);

/**
 * Variant ways of writing a word that OpenCC's conversion leaves apart (报导 and 报道, 身分 and
 * 身份, 甚么 and 什么), and the Cantonese of chat (边日 for 哪天, 嘅 for 的): each is read as the
 * form the glossary writes.
 */
export const ChineseVariantsSchema = z.array(
  z.strictObject({
    /** The variant forms, simplified. */
    forms: z.array(z.string().regex(/^\p{Script=Han}+$/u, 'Chinese characters only')).min(1),
    /** The form they are read as. */
    as: z.string().regex(/^\p{Script=Han}+$/u, 'Chinese characters only'),
  }),
);

export type ChineseGlossaryEntry = z.infer<typeof ChineseGlossarySchema>[number];
export type ChineseVariant = z.infer<typeof ChineseVariantsSchema>[number];
export type ChineseAsk = z.infer<typeof ChineseAsksSchema>[number];

export interface ChineseCorpus {
  readonly glossary: readonly ChineseGlossaryEntry[];
  readonly asks: readonly ChineseAsk[];
  readonly elsewhere: readonly string[];
  readonly variants: readonly ChineseVariant[];
}

/** The Chinese annotation files, by name, as text. */
export type ChineseCorpusFiles = Record<
  'zh-glossary.json' | 'zh-asks.json' | 'zh-elsewhere.json' | 'zh-variants.json',
  string
>;

export const CHINESE_FILES: readonly (keyof ChineseCorpusFiles)[] = [
  'zh-glossary.json',
  'zh-asks.json',
  'zh-elsewhere.json',
  'zh-variants.json',
];

function parseFile<S extends z.ZodType>(files: ChineseCorpusFiles, name: keyof ChineseCorpusFiles, schema: S) {
  return parseCorpusFile(name, files[name], schema);
}

/** The phrase stands in the text as whole words: “act” is not found in “actions”. */
function occursAsWords(body: string, phrase: string): boolean {
  const wanted = phrase.toLowerCase();
  for (let at = body.indexOf(wanted); at >= 0; at = body.indexOf(wanted, at + 1)) {
    const before = body[at - 1] ?? ' ';
    const after = body[at + wanted.length] ?? ' ';
    if (!/[\p{L}\p{N}]/u.test(before) && !/[\p{L}\p{N}]/u.test(after)) return true;
  }
  return false;
}

/**
 * Every English target is the article's own wording, and every Chinese word belongs to one entry
 * only, so a word never leads two ways.
 */
function checkGlossary(glossary: readonly ChineseGlossaryEntry[], article: Article): void {
  const body = article.paragraphs.map((p) => p.text.toLowerCase()).join('\n');
  const owner = new Map<string, number>();
  for (const [i, entry] of glossary.entries()) {
    const name = `corpus/zh-glossary.json[${i}] (${entry.zh[0]})`;
    for (const target of entry.en) {
      if (!occursAsWords(body, target)) throw new CorpusError(`${name}: “${target}” does not occur in the article`);
    }
    for (const word of entry.zh) {
      if (!HAN.test(word)) throw new CorpusError(`${name}: “${word}” has no Chinese characters`);
      if (/[^\p{L}\p{N}]/u.test(word)) throw new CorpusError(`${name}: “${word}” holds punctuation or spaces`);
      const earlier = owner.get(word);
      if (earlier !== undefined) {
        throw new CorpusError(`${name}: “${word}” is already in corpus/zh-glossary.json[${earlier}]`);
      }
      owner.set(word, i);
    }
  }
}

/** Every asked question points at a passage the article has. */
function checkAsks(asks: readonly ChineseAsk[], article: Article): void {
  for (const [i, { paragraph, sentence }] of asks.entries()) {
    const count = article.paragraphs[paragraph]?.sentences.length ?? 0;
    if (sentence !== undefined && sentence > count) {
      throw new CorpusError(`corpus/zh-asks.json[${i}]: ¶${paragraph} has no sentence ${sentence} (it has ${count})`);
    }
  }
}

/** A word cannot both lead to the article and away from it. */
function checkElsewhere(elsewhere: readonly string[], glossary: readonly ChineseGlossaryEntry[]): void {
  for (const word of elsewhere) {
    const entry = glossary.findIndex((e) => e.zh.includes(word));
    if (entry >= 0) {
      throw new CorpusError(`corpus/zh-elsewhere.json: “${word}” is also in corpus/zh-glossary.json[${entry}]`);
    }
  }
}

/** A variant is read one way only, and never as itself. */
function checkVariants(variants: readonly ChineseVariant[]): void {
  const owner = new Map<string, number>();
  for (const [i, { forms, as }] of variants.entries()) {
    for (const form of forms) {
      if (form === as) throw new CorpusError(`corpus/zh-variants.json[${i}]: “${form}” is read as itself`);
      const earlier = owner.get(form);
      if (earlier !== undefined)
        throw new CorpusError(
          `corpus/zh-variants.json[${i}]: “${form}” is already in corpus/zh-variants.json[${earlier}]`,
        );
      owner.set(form, i);
    }
  }
}

/** Loads the Chinese annotations, failing loudly on any English target the article does not contain. */
export function buildChineseCorpus(article: Article, files: ChineseCorpusFiles): ChineseCorpus {
  const glossary = parseFile(files, 'zh-glossary.json', ChineseGlossarySchema);
  const asks = parseFile(files, 'zh-asks.json', ChineseAsksSchema);
  checkGlossary(glossary, article);
  const elsewhere = parseFile(files, 'zh-elsewhere.json', ChineseElsewhereSchema);
  checkAsks(asks, article);
  checkElsewhere(elsewhere, glossary);
  const variants = parseFile(files, 'zh-variants.json', ChineseVariantsSchema);
  checkVariants(variants);
  return { glossary, asks, elsewhere, variants };
}
