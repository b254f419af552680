import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import Fuse from 'fuse.js';
import MiniSearch from 'minisearch';
import { loadCorpus, type Corpus } from '../src/corpus/load.js';
import { createSearch, type SearchOptions } from '../src/search/search.js';
import { distribution, fixed, timeEach, type Distribution } from './stats.js';

export interface SearchBench {
  readonly quality: readonly SetQuality[];
  readonly queries: number;
  readonly buildColdMs: number;
  readonly buildWarmMs: number;
  readonly ours: Distribution;
  /** The Chinese set's questions, warm, in the same run. */
  readonly chinese: Distribution;
  readonly chineseQueries: number;
  /** The first Chinese question of a fresh search, which builds the Chinese tables; and after `warmChinese()`. */
  readonly firstChineseColdMs: number;
  readonly warmChineseMs: number;
  readonly firstChineseWarmedMs: number;
  readonly oursColdTypos: Distribution;
  readonly fuseDefaults: Distribution;
}

export interface Question {
  readonly q: string;
  readonly kind: string;
  /** Paragraphs that answer it; none for a question the article does not answer. */
  readonly expect?: readonly number[];
}

/** How one approach does on one question set, counted as ../shared/eval/score.mjs counts. */
export interface Scores {
  readonly approach: string;
  /** On-topic questions whose first passage is one that answers. */
  readonly top1: number;
  /** On-topic questions with an answering passage among the first three. */
  readonly top3: number;
  readonly onTopic: number;
  /** Off-topic questions answered with nothing. */
  readonly refused: number;
  readonly offTopic: number;
  /** Kind → [right, asked]: top-1 for on-topic kinds, refused for off-topic ones (as score.mjs counts). */
  readonly kinds: Readonly<Record<string, readonly [number, number]>>;
}

export interface SetQuality {
  readonly set: string;
  readonly questions: number;
  readonly scores: readonly Scores[];
}

/** A set in tests/search, named as the bench prints it: its name, then where it is. */
function inTests(name: string, file: string): readonly [string, URL] {
  return [`${name} (tests/search/${file})`, new URL(`../tests/search/${file}`, import.meta.url)];
}

/** The English question sets, by the name the bench prints. */
const SETS: readonly (readonly [string, URL])[] = [
  inTests('realistic', 'realistic.jsonl'),
  inTests('realistic, second set', 'realistic-2.jsonl'),
  inTests('realistic, third set', 'realistic-3.jsonl'),
  inTests('realistic, fourth set', 'realistic-4.jsonl'),
  inTests('realistic, fifth set', 'realistic-5.jsonl'),
  inTests('realistic, sixth set', 'realistic-6.jsonl'),
  inTests('realistic, seventh set', 'realistic-7.jsonl'),
  inTests('realistic, eighth set', 'realistic-8.jsonl'),
  inTests('realistic, ninth set (long questions)', 'realistic-9.jsonl'),
  inTests('project', 'questions.jsonl'),
  ['dev (../shared/eval/dev-questions.jsonl)', new URL('../../shared/eval/dev-questions.jsonl', import.meta.url)],
];
/** The Chinese sets: simplified, traditional, chat, terms, names, mixed with English, off-topic. */
const CHINESE_SETS: readonly (readonly [string, URL])[] = [
  inTests('Chinese', 'chinese.jsonl'),
  inTests('Chinese, second set', 'chinese-2.jsonl'),
  inTests('Chinese, third set', 'chinese-3.jsonl'),
  inTests('Chinese, fourth set', 'chinese-4.jsonl'),
  inTests('Chinese, fifth set', 'chinese-5.jsonl'),
  inTests('Chinese, sixth set', 'chinese-6.jsonl'),
  inTests('Chinese, seventh set', 'chinese-7.jsonl'),
];

function readSet(file: URL): Question[] {
  try {
    return readFileSync(file, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Question);
  } catch {
    return [];
  }
}

/** The English evaluation questions (every set), as people asked them. */
export function readQuestions(): Question[] {
  return SETS.flatMap(([, file]) => readSet(file));
}

/** The Chinese evaluation questions (every set). */
export function readChineseQuestions(): Question[] {
  return CHINESE_SETS.flatMap(([, file]) => readSet(file));
}

/** Ranked paragraphs for a question, best first, at most three; none is a refusal. */
type Approach = (question: string) => readonly number[];

