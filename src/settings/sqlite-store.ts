/**
 * Opens the embedded settings database at DATA_DIR/policy-bot.sqlite. The checks run in
 * an order that never writes to a file before it has been shown to be a healthy settings
 * database of a schema this code knows: a file it cannot read is reported, not replaced.
 */
import {
  accessSync,
  closeSync,
  constants,
  linkSync,
  mkdirSync,
  openSync,
  readSync,
  rmSync,
  statSync,
  type Stats,
} from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Logger } from 'pino';
import { CachedSettingsStore } from './cached-store.js';
import { SettingsStoreError, toSettingsStoreError } from './errors.js';
import { identityOf } from './file-identity.js';
import { LATEST_SCHEMA_VERSION, migrate, readSchemaVersion, refuseNewerSchema } from './migrations.js';
import { SqliteStorage } from './sqlite-storage.js';
import type { GuildSettings, SettingsStore } from './types.js';

export const SETTINGS_FILE_NAME = 'policy-bot.sqlite';
/** Well inside the 3 s Discord gives a button press that is not deferred. */
export const DEFAULT_BUSY_TIMEOUT_MS = 1_000;
/**
 * Opening may wait on the thread: nothing is answered before the store is open, and several
 * shards starting together take turns to check the schema.
 */
const OPEN_BUSY_TIMEOUT_MS = 5_000;

export interface OpenSettingsStoreOptions {
  readonly dataDir: string;
  readonly now?: () => number;
  /**
   * How long a write keeps trying while another connection holds the lock before failing with
   * kind 'busy'. It waits on timers: answers go on meanwhile.
   */
  readonly busyTimeoutMs?: number;
  /** Every failed write is logged here at error, with the guild and the cause. */
  readonly logger?: Logger;
  /**
   * Opens an existing file without ever writing to it; every change then fails with kind
   * 'readonly'. For inspection tools, and for tests (as root, chmod cannot forbid writing).
   */
  readonly readonly?: boolean;
}

const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');
const SQLITE_HEADER_BYTES = 100;

export function openSettingsStore(options: OpenSettingsStoreOptions): SettingsStore {
  const file = path.join(options.dataDir, SETTINGS_FILE_NAME);
  const readonly = options.readonly ?? false;
  const db = openDatabase(file, options.dataDir, readonly);
  try {
    const storage = new SqliteStorage(db, file, {
      busyTimeoutMs: options.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS,
      identity: identityOf(file),
    });
    const loaded = storage.loadAll();
    // From now on a locked file fails at once, and the storage tries again from a timer.
    db.pragma('busy_timeout = 0');
    return new CachedSettingsStore(storage, loaded, { now: options.now, logger: options.logger });
  } catch (error) {
    db.close();
    throw toSettingsStoreError(error, file, false);
  }
}

/** Every guild's settings in DATA_DIR's file, read without writing to it (to copy them elsewhere). */
export function readSettingsFile(dataDir: string): GuildSettings[] {
  const file = path.join(dataDir, SETTINGS_FILE_NAME);
  if (statOrUndefined(file) === undefined) {
    throw new SettingsStoreError(
      'unreadable',
      file,
      'there is no such file: DATA_DIR must name the folder that holds it',
    );
  }
  const db = openDatabase(file, dataDir, true);
  try {
    const storage = new SqliteStorage(db, file, { busyTimeoutMs: 0, identity: identityOf(file) });
    return storage.loadAll().flatMap((stored) => (stored.settings === undefined ? [] : [stored.settings]));
  } catch (error) {
    throw toSettingsStoreError(error, file, false);
  } finally {
    db.close();
  }
}

function openDatabase(file: string, dataDir: string, readonly: boolean): Database.Database {
  if (!inspectFileSystem(file, dataDir, readonly)) createFile(file);
  let db: Database.Database;
  try {
    // `timeout` is better-sqlite3's name for SQLite's busy_timeout.
    db = new Database(file, { readonly, fileMustExist: true, timeout: OPEN_BUSY_TIMEOUT_MS });
  } catch (error) {
    throw toSettingsStoreError(error, file, false);
  }
  try {
    const version = readSchemaVersion(db);
    refuseNewerSchema(version, file);
    refuseDamagedFile(db, file);
    db.pragma('foreign_keys = ON');
    if (readonly) {
      if (version < LATEST_SCHEMA_VERSION) {
        const detail = `schema version ${version} needs migrating, but it was opened read-only`;
        throw new SettingsStoreError('readonly', file, detail);
      }
    } else {
      prepareForWriting(db, file);
    }
    return db;
  } catch (error) {
    db.close();
    throw toSettingsStoreError(error, file, false);
  }
}

