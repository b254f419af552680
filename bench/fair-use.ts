import { performance } from 'node:perf_hooks';
import { SlidingWindowLimit } from '../src/settings/fair-use.js';
import { distribution, type Distribution } from './stats.js';

export interface FairUseBench {
  /** People with an answer in the current window when the checks are timed. */
  readonly active: number;
  /** Microseconds per check. */
  readonly check: Distribution;
  readonly meanUs: number;
}

const CHECKS = 20_000;

/**
 * One check of the per-person limit, timed with `active` people inside their window: every
 * interaction and message pays it, so it must not grow with the number of people.
 */
function benchActive(active: number): FairUseBench {
  let now = 1_700_000_000_000;
  const limiter = new SlidingWindowLimit();
  const people = Array.from({ length: active }, (_, i) => `person-${i}`);
  for (const id of people) limiter.check(id, now);
  const samples: number[] = [];
  let total = 0;
  for (let i = 0; i < CHECKS; i++) {
    // A tenth of a millisecond apart: 2 s in all, everyone stays inside the 30 s window.
    now += 0.1;
    const id = people[(i * 7919) % active]!;
    const start = performance.now();
    limiter.check(id, now);
    const us = (performance.now() - start) * 1000;
    samples.push(us);
    total += us;
  }
  return { active, check: distribution(samples), meanUs: total / CHECKS };
}

export function benchFairUse(): FairUseBench[] {
  benchActive(1_000); // warm-up: the JIT
  return [benchActive(10_000), benchActive(50_000)];
}

export function printFairUse(results: readonly FairUseBench[]): string {
  const rows = results.map(
    (r) =>
      `| ${r.active.toLocaleString('en')} | ${r.meanUs.toFixed(2)} | ${r.check.p50.toFixed(2)} | ${r.check.p99.toFixed(2)} | ${r.check.max.toFixed(1)} |`,
  );
  return [
    `Fair use: one check of the per-person limit (6 answers per 30 s) with that many people inside their window, ${CHECKS} checks each (µs).`,
    '',
    '| active people | mean | p50 | p99 | max |',
    '| --- | --- | --- | --- | --- |',
    ...rows,
  ].join('\n');
}
