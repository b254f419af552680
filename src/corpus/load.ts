import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { z } from 'zod';
import { CorpusError, parseArticle, type Article } from './article.js';
import { buildChineseCorpus, CHINESE_FILES, type ChineseCorpus, type ChineseCorpusFiles } from './chinese.js';
import { verifyQuotes, type Verified } from './excerpt.js';
import { parseCorpusFile } from './parse.js';
import { quotedSpans, wordCount } from './quoted.js';
import {
  AsksSchema,
  CriteriaSchema,
  EnglishWordsSchema,
  ElsewhereSchema,
  GlossarySchema,
  GoalsSchema,
  MeasuresSchema,
  NamesSchema,
  PeopleSchema,
  SourceSchema,
  SynonymsSchema,
} from './schema.js';

export type Source = Verified<z.infer<typeof SourceSchema>>;
export type Goals = Verified<z.infer<typeof GoalsSchema>>;
export type Criteria = Verified<z.infer<typeof CriteriaSchema>>;
export type Measures = Verified<z.infer<typeof MeasuresSchema>>;
export type Person = Verified<z.infer<typeof PeopleSchema>>[number];
export type GlossaryEntry = Verified<z.infer<typeof GlossarySchema>>[number];
export type Named = Verified<z.infer<typeof NamesSchema>>[number];
export type Synonym = z.infer<typeof SynonymsSchema>[number];

/** One way a person asks what a paragraph, or one of its sentences, answers: the bot's words, never quoted. */
export interface Ask {
  readonly paragraph: number;
  /** Numbered from 1 inside the paragraph; absent when the whole paragraph answers. */
  readonly sentence?: number;
  readonly text: string;
  /** Added to the asks as received (corpus/asks-more.json), for ideas they miss. */
  readonly added?: true;
}

export interface Corpus {
  readonly article: Article;
  /** First 12 hex digits of the SHA-256 of corpus/article.txt: names the exact text cited. */
  readonly hash: string;
  readonly source: Source;
  readonly goals: Goals;
  readonly criteria: Criteria;
  readonly measures: Measures;
  readonly people: readonly Person[];
  readonly glossary: readonly GlossaryEntry[];
  readonly synonyms: readonly Synonym[];
  readonly asks: readonly Ask[];
  readonly names: readonly Named[];
  /**
   * English words in their own right a slip away from one of the article's words ("mayor" and
   * "major"): typed, they mean themselves, not the article's word.
   */
  readonly englishWords: ReadonlySet<string>;
  /** Places other than the article's setting, in lowercase: none is a word or phrase the article uses. */
  readonly elsewhere: readonly string[];
  /** What reads a question asked in Chinese: the glossary, asks per passage, words pointing elsewhere. */
  readonly chinese: ChineseCorpus;
}

/** Quoted spans longer than this are speech, not terms, and need no glossary entry. */
const LONGEST_TERM_WORDS = 20;

export const CORPUS_DIR = new URL('../../corpus/', import.meta.url);

/** Every file of the corpus as text, so tests can load an altered copy. */
export type CorpusFiles = Record<
  | 'article.txt'
  | `${'source' | 'goals' | 'criteria' | 'measures' | 'people' | 'glossary' | 'synonyms' | 'asks' | 'asks-more' | 'names' | 'elsewhere' | 'english-words'}.json`,
  string
> &
  ChineseCorpusFiles;

export function readCorpusFiles(dir: URL = CORPUS_DIR): CorpusFiles {
  const read = (name: string): string => readFileSync(new URL(name, dir), 'utf8');
  return {
    'article.txt': read('article.txt'),
    'source.json': read('source.json'),
    'goals.json': read('goals.json'),
    'criteria.json': read('criteria.json'),
    'measures.json': read('measures.json'),
    'people.json': read('people.json'),
    'glossary.json': read('glossary.json'),
    'synonyms.json': read('synonyms.json'),
    'asks.json': read('asks.json'),
    'asks-more.json': read('asks-more.json'),
    'names.json': read('names.json'),
    'english-words.json': read('english-words.json'),
    'elsewhere.json': read('elsewhere.json'),
    ...(Object.fromEntries(CHINESE_FILES.map((name) => [name, read(name)])) as ChineseCorpusFiles),
  };
}

function parseFile<S extends z.ZodType>(files: CorpusFiles, name: keyof CorpusFiles, schema: S): z.infer<S> {
  return parseCorpusFile(name, files[name], schema);
}

/** Loads the article and its annotations, failing loudly on anything that is not the article's own. */
export function buildCorpus(files: CorpusFiles): Corpus {
  const article = parseArticle(files['article.txt']);
  const verify = <S extends z.ZodType>(name: keyof CorpusFiles, schema: S): Verified<z.infer<S>> =>
    verifyQuotes(article, parseFile(files, name, schema), `corpus/${name}`);

  const corpus: Corpus = {
    article,
    hash: createHash('sha256').update(files['article.txt']).digest('hex').slice(0, 12),
    source: verify('source.json', SourceSchema),
    goals: verify('goals.json', GoalsSchema),
    criteria: verify('criteria.json', CriteriaSchema),
    measures: verify('measures.json', MeasuresSchema),
    people: verify('people.json', PeopleSchema),
    glossary: verify('glossary.json', GlossarySchema),
    synonyms: parseFile(files, 'synonyms.json', SynonymsSchema),
    asks: [
      ...placeAsks(article, parseFile(files, 'asks.json', AsksSchema), 'asks.json'),
      ...placeAsks(article, parseFile(files, 'asks-more.json', AsksSchema), 'asks-more.json').map((ask): Ask => ({
        ...ask,
        added: true,
      })),
    ],
    names: verify('names.json', NamesSchema),
    englishWords: new Set(parseFile(files, 'english-words.json', EnglishWordsSchema).words),
    elsewhere: parseFile(files, 'elsewhere.json', ElsewhereSchema),
    chinese: buildChineseCorpus(article, files),
  };
  checkSource(corpus);
  checkNames(corpus);
  checkGlossary(corpus);
  checkSynonyms(corpus);
  checkElsewhere(corpus);
  return corpus;
}