function score(approach: string, questions: readonly Question[], answer: Approach): Scores {
  let top1 = 0;
  let top3 = 0;
  let onTopic = 0;
  let refused = 0;
  const kinds: Record<string, [number, number]> = {};
  for (const question of questions) {
    const found = answer(question.q).slice(0, 3);
    const expect = question.expect ?? [];
    const kind = (kinds[question.kind] ??= [0, 0]);
    kind[1]++;
    if (expect.length === 0) {
      if (found.length === 0) {
        refused++;
        kind[0]++;
      }
      continue;
    }
    onTopic++;
    if (expect.includes(found[0] ?? -1)) {
      top1++;
      kind[0]++;
    }
    if (found.some((p) => expect.includes(p))) top3++;
  }
  return { approach, top1, top3, onTopic, refused, offTopic: questions.length - onTopic, kinds };
}

/** Each component of the search, switched off alone: what it is worth. */
const COMPONENTS: readonly (readonly [string, SearchOptions])[] = [
  ['without the asks (both files)', { asks: false }],
  ['without the asks of our own (asks-more.json)', { asksAdded: false }],
  ['without English words kept from spelling correction (english-words.json)', { englishWords: false }],
  ['without chat shorthand', { chat: false }],
  ['without reading several questions apart', { parts: false }],
  ['without questions about the article itself', { article: false }],
  ['without named things', { names: false }],
  ['without question forms', { frames: false }],
  ['without places elsewhere in lowercase (elsewhere.json)', { places: false }],
  ['without small talk', { smallTalk: false }],
  ['without Chinese', { chinese: false }],
  ['without Chinese slips of sound (鸡层 for 基层)', { slips: false }],
];

/** Plain BM25 over whole paragraphs (MiniSearch, fuzzy 0.15): the baseline; it never refuses what shares a word. */
function plainBm25(corpus: Corpus): Approach {
  const index = new MiniSearch<{ id: number; text: string }>({ fields: ['text'] });
  index.addAll(corpus.article.paragraphs.map((p) => ({ id: p.number, text: p.text })));
  return (question) => index.search(question, { fuzzy: 0.15 }).map((r) => r.id as number);
}

/** Top-1, top-3 and refusals, by kind, for policy-bot, plain BM25 and policy-bot less each component. */
export function benchQuality(corpus: Corpus = loadCorpus()): SetQuality[] {
  const ours = (options: SearchOptions): Approach => {
    const search = createSearch(corpus, options);
    return (question) => {
      try {
        return search.search(question, { limit: 3 }).map((r) => r.paragraph);
      } catch {
        return [];
      }
    };
  };
  const approaches: (readonly [string, Approach])[] = [
    ['policy-bot', ours({})],
    ['plain BM25 over paragraphs (MiniSearch, fuzzy 0.15)', plainBm25(corpus)],
    ...COMPONENTS.map(([name, options]) => [`policy-bot ${name}`, ours(options)] as const),
  ];
  return [...SETS, ...CHINESE_SETS]
    .map(([set, file]) => {
      const questions = readSet(file);
      return {
        set,
        questions: questions.length,
        scores: approaches.map(([name, answer]) => score(name, questions, answer)),
      };
    })
    .filter((set) => set.questions > 0);
}

const percent = (n: number, of: number): string => (of === 0 ? '—' : `${((100 * n) / of).toFixed(1)}%`);

export function printQuality(sets: readonly SetQuality[]): string {
  return sets
    .map(({ set, questions, scores }) => {
      const kinds = Object.keys(scores[0]?.kinds ?? {});
      const header = `| approach | top-1 | top-3 | off-topic refused | ${kinds.join(' | ')} |`;
      const rows = scores.map((s) => {
        const byKind = kinds.map((k) => {
          const [right, asked] = s.kinds[k] ?? [0, 0];
          return `${right}/${asked}`;
        });
        return `| ${s.approach} | ${percent(s.top1, s.onTopic)} | ${percent(s.top3, s.onTopic)} | ${s.refused}/${s.offTopic} | ${byKind.join(' | ')} |`;
      });
      return [
        `Answers on ${set}, ${questions} questions (top-1 and top-3 of on-topic questions; by kind: top-1, or refused for off-topic)`,
        header,
        `|${' --- |'.repeat(kinds.length + 4)}`,
        ...rows,
      ].join('\n');
    })
    .join('\n\n');
}

