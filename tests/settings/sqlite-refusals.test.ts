/**
 * Files the store must refuse at start-up, or cannot write: each is reported as a
 * SettingsStoreError naming the file, and a file it cannot read is never modified.
 */
import { chmodSync, existsSync, mkdirSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { LATEST_SCHEMA_VERSION } from '../../src/settings/migrations.js';
import {
  SETTINGS_FILE_NAME,
  SettingsStoreError,
  openSettingsStore,
  type SettingsStoreErrorKind,
} from '../../src/settings/index.js';
import { GUILD, MOD, channel, makeTempDir, openUnprivileged, removeTempDirs, storeRefusal } from './support.js';

const restoreModes: Array<() => void> = [];
afterEach(() => {
  for (const restore of restoreModes.splice(0)) restore();
  removeTempDirs();
});

function failure(run: () => unknown): SettingsStoreError {
  try {
    run();
  } catch (error) {
    if (error instanceof SettingsStoreError) return error;
    throw error;
  }
  throw new Error('expected a SettingsStoreError, but nothing was thrown');
}

function expectRefusal(error: SettingsStoreError, kind: SettingsStoreErrorKind, file: string): void {
  expect(error.kind).toBe(kind);
  expect(error.file).toBe(file);
  expect(error.message).toContain(file);
}

/** A real settings file of several pages, so truncation cuts into tables. */
async function writeHealthyFile(dataDir: string): Promise<string> {
  const store = openSettingsStore({ dataDir });
  for (let g = 0; g < 300; g++)
    await store.addChannel((400_000_000_000_000_000n + BigInt(g)).toString(), channel(g), MOD);
  store.close();
  return path.join(dataDir, SETTINGS_FILE_NAME);
}

describe('a settings file the store cannot read', () => {
  const garbage = Buffer.from(Array.from({ length: 8192 }, (_, i) => (i * 7919 + 13) % 256));
  const cases: Array<[string, (file: string, dataDir: string) => void | Promise<void>]> = [
    ['a text file', (file) => writeFileSync(file, 'DATA_DIR=/var/lib/policy-bot\nthis is not a database\n'.repeat(20))],
    ['garbage bytes', (file) => writeFileSync(file, garbage)],
    ['a header cut short', async (file, dataDir) => truncateSync(await writeHealthyFile(dataDir), 60)],
    // SQLite would take an empty file for a new database, and every server would lose its settings.
    ['a file truncated to 0 bytes', async (file, dataDir) => truncateSync(await writeHealthyFile(dataDir), 0)],
    [
      'a file truncated in the middle of its tables',
      async (file, dataDir) => {
        await writeHealthyFile(dataDir);
        truncateSync(file, 4096 * 3);
      },
    ],
    // Header intact, so only a full page check notices; and in rollback-journal mode,
    // switching to WAL would rewrite the header, so the check must come first.
    [
      'a page overwritten with garbage in a rollback-journal file',
      async (file, dataDir) => {
        const db = new Database(await writeHealthyFile(dataDir));
        db.pragma('journal_mode = DELETE');
        db.close();
        const bytes = readFileSync(file);
        garbage.copy(bytes, bytes.length - 4096 * 2, 0, 4096);
        writeFileSync(file, bytes);
      },
    ],
  ];

  for (const [name, make] of cases) {
    it(`refuses ${name} as corrupt and leaves its bytes as they were`, async () => {
      const dataDir = makeTempDir();
      const file = path.join(dataDir, SETTINGS_FILE_NAME);
      await make(file, dataDir);
      const bytes = readFileSync(file);
      const error = failure(() => openSettingsStore({ dataDir }));
      expectRefusal(error, 'corrupt', file);
      expect(error.message).toContain('Restore it from a backup, or move it aside');
      expect(readFileSync(file).equals(bytes)).toBe(true);
    });
  }

  it("refuses a directory in the file's place as unreadable", () => {
    const dataDir = makeTempDir();
    const file = path.join(dataDir, SETTINGS_FILE_NAME);
    mkdirSync(file);
    expectRefusal(
      failure(() => openSettingsStore({ dataDir })),
      'unreadable',
      file,
    );
  });

  it('refuses a schema newer than this code knows, without touching the file', async () => {
    const dataDir = makeTempDir();
    const file = await writeHealthyFile(dataDir);
    const db = new Database(file);
    db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
    db.close();
    const bytes = readFileSync(file);
    const error = failure(() => openSettingsStore({ dataDir }));
    expectRefusal(error, 'newer-schema', file);
    expect(error.message).toContain(`schema version ${LATEST_SCHEMA_VERSION + 1}`);
    expect(readFileSync(file).equals(bytes)).toBe(true);
  });
});

describe('a settings file the store cannot write', () => {
  it("refuses every change with 'readonly' and keeps what it had in memory", async () => {
    const dataDir = makeTempDir();
    const writable = openSettingsStore({ dataDir, now: () => 7 });
    await writable.setVisibility(GUILD, 'ephemeral', MOD);
    writable.close();
    const file = path.join(dataDir, SETTINGS_FILE_NAME);

    const store = openSettingsStore({ dataDir, readonly: true });
    const before = store.get(GUILD);
    expect(before.visibility).toBe('ephemeral');
    expectRefusal(await storeRefusal(() => store.setVisibility(GUILD, 'public', MOD)), 'readonly', file);
    expectRefusal(await storeRefusal(() => store.addChannel(GUILD, channel(1), MOD)), 'readonly', file);
    expect(store.get(GUILD)).toBe(before);
    store.close();
  });

  it("reports 'readonly' at open when the file would have to be created, and creates nothing", () => {
    const dataDir = makeTempDir();
    const file = path.join(dataDir, SETTINGS_FILE_NAME);
    expectRefusal(
      failure(() => openSettingsStore({ dataDir, readonly: true })),
      'readonly',
      file,
    );
    expect(existsSync(file)).toBe(false);
  });

  // File modes do not bind root, so these two open the store from a child process as "nobody"
  // when the tests run as root (CI does): the permission check is then real.
  it("reports 'readonly' at open for a DATA_DIR without write permission", () => {
    const dataDir = makeTempDir();
    chmodSync(dataDir, 0o555);
    restoreModes.push(() => chmodSync(dataDir, 0o755));
    const file = path.join(dataDir, SETTINGS_FILE_NAME);
    expect(openUnprivileged(dataDir)).toMatchObject({ kind: 'readonly', file });
    expect(existsSync(file)).toBe(false);
  });

  it("reports 'readonly' at open for a settings file without write permission", async () => {
    const dataDir = makeTempDir();
    const file = await writeHealthyFile(dataDir);
    chmodSync(file, 0o444);
    chmodSync(dataDir, 0o555);
    restoreModes.push(
      () => chmodSync(dataDir, 0o755),
      () => chmodSync(file, 0o644),
    );
    const before = readFileSync(file);
    expect(openUnprivileged(dataDir)).toMatchObject({ kind: 'readonly', file });
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it("reports 'io' when DATA_DIR cannot be a directory because a file is in the way", () => {
    const parent = path.join(makeTempDir(), 'not-a-directory');
    writeFileSync(parent, 'x');
    const dataDir = path.join(parent, 'data');
    const error = failure(() => openSettingsStore({ dataDir }));
    expectRefusal(error, 'io', path.join(dataDir, SETTINGS_FILE_NAME));
    expect(error.message).toContain('ENOTDIR');
  });
});
