/**
 * The schema, as an ordered list of migrations. `PRAGMA user_version` records the last
 * one applied. To change the schema, append { version: N + 1, ... }; never edit a
 * migration that has shipped, since existing files have already run it.
 */
import type Database from 'better-sqlite3';
import { SettingsStoreError } from './errors.js';

export interface Migration {
  readonly version: number;
  readonly description: string;
  readonly up: (db: Database.Database) => void;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: 'guild settings with per-setting attribution, and answer channels',
    up: (db) =>
      db.exec(`
        CREATE TABLE guild_settings (
          guild_id      TEXT    NOT NULL PRIMARY KEY,
          visibility    TEXT    NOT NULL CHECK (visibility IN ('public', 'ephemeral')),
          mentions      INTEGER NOT NULL CHECK (mentions IN (0, 1)),
          share         INTEGER NOT NULL CHECK (share IN (0, 1)),
          channels_by   TEXT,    channels_at   INTEGER,
          visibility_by TEXT,    visibility_at INTEGER,
          mentions_by   TEXT,    mentions_at   INTEGER,
          share_by      TEXT,    share_at      INTEGER,
          CHECK ((channels_by   IS NULL) = (channels_at   IS NULL)),
          CHECK ((visibility_by IS NULL) = (visibility_at IS NULL)),
          CHECK ((mentions_by   IS NULL) = (mentions_at   IS NULL)),
          CHECK ((share_by      IS NULL) = (share_at      IS NULL))
        ) STRICT;

        CREATE TABLE answer_channels (
          guild_id   TEXT    NOT NULL REFERENCES guild_settings (guild_id) ON DELETE CASCADE,
          channel_id TEXT    NOT NULL,
          position   INTEGER NOT NULL,
          PRIMARY KEY (guild_id, channel_id)
        ) STRICT;

        -- CHANNEL_DELETE looks a channel up across every guild.
        CREATE INDEX answer_channels_by_channel ON answer_channels (channel_id);
      `),
  },
];

export const LATEST_SCHEMA_VERSION = MIGRATIONS.reduce((latest, m) => Math.max(latest, m.version), 0);

export function readSchemaVersion(db: Database.Database): number {
  const version: unknown = db.pragma('user_version', { simple: true });
  if (typeof version !== 'number') throw new TypeError(`PRAGMA user_version returned ${String(version)}`);
  return version;
}

export function refuseNewerSchema(version: number, file: string): void {
  if (version > LATEST_SCHEMA_VERSION) {
    throw new SettingsStoreError(
      'newer-schema',
      file,
      `schema version ${version}, this policy-bot knows up to ${LATEST_SCHEMA_VERSION}`,
    );
  }
}

/** Brings the file up to the latest schema; all pending migrations commit together or not at all. */
export function migrate(db: Database.Database, file: string): void {
  // Checked outside a transaction first, so an up-to-date file never takes the write lock at start-up.
  if (readSchemaVersion(db) === LATEST_SCHEMA_VERSION) return;
  db.transaction(() => {
    // Read again under the lock: another process may have migrated the file meanwhile.
    const current = readSchemaVersion(db);
    refuseNewerSchema(current, file);
    for (const migration of MIGRATIONS) {
      if (migration.version <= current) continue;
      migration.up(db);
      db.pragma(`user_version = ${migration.version}`);
    }
  }).immediate();
}
