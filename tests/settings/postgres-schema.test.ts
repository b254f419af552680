import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { LATEST_POSTGRES_VERSION, POSTGRES_MIGRATIONS } from '../../src/settings/postgres-migrations.js';
import {
  openPostgresSettingsStore,
  openStore,
  PostgresSettingsStore,
  SETTINGS_FILE_NAME,
  type SettingsStore,
} from '../../src/settings/index.js';
import { adminSession, dropSchemas, freshSchema, postgresUrl } from './postgres-support.js';
import { GUILD, MOD, makeTempDir, removeTempDirs } from './support.js';
import { existsSync } from 'node:fs';
import path from 'node:path';

const stores: SettingsStore[] = [];
afterEach(async () => {
  for (const store of stores.splice(0)) {
    if (store instanceof PostgresSettingsStore) await store.end();
    else store.close();
  }
  removeTempDirs();
});
afterAll(dropSchemas);

async function migrations(schema: string): Promise<{ version: number; description: string }[]> {
  const admin = await adminSession();
  try {
    const { rows } = await admin.query<{ version: number; description: string }>(
      `SELECT version, description FROM ${schema}.schema_migrations ORDER BY version`,
    );
    return rows;
  } finally {
    await admin.end();
  }
}

describe('the PostgreSQL schema', () => {
  it('numbers migrations 1..n in order, and records each one it ran in schema_migrations', async () => {
    expect(POSTGRES_MIGRATIONS.map((m) => m.version)).toEqual(POSTGRES_MIGRATIONS.map((_, i) => i + 1));
    expect(LATEST_POSTGRES_VERSION).toBe(POSTGRES_MIGRATIONS.length);
    const schema = freshSchema();
    stores.push(await openPostgresSettingsStore({ databaseUrl: postgresUrl, schema }));
    expect(await migrations(schema)).toEqual(
      POSTGRES_MIGRATIONS.map(({ version, description }) => ({ version, description })),
    );
  });

  it('is set up once when several instances start on an empty database together', async () => {
    const schema = freshSchema();
    const opened = await Promise.all(
      Array.from({ length: 4 }, () => openPostgresSettingsStore({ databaseUrl: postgresUrl, schema })),
    );
    stores.push(...opened);
    expect((await migrations(schema)).map((row) => row.version)).toEqual(POSTGRES_MIGRATIONS.map((m) => m.version));
    await opened[0]!.setShare(GUILD, false, MOD);
    const later = await openPostgresSettingsStore({ databaseUrl: postgresUrl, schema });
    stores.push(later);
    expect(later.get(GUILD).share).toBe(false);
  });
});

describe('openStore', () => {
  it('keeps settings in PostgreSQL when given a database URL, and leaves DATA_DIR alone', async () => {
    const dataDir = makeTempDir();
    const schema = freshSchema();
    const store = await openStore({ dataDir, databaseUrl: postgresUrl, schema });
    stores.push(store);
    expect(store).toBeInstanceOf(PostgresSettingsStore);
    await store.setMentions(GUILD, false, MOD);
    expect(existsSync(path.join(dataDir, SETTINGS_FILE_NAME))).toBe(false);
    expect(await migrations(schema)).toHaveLength(LATEST_POSTGRES_VERSION);
  });

  it('keeps them in DATA_DIR’s SQLite file without one (an empty DATABASE_URL is none)', async () => {
    const dataDir = makeTempDir();
    const store = await openStore({ dataDir, databaseUrl: ' ' });
    stores.push(store);
    expect(store).not.toBeInstanceOf(PostgresSettingsStore);
    expect(existsSync(path.join(dataDir, SETTINGS_FILE_NAME))).toBe(true);
  });
});