function checkSource({ source, article }: Corpus): void {
  if (source.headline.paragraph !== 0 || source.headline.text !== article.paragraphs[0]?.text) {
    throw new CorpusError('corpus/source.json headline: must be the whole of ¶0');
  }
  for (const [field, { name, evidence }] of [
    ['publisher', source.publisher],
    ['relay', source.relay],
  ] as const) {
    if (!evidence.text.includes(name))
      throw new CorpusError(`corpus/source.json ${field}: “${name}” is not in its evidence`);
  }
  for (const event of source.events) {
    if (!event.evidence.text.includes(event.date)) {
      throw new CorpusError(
        `corpus/source.json events (${event.label}): the date “${event.date}” is not in its evidence`,
      );
    }
  }
}

/** Where the text names a thing, the quote holds its name (or one way of writing it). */
function checkNames({ names }: Corpus): void {
  for (const [i, entry] of names.entries()) {
    const text = entry.named.text.toLowerCase();
    if (![entry.name, ...entry.also].some((form) => text.includes(form.toLowerCase()))) {
      throw new CorpusError(`corpus/names.json[${i}] (${entry.name}): the quote does not name it`);
    }
  }
}

/** Every quoted term has an entry, and each entry lists exactly the paragraphs that quote it. */
function checkGlossary({ glossary, article }: Corpus): void {
  const spans = quotedSpans(article);
  for (const entry of glossary) {
    const quotedIn = [...new Set(spans.filter((s) => s.text === entry.term).map((s) => s.paragraph))];
    if (quotedIn.length === 0)
      throw new CorpusError(`corpus/glossary.json (${entry.term}): the article never quotes this term`);
    const listed = [...entry.paragraphs].sort((a, b) => a - b).join(',');
    if (listed !== quotedIn.join(',')) {
      throw new CorpusError(
        `corpus/glossary.json (${entry.term}): paragraphs ${listed} but the article quotes it in ${quotedIn.join(',')}`,
      );
    }
  }
  const known = new Set(glossary.map((entry) => entry.term));
  const missing = spans.find((s) => wordCount(s.text) <= LONGEST_TERM_WORDS && !known.has(s.text));
  if (missing)
    throw new CorpusError(
      `corpus/glossary.json: no entry for the quoted term “${missing.text}” (¶${missing.paragraph})`,
    );
}

/** A synonym must lead to words the article uses, or it leads nowhere. */
function checkSynonyms({ synonyms, article }: Corpus): void {
  const body = article.paragraphs.map((p) => p.text.toLowerCase()).join('\n');
  for (const [i, synonym] of synonyms.entries()) {
    for (const phrase of synonym.means) {
      if (!body.includes(phrase.toLowerCase())) {
        throw new CorpusError(
          `corpus/synonyms.json[${i}] (${synonym.words[0]}): “${phrase}” does not occur in the article`,
        );
      }
    }
  }
}

/**
 * A place elsewhere is never one the article speaks of: no entry stands in the text as words, so
 * "jilin" or "province" can never be listed as another place.
 */
function checkElsewhere({ elsewhere, article, names }: Corpus): void {
  const body = ` ${article.paragraphs.map((p) => wordsOf(p.text)).join(' | ')} `;
  const named = new Set(names.flatMap((n) => [n.name, ...n.also]).map(wordsOf));
  for (const [i, place] of elsewhere.entries()) {
    if (body.includes(` ${place} `) || named.has(place))
      throw new CorpusError(`corpus/elsewhere.json[${i}]: “${place}” is the article's own`);
  }
}

const wordsOf = (text: string): string => (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).join(' ');

/** Flattens the asks, each checked to point at a paragraph and sentence the article has. */
function placeAsks(article: Article, entries: z.infer<typeof AsksSchema>, file: string): Ask[] {
  return entries.flatMap(({ paragraph, sentence, asks }, i) => {
    const sentences = article.paragraphs[paragraph]?.sentences.length ?? 0;
    if (sentence !== undefined && sentence > sentences) {
      throw new CorpusError(`corpus/${file}[${i}]: ¶${paragraph} has ${sentences} sentences, not ${sentence}`);
    }
    return asks.map((text) => (sentence === undefined ? { paragraph, text } : { paragraph, sentence, text }));
  });
}

let loaded: Corpus | undefined;

/** The corpus shipped with the bot, loaded and verified once per process. */
export function loadCorpus(): Corpus {
  loaded ??= buildCorpus(readCorpusFiles());
  return loaded;
}
