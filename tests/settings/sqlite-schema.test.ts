import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../../src/settings/migrations.js';
import { SETTINGS_FILE_NAME, openSettingsStore } from '../../src/settings/index.js';
import { GUILD, MOD, channel, makeTempDir, removeTempDirs } from './support.js';

afterEach(removeTempDirs);

function inspect<T>(file: string, look: (db: Database.Database) => T): T {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return look(db);
  } finally {
    db.close();
  }
}

describe('the settings database schema', () => {
  it('numbers migrations 1..n in order, so user_version names exactly what has run', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
    expect(LATEST_SCHEMA_VERSION).toBe(MIGRATIONS.length);
  });

  it('creates DATA_DIR and the file on first use and migrates it to the latest version', () => {
    const dataDir = path.join(makeTempDir(), 'nested', 'data');
    openSettingsStore({ dataDir }).close();
    const file = path.join(dataDir, SETTINGS_FILE_NAME);
    expect(existsSync(file)).toBe(true);
    inspect(file, (db) => {
      expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      const tables = db
        .prepare<[], { name: string }>("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")
        .all()
        .map((row) => row.name);
      expect(tables).toEqual(['answer_channels', 'guild_settings']);
    });
  });

  it('creates the file whole under another name and links it in: only the database is left in DATA_DIR', () => {
    const dataDir = makeTempDir();
    openSettingsStore({ dataDir }).close();
    expect(readdirSync(dataDir)).toEqual([SETTINGS_FILE_NAME]);
    const file = path.join(dataDir, SETTINGS_FILE_NAME);
    inspect(file, (db) => {
      expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    });
  });

  it('stores only ids and timestamps, and cascades a forgotten guild to its channels (foreign keys on)', async () => {
    const dataDir = makeTempDir();
    const file = path.join(dataDir, SETTINGS_FILE_NAME);
    const store = openSettingsStore({ dataDir, now: () => 42 });
    await store.addChannel(GUILD, channel(1), MOD);
    inspect(file, (db) => {
      expect(db.prepare('SELECT * FROM guild_settings').all()).toEqual([
        {
          guild_id: GUILD,
          visibility: 'public',
          mentions: 1,
          share: 1,
          channels_by: MOD,
          channels_at: 42,
          visibility_by: null,
          visibility_at: null,
          mentions_by: null,
          mentions_at: null,
          share_by: null,
          share_at: null,
        },
      ]);
    });
    await store.forgetGuild(GUILD);
    store.close();
    inspect(file, (db) => expect(db.prepare('SELECT count(*) AS n FROM answer_channels').get()).toEqual({ n: 0 }));
  });
});
