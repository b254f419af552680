import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { articleSearch } from '../../src/search/search.js';

export interface Question {
  q: string;
  expect: number[];
  kind: string;
}

export function readQuestions(url: URL): Question[] {
  return readFileSync(url, 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Question);
}

/** Top-1 and top-3 the way ../shared/eval/score.mjs counts them, plus off-topic refusals, overall and by kind. */
export function measure(questions: readonly Question[]) {
  const search = articleSearch();
  let top1 = 0;
  let top3 = 0;
  let onTopic = 0;
  let refused = 0;
  const misses: string[] = [];
  const kinds: Record<string, { right: number; asked: number }> = {};
  for (const question of questions) {
    const found = search.search(question.q, { limit: 3 }).map((r) => r.paragraph);
    const kind = (kinds[question.kind] ??= { right: 0, asked: 0 });
    kind.asked++;
    if (question.expect.length === 0) {
      if (found.length === 0) {
        refused++;
        kind.right++;
      } else misses.push(`${question.q} -> ${found.join(',')} (want nothing)`);
      continue;
    }
    onTopic++;
    if (question.expect.includes(found[0] ?? -1)) {
      top1++;
      kind.right++;
    } else misses.push(`${question.q} -> ${found.join(',') || 'nothing'} (want ${question.expect.join(' or ')})`);
    if (found.some((p) => question.expect.includes(p))) top3++;
  }
  const offTopic = questions.length - onTopic;
  const byKind = Object.fromEntries(Object.entries(kinds).map(([k, { right, asked }]) => [k, right / asked]));
  return { top1: top1 / onTopic, top3: top3 / onTopic, refused: offTopic ? refused / offTopic : 1, byKind, misses };
}

/** A set's figures: top-1 and top-3 of its on-topic questions, and its off-topic ones refused. */
export interface Floors {
  readonly top1: number;
  readonly top3: number;
  readonly refused: number;
}

/**
 * A set in tests/search held at its floors, whole and kind by kind (top-1 for on-topic kinds,
 * refused for off-topic ones): the search is deterministic, so a drop is a regression.
 */
export function holdsTheSet(
  title: string,
  file: string,
  floors: Floors,
  byKind: Readonly<Record<string, number>>,
): void {
  describe(`${title} (tests/search/${file})`, () => {
    const result = measure(readQuestions(new URL(`./${file}`, import.meta.url)));

    it(`finds the answer first for ${floors.top1 * 100}% of its on-topic questions and among the first three for ${floors.top3 * 100}%`, () => {
      expect(result.top1, result.misses.join('\n')).toBeGreaterThanOrEqual(floors.top1);
      expect(result.top3, result.misses.join('\n')).toBeGreaterThanOrEqual(floors.top3);
    });

    it(`refuses ${floors.refused * 100}% of its off-topic questions`, () => {
      expect(result.refused, result.misses.join('\n')).toBeGreaterThanOrEqual(floors.refused);
    });

    it.each(Object.entries(byKind))('holds the %s kind at %f or better', (kind, floor) => {
      expect(result.byKind[kind], result.misses.join('\n')).toBeGreaterThanOrEqual(floor);
    });
  });
}
