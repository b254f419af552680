/** Fixtures shared by the settings tests: temp directories, a hand-driven clock, ids. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import os from 'node:os';
import path from 'node:path';
import { SettingsStoreError } from '../../src/settings/index.js';

const made: string[] = [];

export function makeTempDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'policy-bot-settings-'));
  made.push(dir);
  return dir;
}

export function removeTempDirs(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** A clock the test moves by hand, so attribution times are exact. */
export class FakeClock {
  #ms = 1_700_000_000_000;
  readonly now = (): number => this.#ms;
  advance(ms = 1_000): number {
    this.#ms += ms;
    return this.#ms;
  }
}

export const GUILD = '100000000000000001';
export const OTHER_GUILD = '100000000000000002';
export const THIRD_GUILD = '100000000000000003';
export const MOD = '300000000000000001';
export const OTHER_MOD = '300000000000000002';

/** A distinct, valid channel snowflake for each n. */
export function channel(n: number): string {
  return (200_000_000_000_000_000n + BigInt(n)).toString();
}

export const runningAsRoot = process.getuid?.() === 0;

const NOBODY = 65534;

/**
 * Opens the store on `dataDir` in a child process without root's power over file modes, and
 * returns what it printed: `{ opened: true }` or the SettingsStoreError's kind, file and message.
 * As root, the child starts as root and drops to "nobody" itself once its code is loaded.
 */
export function openUnprivileged(dataDir: string): Record<string, unknown> {
  const fixture = fileURLToPath(new URL('./fixtures/open-store.ts', import.meta.url));
  const run = spawnSync(
    process.execPath,
    ['--import', 'tsx', fixture, dataDir, ...(runningAsRoot ? [String(NOBODY)] : [])],
    {
      cwd: fileURLToPath(new URL('../../', import.meta.url)),
      encoding: 'utf8',
    },
  );
  if (run.status !== 0) throw new Error(`open-store fixture failed: ${run.stderr}`);
  return JSON.parse(run.stdout) as Record<string, unknown>;
}

/** The SettingsStoreError `run` rejects with; fails the test if it resolves or rejects otherwise. */
export async function storeRefusal(run: () => unknown): Promise<SettingsStoreError> {
  try {
    await run();
  } catch (error) {
    if (error instanceof SettingsStoreError) return error;
    throw error;
  }
  throw new Error('expected a SettingsStoreError, but nothing was thrown');
}
