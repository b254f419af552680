/**
 * The answer limit counted in PostgreSQL: exact across instances, decided as the in-memory
 * limiter decides, and still a limit (the process's own) while the database cannot answer.
 */
import fc from 'fast-check';
import pino from 'pino';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { FairUse } from '../../src/bot/fair-use.js';
import {
  openPostgresFairUse,
  type FairUseLimiter,
  type FairUseVerdict,
  type PostgresFairUse,
} from '../../src/settings/index.js';
import { DatabaseLink } from './postgres-link.js';
import { adminSession, dropSchemas, freshSchema, postgresUrl } from './postgres-support.js';
import { FakeClock } from './support.js';

const opened: PostgresFairUse[] = [];
const links: DatabaseLink[] = [];
afterEach(async () => {
  for (const link of links.splice(0)) await link.close();
  await Promise.all(opened.splice(0).map((limiter) => limiter.end()));
});
afterAll(dropSchemas);

/** The database answered every check: nothing may be decided in its place. */
const unused: FairUseLimiter = {
  check: () => {
    throw new Error('the database answered, yet the fallback was asked');
  },
};

async function limiter(
  schema: string,
  clock: FakeClock,
  options: { databaseUrl?: string; whenUnavailable?: FairUseLimiter; logger?: pino.Logger } = {},
): Promise<PostgresFairUse> {
  const opened_ = await openPostgresFairUse({
    databaseUrl: options.databaseUrl ?? postgresUrl,
    schema,
    now: clock.now,
    whenUnavailable: options.whenUnavailable ?? unused,
    logger: options.logger,
  });
  opened.push(opened_);
  return opened_;
}

const person = (n: number): string => (400_000_000_000_000_000n + BigInt(n)).toString();

describe('fair use counted in PostgreSQL', () => {
  it('gives a person 6 answers per 30 s across two instances, explaining only the first refusal', async () => {
    const schema = freshSchema();
    const clock = new FakeClock();
    const [first, second] = [await limiter(schema, clock), await limiter(schema, clock)];
    const start = clock.now();
    for (let n = 0; n < 6; n++) {
      expect(await (n % 2 === 0 ? first : second).check(person(1))).toEqual({ allowed: true });
      clock.advance(1_000);
    }
    // The oldest answer (at 0 s) leaves the window at 30 s; it is 6 s now.
    expect(await first.check(person(1))).toEqual({ allowed: false, retryInSeconds: 24, tell: true });
    expect(await second.check(person(1))).toEqual({ allowed: false, retryInSeconds: 24, tell: false });
    expect(await first.check(person(1))).toEqual({ allowed: false, retryInSeconds: 24, tell: false });
    // Someone else is not held back.
    expect(await second.check(person(2))).toEqual({ allowed: true });

    clock.advance(start + 30_000 - clock.now());
    expect(await second.check(person(1))).toEqual({ allowed: true });
    // An answer ends the quiet: the next refusal is explained again.
    expect(await first.check(person(1))).toEqual({ allowed: false, retryInSeconds: 1, tell: true });
  });

  it('decides exactly as the in-memory limiter over random asks, instances and pauses', async () => {
    const schema = freshSchema();
    const clock = new FakeClock();
    const instances = [await limiter(schema, clock), await limiter(schema, clock)];
    const ask = fc.record({
      who: fc.integer({ min: 0, max: 3 }),
      via: fc.integer({ min: 0, max: 1 }),
      pauseMs: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 12_000 })),
    });
    let round = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(ask, { maxLength: 30 }), async (asks) => {
        // Fresh people each run, so runs do not share counts.
        const base = ++round * 10;
        const memory = new FairUse({ now: clock.now });
        for (const { who, via, pauseMs } of asks) {
          clock.advance(pauseMs);
          const expected = memory.check(person(base + who));
          expect(await instances[via]!.check(person(base + who))).toEqual(expected);
        }
      }),
      { numRuns: 25, seed: 20_250_101 },
    );
  });

  it('allows exactly 6 of 24 asks arriving at once through two instances, and explains exactly one refusal', async () => {
    const schema = freshSchema();
    const clock = new FakeClock();
    const instances = [await limiter(schema, clock), await limiter(schema, clock)];
    const verdicts = await Promise.all(Array.from({ length: 24 }, (_, n) => instances[n % 2]!.check(person(7))));
    expect(verdicts.filter((verdict) => verdict.allowed)).toHaveLength(6);
    expect(verdicts.filter((verdict) => !verdict.allowed && verdict.tell)).toHaveLength(1);
  });

  it('keeps a limit of its own while the database is unreachable, says so once, and counts in the database once it is back', async () => {
    const schema = freshSchema();
    const clock = new FakeClock();
    const link = await DatabaseLink.open(postgresUrl);
    links.push(link);
    const lines: { level: number; msg: string }[] = [];
    const logger = pino({ level: 'info' }, { write: (line: string) => void lines.push(JSON.parse(line) as never) });
    const local = new FairUse({ now: clock.now });
    const asked: string[] = [];
    const whenUnavailable: FairUseLimiter = {
      check: (id) => {
        asked.push(id);
        return local.check(id);
      },
    };
    const shared = await limiter(schema, clock, { databaseUrl: link.url, whenUnavailable, logger });
    expect(await shared.check(person(1))).toEqual({ allowed: true });

    await link.cut();
    const during: FairUseVerdict[] = [];
    for (let n = 0; n < 7; n++) during.push(await shared.check(person(1)));
    // This process's own count: 6 more answers, then the explained refusal.
    expect(during.slice(0, 6)).toEqual(Array.from({ length: 6 }, () => ({ allowed: true })));
    expect(during[6]).toMatchObject({ allowed: false, tell: true });
    expect(asked).toHaveLength(7);
    expect(lines.filter((line) => line.level === 50).map((line) => line.msg)).toEqual([
      'fair use is counted by this process alone: the database did not answer',
    ]);

    await link.restore();
    // The database counted one answer for this person; a new person starts from none.
    expect(await shared.check(person(2))).toEqual({ allowed: true });
    expect(asked).toHaveLength(7);
    expect(lines.at(-1)?.msg).toBe('fair use is counted in the database again');
  });

  it('drops the counts of people with no answer in the last window', async () => {
    const schema = freshSchema();
    const clock = new FakeClock();
    const shared = await limiter(schema, clock);
    for (let n = 0; n < 5; n++) await shared.check(person(n));
    clock.advance(30_001);
    await shared.check(person(99));
    // Ending waits for the sweep the last check started.
    await shared.end();
    opened.splice(0);
    const admin = await adminSession();
    try {
      const { rows } = await admin.query<{ person_id: string }>(`SELECT person_id FROM ${schema}.fair_use`);
      expect(rows.map((row) => row.person_id)).toEqual([person(99)]);
    } finally {
      await admin.end();
    }
  });
});
