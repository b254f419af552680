/**
 * The fair-use check counted in PostgreSQL (one atomic statement per answer), which every
 * answer waits for when the bot runs on several instances or machines: one at a time, and paced
 * as answers arrive. Beside each paced run, measured in the same moments: a bare round trip
 * (SELECT 1) on a connection of its own, how late this process's own timers fired, and its GC
 * pauses — so that what the machine costs (a busy CPU delays every wake-up) is told apart from
 * what the check costs.
 */
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { openPostgresFairUse, SlidingWindowLimit, type PostgresFairUse } from '../src/settings/index.js';
import { watchCpuWait, type CpuWait } from './cpu-wait.js';
import type { BenchDatabase } from './database.js';
import { StallWatch, type Stalls } from './live/stalls.js';
import { distribution, type Distribution } from './stats.js';

export interface PacedFairUse {
  readonly label: string;
  readonly ratePerSecond: number;
  readonly checks: number;
  /** ms from the call to the verdict. */
  readonly check: Distribution;
  /** ms of a SELECT 1 sent between checks, every fourth period. */
  readonly roundTrip: Distribution;
  /** ms by which this process sent each check after the moment it was due. */
  readonly sentLate: Distribution;
  readonly stalls: Stalls;
  /** How long this process's event loop, and the database's fair-use sessions when on this machine, waited for a CPU. */
  readonly benchCpuWait: CpuWait | undefined;
  readonly databaseCpuWait: CpuWait | undefined;
  /** The 1-minute load average when the run ended. */
  readonly load: number;
}

export interface SharedFairUseBench {
  readonly database: string;
  readonly people: number;
  /** ms per check, each awaited before the next. */
  readonly oneAtATime: Distribution;
  readonly oneAtATimeRoundTrip: Distribution;
  readonly paced: readonly PacedFairUse[];
  /** The 1-minute, 5-minute and 15-minute load averages when the bench began. */
  readonly loadAtStart: readonly number[];
}

const PEOPLE = 10_000;
const ONE_AT_A_TIME = 3_000;
const RATE = 500;
const PACED_SECONDS = 6;

const person = (n: number): string => (400_000_000_000_000_000n + BigInt(n % PEOPLE)).toString();

async function timed(run: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await run();
  return performance.now() - start;
}

/** Every `1000 / rate` ms a check; every fourth period, half-way to the next check, a bare round trip. */
async function paced(
  label: string,
  check: (n: number) => Promise<unknown>,
  roundTrip: () => Promise<unknown>,
  backends: readonly number[],
): Promise<PacedFairUse> {
  const total = RATE * PACED_SECONDS;
  const gapMs = 1000 / RATE;
  const checks: number[] = [];
  const roundTrips: number[] = [];
  const sentLate: number[] = [];
  const pending: Promise<void>[] = [];
  const watch = new StallWatch();
  watch.start();
  const benchWait = watchCpuWait(['self']);
  const databaseWait = watchCpuWait(backends);
  const t0 = performance.now();
  for (let n = 0; n < total;) {
    const now = performance.now();
    // Everything due by now goes at once: a late timer must not lower the offered load.
    while (n < total && t0 + n * gapMs <= now) {
      sentLate.push(now - (t0 + n * gapMs));
      const start = performance.now();
      const index = n;
      pending.push(check(index).then(() => void checks.push(performance.now() - start)));
      if (index % 4 === 0) {
        const probe = new Promise<void>((resolve) => setTimeout(resolve, gapMs / 2)).then(() => timed(roundTrip));
        pending.push(probe.then((ms) => void roundTrips.push(ms)));
      }
      n++;
    }
    if (n < total) await new Promise((resolve) => setTimeout(resolve, Math.max(0, t0 + n * gapMs - performance.now())));
  }
  await Promise.all(pending);
  const stalls = watch.stop();
  const benchCpuWait = benchWait.stop();
  const databaseCpuWait = databaseWait.stop();
  return {
    label,
    ratePerSecond: RATE,
    checks: total,
    check: distribution(checks),
    roundTrip: distribution(roundTrips),
    sentLate: distribution(sentLate),
    stalls,
    benchCpuWait,
    databaseCpuWait,
    load: loadavg()[0]!,
  };
}

async function limiter(database: BenchDatabase, schema: string, connections?: number): Promise<PostgresFairUse> {
  return openPostgresFairUse({
    databaseUrl: database.url,
    schema,
    whenUnavailable: new SlidingWindowLimit(),
    ...(connections === undefined ? {} : { connections }),
  });
}

