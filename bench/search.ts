import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import Fuse from 'fuse.js';
import { loadCorpus } from '../src/corpus/load.js';
import { createSearch } from '../src/search/search.js';
import { distribution, fixed, timeEach, type Distribution } from './stats.js';

export interface SearchBench {
  readonly queries: number;
  readonly buildColdMs: number;
  readonly buildWarmMs: number;
  readonly ours: Distribution;
  readonly oursColdTypos: Distribution;
  readonly fuseDefaults: Distribution;
}

export interface Question {
  readonly q: string;
  readonly kind: string;
}

/** The evaluation questions (shared dev set and the search tests'), as people asked them. */
export function readQuestions(): Question[] {
  const files = [
    new URL('../../shared/eval/dev-questions.jsonl', import.meta.url),
    new URL('../tests/search/questions.jsonl', import.meta.url),
  ];
  return files.flatMap((file) => {
    try {
      return readFileSync(file, 'utf8')
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as Question);
    } catch {
      return [];
    }
  });
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
  return { queries: queries.length, buildColdMs, buildWarmMs, ours, oursColdTypos: distribution(cold), fuseDefaults };
}

export function printSearch(result: SearchBench): string {
  const row = (name: string, d: Distribution): string =>
    `| ${name} | ${fixed(d.p50)} | ${fixed(d.p99)} | ${fixed(d.max)} | ${d.n} |`;
  return [
    `Search (${result.queries} questions; per query, ms)`,
    '| approach | p50 | p99 | max | samples |',
    '| --- | --- | --- | --- | --- |',
    row('policy-bot search (warm)', result.ours),
    row('policy-bot search, unseen misspellings', result.oursColdTypos),
    row('fuse.js defaults over paragraphs (baseline)', result.fuseDefaults),
    `ratio baseline/ours: p50 ${fixed(result.fuseDefaults.p50 / result.ours.p50, 1)}×, p99 ${fixed(result.fuseDefaults.p99 / result.ours.p99, 1)}×`,
    `index build: first ${fixed(result.buildColdMs, 1)} ms (cold), then ${fixed(result.buildWarmMs, 1)} ms (median of 20)`,
  ].join('\n');
}
