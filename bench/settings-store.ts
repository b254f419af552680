/**
 * The settings stores side by side: the SQLite file (one machine) and PostgreSQL (several), for
 * what each interaction pays (a read, from the store's memory in both) and what a moderator's
 * change pays (a durable write), the start-up read of every guild, and, for PostgreSQL, how soon
 * a change made through one instance is in another's memory.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import {
  openPostgresSettingsStore,
  openSettingsStore,
  type PostgresSettingsStore,
  type SettingsStore,
  type StoredGuild,
  type Visibility,
} from '../src/settings/index.js';
import type { BenchDatabase } from './database.js';
import { distribution, type Distribution } from './stats.js';

export interface StoreBench {
  readonly store: 'SQLite' | 'PostgreSQL';
  /** ms per change: read, decide, durable write (a /config). */
  readonly write: Distribution;
  /** µs per get(): what every interaction reads. */
  readonly read: Distribution;
  /** ms to open a store holding GUILDS guilds (read into memory), median of three. */
  readonly openMs: number;
  /** ms from a change's start through one instance to its arrival in another's memory (PostgreSQL). */
  readonly notice?: Distribution;
}

export interface StoresBench {
  readonly guilds: number;
  readonly writes: number;
  readonly stores: readonly StoreBench[];
}

const GUILDS = 1_000;
const WRITES = 1_000;
const READS = 100_000;
const NOTICES = 200;
const BY = '400000000000000001';

const guildId = (n: number): string => (500_000_000_000_000_000n + BigInt(n)).toString();

/** Every guild given a setting, so that each holds a stored row. */
async function fill(store: SettingsStore): Promise<void> {
  for (let n = 0; n < GUILDS; n++) await store.setMentions(guildId(n), false, BY);
}

/** Changes that each change something: the visibility of a hundred guilds, flipped a round at a time. */
async function writes(store: SettingsStore): Promise<Distribution> {
  const samples: number[] = [];
  for (let n = 0; n < WRITES; n++) {
    const value: Visibility = Math.floor(n / 100) % 2 === 0 ? 'ephemeral' : 'public';
    const start = performance.now();
    await store.setVisibility(guildId(n % 100), value, BY);
    samples.push(performance.now() - start);
  }
  return distribution(samples);
}

function reads(store: SettingsStore): Distribution {
  const samples: number[] = [];
  let sink = 0;
  for (let n = 0; n < READS; n++) {
    const start = performance.now();
    sink += store.get(guildId((n * 7919) % GUILDS)).answerChannels.length;
    samples.push((performance.now() - start) * 1000);
  }
  if (sink < 0) throw new Error('unreachable');
  return distribution(samples);
}

async function medianOpenMs(open: () => Promise<SettingsStore>): Promise<number> {
  const times: number[] = [];
  for (let round = 0; round < 3; round++) {
    const start = performance.now();
    const store = await open();
    times.push(performance.now() - start);
    await store.end();
  }
  return times.sort((a, b) => a - b)[1]!;
}

async function benchSqlite(): Promise<StoreBench> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'policy-bot-bench-sqlite-'));
  try {
    const store = openSettingsStore({ dataDir });
    await fill(store);
    const write = await writes(store);
    const read = reads(store);
    await store.end();
    const openMs = await medianOpenMs(() => Promise.resolve(openSettingsStore({ dataDir })));
    return { store: 'SQLite', write, read, openMs };
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}

/** A change through `from`, timed until `to` has heard of it. */
async function notices(from: SettingsStore, to: PostgresSettingsStore): Promise<Distribution> {
  const samples: number[] = [];
  for (let n = 0; n < NOTICES; n++) {
    const id = guildId(n % 100);
    const value: Visibility = Math.floor(n / 100) % 2 === 0 ? 'ephemeral' : 'public';
    const start = performance.now();
    const heard = new Promise<void>((resolve) => {
      const listener = (stored: StoredGuild): void => {
        if (stored.guildId !== id || stored.settings?.visibility !== value) return;
        to.events.off('notice', listener);
        resolve();
      };
      to.events.on('notice', listener);
    });
    await from.setVisibility(id, value, BY);
    await heard;
    samples.push(performance.now() - start);
  }
  return distribution(samples);
}

async function benchPostgres(database: BenchDatabase): Promise<StoreBench> {
  const schema = database.schema();
  const open = () => openPostgresSettingsStore({ databaseUrl: database.url, schema });
  const store = await open();
  try {
    await fill(store);
    const write = await writes(store);
    const read = reads(store);
    const other = await open();
    // After `writes`, the visibility of guilds 0–99 is 'public': the next round flips them again.
    const notice = await notices(store, other).finally(() => other.end());
    const openMs = await medianOpenMs(open);
    return { store: 'PostgreSQL', write, read, openMs, notice };
  } finally {
    await store.end();
  }
}

export async function benchStores(database: BenchDatabase): Promise<StoresBench> {
  return { guilds: GUILDS, writes: WRITES, stores: [await benchSqlite(), await benchPostgres(database)] };
}

export function printStores(result: StoresBench): string {
  const f = (value: number, digits: number): string => value.toFixed(digits);
  const rows = result.stores.map(
    (s) =>
      `| ${s.store} | ${f(s.write.p50, 2)} | ${f(s.write.p99, 2)} | ${f(s.read.p50, 2)} | ${f(s.read.p99, 2)} | ${f(s.openMs, 0)} | ${s.notice ? `${f(s.notice.p50, 2)} / ${f(s.notice.p99, 2)}` : '—'} |`,
  );
  return [
    `Settings stores, ${result.guilds.toLocaleString('en')} guilds stored: a change (read, decide, durable write; ${result.writes.toLocaleString('en')} one after another, ms), a read (get(), from the store's memory, as every interaction reads, µs), opening the store (every guild read, ms), and a change through one instance until another has it in memory (ms).`,
    '',
    '| store | change p50 | change p99 | read p50 µs | read p99 µs | open ms | change seen elsewhere p50 / p99 |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...rows,
  ].join('\n');
}