/** Only called once the file is known to be healthy: the first writes to it. */
function prepareForWriting(db: Database.Database, file: string): void {
  db.pragma('journal_mode = WAL');
  // FULL: a `/config` change acknowledged to a moderator must survive a power cut too.
  db.pragma('synchronous = FULL');
  migrate(db, file);
}

/**
 * A new settings file is made whole under another name and linked into place, so the file is
 * never empty: an empty one can then only be a damaged file, and is refused rather than
 * taken as a new database.
 */
function createFile(file: string): void {
  const draft = `${file}.new-${process.pid}`;
  const removeDraft = (): void => {
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${draft}${suffix}`, { force: true });
  };
  try {
    removeDraft();
    const db = new Database(draft, { timeout: OPEN_BUSY_TIMEOUT_MS });
    try {
      prepareForWriting(db, draft);
    } finally {
      db.close();
    }
    try {
      linkSync(draft, file);
    } catch (error) {
      // Another shard starting at the same moment created it first: that one is used.
      if (!(error instanceof Error && 'code' in error && error.code === 'EEXIST')) throw error;
    }
  } catch (error) {
    throw toSettingsStoreError(error, file, true);
  } finally {
    removeDraft();
  }
}

/**
 * Explains in file-system terms what SQLite would only call "unable to open", before
 * SQLite touches anything. Returns whether the file already exists.
 */
function inspectFileSystem(file: string, dataDir: string, readonly: boolean): boolean {
  try {
    if (!readonly) mkdirSync(dataDir, { recursive: true });
    const stats = statOrUndefined(file);
    if (stats === undefined) {
      if (readonly) {
        throw new SettingsStoreError('readonly', file, 'it does not exist and the store was opened read-only');
      }
      accessSync(dataDir, constants.W_OK);
      return false;
    }
    if (!stats.isFile()) throw new SettingsStoreError('unreadable', file, 'it is not a regular file');
    accessSync(file, constants.R_OK);
    refuseForeignHeader(file, stats.size);
    if (!readonly) {
      accessSync(file, constants.W_OK);
      // WAL mode keeps -wal and -shm files beside the database.
      accessSync(dataDir, constants.W_OK);
    }
    return true;
  } catch (error) {
    throw toSettingsStoreError(error, file, true);
  }
}

function statOrUndefined(file: string): Stats | undefined {
  try {
    return statSync(file);
  } catch (error) {
    if (error instanceof Error && 'code' in error && error.code === 'ENOENT') return undefined;
    throw error;
  }
}

/** A settings file starts with SQLite's magic; SQLite itself would take an empty file for a new database. */
function refuseForeignHeader(file: string, size: number): void {
  if (size === 0) throw new SettingsStoreError('corrupt', file, 'it is empty (0 bytes), as a truncated file is');
  if (size < SQLITE_HEADER_BYTES) {
    throw new SettingsStoreError('corrupt', file, `only ${size} bytes, shorter than a SQLite header`);
  }
  const header = Buffer.alloc(SQLITE_MAGIC.length);
  const fd = openSync(file, 'r');
  try {
    readSync(fd, header, 0, header.length, 0);
  } finally {
    closeSync(fd);
  }
  if (!header.equals(SQLITE_MAGIC)) {
    throw new SettingsStoreError('corrupt', file, 'it does not start with the SQLite header');
  }
}

function refuseDamagedFile(db: Database.Database, file: string): void {
  // quick_check reads every page but writes nothing; the file is small, so this costs little at start-up.
  const rows: unknown = db.pragma('quick_check', { simple: true });
  if (rows !== 'ok') throw new SettingsStoreError('corrupt', file, `quick_check: ${String(rows)}`);
}