function questions(): string[] {
  return readQuestions().map((question) => question.q);
}

/** Search speed: ours against fuse.js with its defaults over whole paragraphs, in the same run. */
export function benchSearch(): SearchBench {
  const corpus = loadCorpus();
  const start = performance.now();
  const search = createSearch(corpus);
  const buildColdMs = performance.now() - start;
  const builds = timeEach([0], 20, () => createSearch(corpus));
  const buildWarmMs = distribution(builds).p50;

  const queries = questions();
  timeEach(queries, 20, (q) => search.search(q)); // warm-up: the JIT, and the typo cache as a live bot has it
  const ours = distribution(timeEach(queries, 50, (q) => search.search(q)));

  // Chinese questions: the first of a fresh search builds the Chinese tables (OpenCC's, the
  // glossary's, the asks'), unless warmChinese() built them first.
  const chineseQueries = readChineseQuestions().map((question) => question.q);
  const first = chineseQueries[0] ?? '干部考核怎么搞';
  const fresh = createSearch(corpus);
  const firstChineseColdMs = timeEach([first], 1, (q) => fresh.search(q))[0] ?? 0;
  const warmed = createSearch(corpus);
  const warmChineseMs = timeEach([0], 1, () => warmed.warmChinese())[0] ?? 0;
  const firstChineseWarmedMs = timeEach([first], 1, (q) => warmed.search(q))[0] ?? 0;
  timeEach(chineseQueries, 20, (q) => search.search(q));
  const chinese = distribution(timeEach(chineseQueries, 50, (q) => search.search(q)));

  // Misspelled words never seen before: each round gets a fresh search, so nothing is cached.
  const typos = [
    'disiplined',
    'acountability',
    'seniorty',
    'grasroots',
    'vindicaton',
    'toleranse',
    'oriantation',
    'beurocrats',
    'promotoin',
    'evaluaton',
  ];
  const cold: number[] = [];
  for (let round = 0; round < 20; round++) {
    const fresh = createSearch(corpus);
    cold.push(...timeEach(typos, 1, (q) => fresh.search(q)));
  }

  const paragraphs = corpus.article.paragraphs.map((p) => p.text);
  const fuse = new Fuse(paragraphs, { includeScore: true });
  timeEach(queries, 2, (q) => fuse.search(q));
  const fuseDefaults = distribution(timeEach(queries, 5, (q) => fuse.search(q)));
  return {
    quality: benchQuality(corpus),
    queries: queries.length,
    buildColdMs,
    buildWarmMs,
    ours,
    chinese,
    chineseQueries: chineseQueries.length,
    firstChineseColdMs,
    warmChineseMs,
    firstChineseWarmedMs,
    oursColdTypos: distribution(cold),
    fuseDefaults,
  };
}

export function printSearch(result: SearchBench): string {
  const row = (name: string, d: Distribution): string =>
    `| ${name} | ${fixed(d.p50)} | ${fixed(d.p99)} | ${fixed(d.max)} | ${d.n} |`;
  return [
    `Search (${result.queries} questions; per query, ms)`,
    '| approach | p50 | p99 | max | samples |',
    '| --- | --- | --- | --- | --- |',
    row('policy-bot search (warm)', result.ours),
    row(`policy-bot search, Chinese questions (warm, ${result.chineseQueries} questions)`, result.chinese),
    row('policy-bot search, unseen misspellings', result.oursColdTypos),
    row('fuse.js defaults over paragraphs (baseline)', result.fuseDefaults),
    `ratio baseline/ours: p50 ${fixed(result.fuseDefaults.p50 / result.ours.p50, 1)}×, p99 ${fixed(result.fuseDefaults.p99 / result.ours.p99, 1)}×`,
    `index build: first ${fixed(result.buildColdMs, 1)} ms (cold), then ${fixed(result.buildWarmMs, 1)} ms (median of 20)`,
    `first Chinese question: ${fixed(result.firstChineseColdMs, 1)} ms on a fresh search; warmChinese() ${fixed(result.warmChineseMs, 1)} ms, then ${fixed(result.firstChineseWarmedMs, 2)} ms`,
    '',
    printQuality(result.quality),
  ].join('\n');
}
