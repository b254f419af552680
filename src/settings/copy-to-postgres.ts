/**
 * Moves a deployment from the SQLite file to PostgreSQL: every guild's settings in DATA_DIR's
 * file are copied into the database, in one transaction. A guild the database already holds is
 * left as it is (it may have been changed there since), so the copy can be run again safely.
 */
import pg from 'pg';
import { DEFAULT_SCHEMA, assertSchemaName, describeDatabase, poolOptions } from './postgres-connection.js';
import { toPostgresStoreError } from './postgres-errors.js';
import { migratePostgres } from './postgres-migrations.js';
import { ROW_COLUMNS, rowValues } from './postgres-rows.js';
import { readSettingsFile, SETTINGS_FILE_NAME } from './sqlite-store.js';
import path from 'node:path';

export interface CopyToPostgresOptions {
  readonly dataDir: string;
  readonly databaseUrl: string;
  readonly schema?: string | undefined;
}

export interface CopyReport {
  readonly file: string;
  readonly database: string;
  readonly schema: string;
  /** Guilds whose settings were copied. */
  readonly copied: readonly string[];
  /** Guilds the database held already, left as they were. */
  readonly kept: readonly string[];
}

const COPY_TIMEOUTS = { statementMs: 60_000, lockMs: 30_000, queryMs: 65_000, connectMs: 5_000 };

export async function copySettingsToPostgres(options: CopyToPostgresOptions): Promise<CopyReport> {
  const schema = options.schema ?? DEFAULT_SCHEMA;
  assertSchemaName(schema);
  const database = describeDatabase(options.databaseUrl);
  // Read first: a file that cannot be read stops the copy before the database is touched.
  const guilds = readSettingsFile(options.dataDir);
  await migratePostgres(options.databaseUrl, schema);
  const client = new pg.Client(poolOptions(options.databaseUrl, COPY_TIMEOUTS, 1, 'policy-bot settings:migrate'));
  client.on('error', () => undefined);
  const insert = `INSERT INTO ${schema}.guild_settings (guild_id, ${ROW_COLUMNS.join(', ')})
    VALUES ($1, ${ROW_COLUMNS.map((_, i) => `$${i + 2}`).join(', ')})
    ON CONFLICT (guild_id) DO NOTHING RETURNING guild_id`;
  const copied: string[] = [];
  const kept: string[] = [];
  try {
    await client.connect();
    await client.query('BEGIN');
    for (const settings of guilds) {
      const result = await client.query(insert, [settings.guildId, ...rowValues(settings)]);
      (result.rowCount === 1 ? copied : kept).push(settings.guildId);
    }
    // Every instance already running on the database hears of each copied guild as this commits.
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw toPostgresStoreError(error, database);
  } finally {
    await client.end().catch(() => undefined);
  }
  return { file: path.join(options.dataDir, SETTINGS_FILE_NAME), database, schema, copied, kept };
}