export async function benchSharedFairUse(database: BenchDatabase): Promise<SharedFairUseBench> {
  const loadAtStart = loadavg();
  const bare = new pg.Pool({ connectionString: database.url, max: 1, application_name: 'policy-bot bench' });
  bare.on('error', () => undefined);
  const roundTrip = (): Promise<unknown> => bare.query('SELECT 1');
  // The bench's clock: each check 2 ms after the last, so every person stays inside the window.
  let now = 1_800_000_000_000;
  const schema = database.schema();
  const shared = await limiter(database, schema);
  // A second instance: its own pool, the same table, the same people.
  const second = await limiter(database, schema);
  const single = await limiter(database, database.schema(), 1);
  try {
    await roundTrip();
    // Warm-up: every connection has prepared the statement, and every person has a row.
    for (let n = 0; n < PEOPLE; n++) await shared.check(person(n), (now += 2));
    for (let round = 0; round < 25; round++)
      await Promise.all(Array.from({ length: 8 }, (_, n) => second.check(person(round * 8 + n), (now += 2))));

    const oneAtATime: number[] = [];
    const oneAtATimeRoundTrip: number[] = [];
    for (let n = 0; n < ONE_AT_A_TIME; n++) {
      oneAtATime.push(await timed(() => shared.check(person(n * 7919), (now += 2))));
      if (n % 4 === 0) oneAtATimeRoundTrip.push(await timed(roundTrip));
    }

    // The server processes behind the checks' connections, when the server runs on this machine.
    const sessions = await bare.query<{ pid: number }>(
      `SELECT pid FROM pg_stat_activity WHERE application_name = 'policy-bot fair use'`,
    );
    const backends = sessions.rows.map((row) => row.pid);
    const runs: PacedFairUse[] = [];
    const run = async (label: string, check: (n: number) => Promise<unknown>): Promise<void> =>
      void runs.push(await paced(label, check, roundTrip, backends));
    await run('10,000 people, 4 connections', (n) => shared.check(person(n * 7919), (now += 2)));
    await run('10,000 people, 1 connection', (n) => single.check(person(n * 7919), (now += 2)));
    // Two instances behind a load balancer, taking turns: each person's row is updated through both pools.
    await run('10,000 people, two instances (4 connections each)', (n) =>
      (n % 2 === 0 ? shared : second).check(person(n * 7919), (now += 2)),
    );
    // One row, updated by every check: what its lock costs.
    await run('one person, 4 connections', () => shared.check(person(0), (now += 2)));
    return {
      database: database.source,
      people: PEOPLE,
      oneAtATime: distribution(oneAtATime),
      oneAtATimeRoundTrip: distribution(oneAtATimeRoundTrip),
      paced: runs,
      loadAtStart,
    };
  } finally {
    await Promise.all([shared.end(), second.end(), single.end(), bare.end()]);
  }
}

export function printSharedFairUse(result: SharedFairUseBench): string {
  const f = (value: number): string => value.toFixed(2);
  const pair = (d: Distribution): string => `${f(d.p50)} / ${f(d.p99)}`;
  const perWakeUp = (wait: CpuWait | undefined): string =>
    wait && wait.wakeUps > 0 ? `${f(wait.waitMs)} ms, ${((wait.waitMs * 1000) / wait.wakeUps).toFixed(0)} µs` : '—';
  const rows = result.paced.map(
    (run) =>
      `| ${run.label} | ${pair(run.check)} | ${f(run.check.max)} | ${pair(run.roundTrip)} | ${pair(run.sentLate)} | ${f(run.stalls.loopDelayP99Ms)} | ${run.stalls.gcCount} / ${f(run.stalls.gcMaxMs)} | ${perWakeUp(run.benchCpuWait)} | ${perWakeUp(run.databaseCpuWait)} | ${run.load.toFixed(2)} |`,
  );
  return [
    `Fair use in PostgreSQL (${result.database}): one check (one statement) with ${result.people.toLocaleString('en')} people in their window, ms. Load average at the start: ${result.loadAtStart.map((load) => load.toFixed(2)).join(', ')}.`,
    '',
    `One at a time (${result.oneAtATime.n} checks): p50 ${f(result.oneAtATime.p50)}, p99 ${f(result.oneAtATime.p99)}, max ${f(result.oneAtATime.max)}; a bare round trip (SELECT 1) between them: p50 ${f(result.oneAtATimeRoundTrip.p50)}, p99 ${f(result.oneAtATimeRoundTrip.p99)}.`,
    '',
    `Paced at ${RATE}/s for ${PACED_SECONDS} s (goal: the check ≤ 1 ms at p99), beside a bare round trip every fourth period, this process's own lateness sending (how late its timers fired), its event loop's delay (a 10 ms timer's lateness), its GC pauses, and how long it and the database's fair-use sessions (when on this machine) waited for a CPU while runnable (in all, and per wake-up):`,
    '',
    '| run | check p50 / p99 | check max | round trip p50 / p99 | sent late p50 / p99 | loop delay p99 | GCs / longest ms | bench waited for CPU | database waited for CPU | load (1 min) at end |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...rows,
  ].join('\n');
}
