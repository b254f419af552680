/**
 * The PostgreSQL schema, as an ordered list of migrations recorded in `schema_migrations`. To
 * change it, append { version: N + 1, ... }; never edit a migration that has shipped, since
 * existing databases have already run it. Every name lives in one schema (`policy_bot` unless
 * told otherwise), so the bot can share a database with other applications.
 */
import pg from 'pg';
import { describeDatabase, poolOptions, settingsChannel, type PostgresTimeouts } from './postgres-connection.js';
import { postgresStoreError, toPostgresStoreError } from './postgres-errors.js';

export interface PostgresMigration {
  readonly version: number;
  readonly description: string;
  /** The statements, for the schema named (already checked to need no quoting). */
  readonly sql: (schema: string) => string;
}

export const POSTGRES_MIGRATIONS: readonly PostgresMigration[] = [
  {
    version: 1,
    description: 'guild settings with per-setting attribution, announced to every instance on each change',
    sql: (s) => `
      -- Every write takes the next revision, so an instance can tell a late notice from a newer one.
      CREATE SEQUENCE ${s}.guild_settings_revision;

      CREATE TABLE ${s}.guild_settings (
        guild_id        text    NOT NULL PRIMARY KEY CHECK (guild_id ~ '^[0-9]{1,20}$'),
        answer_channels text[]  NOT NULL DEFAULT '{}',
        visibility      text    NOT NULL CHECK (visibility IN ('public', 'ephemeral')),
        mentions        boolean NOT NULL,
        share           boolean NOT NULL,
        channels_by     text,   channels_at   bigint,
        visibility_by   text,   visibility_at bigint,
        mentions_by     text,   mentions_at   bigint,
        share_by        text,   share_at      bigint,
        revision        bigint  NOT NULL,
        CHECK ((channels_by   IS NULL) = (channels_at   IS NULL)),
        CHECK ((visibility_by IS NULL) = (visibility_at IS NULL)),
        CHECK ((mentions_by   IS NULL) = (mentions_at   IS NULL)),
        CHECK ((share_by      IS NULL) = (share_at      IS NULL))
      );

      -- CHANNEL_DELETE looks a channel up across every guild.
      CREATE INDEX guild_settings_by_channel ON ${s}.guild_settings USING gin (answer_channels);

      CREATE FUNCTION ${s}.guild_settings_revise() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.revision := nextval('${s}.guild_settings_revision');
        RETURN NEW;
      END $$;
      CREATE TRIGGER guild_settings_revise BEFORE INSERT OR UPDATE ON ${s}.guild_settings
        FOR EACH ROW EXECUTE FUNCTION ${s}.guild_settings_revise();

      -- Whoever writes (an instance, the migration script, an operator's psql), every instance
      -- listening hears of it when the transaction commits, with the row as it now stands.
      CREATE FUNCTION ${s}.guild_settings_announce() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN
          PERFORM pg_notify('${settingsChannel(s)}', json_build_object(
            'guild_id', OLD.guild_id,
            'revision', nextval('${s}.guild_settings_revision')::text)::text);
          RETURN OLD;
        END IF;
        PERFORM pg_notify('${settingsChannel(s)}', json_build_object(
          'guild_id', NEW.guild_id,
          'revision', NEW.revision::text,
          'settings', to_jsonb(NEW) - 'revision')::text);
        RETURN NEW;
      END $$;
      CREATE TRIGGER guild_settings_announce AFTER INSERT OR UPDATE OR DELETE ON ${s}.guild_settings
        FOR EACH ROW EXECUTE FUNCTION ${s}.guild_settings_announce();
    `,
  },
  {
    version: 2,
    description: 'fair-use counts per person, shared by every instance',
    sql: (s) => `
      -- Unlogged: no WAL for a count that matters for 30 seconds; a server crash empties it.
      CREATE UNLOGGED TABLE ${s}.fair_use (
        person_id text    NOT NULL PRIMARY KEY,
        -- When (ms) each answer of the current window was given, oldest first.
        times     bigint[] NOT NULL,
        -- Refusals since the last answer: the first is explained, the rest are silent.
        refusals  integer NOT NULL,
        last_at   bigint  NOT NULL
      );
      CREATE INDEX fair_use_by_last ON ${s}.fair_use (last_at);

      -- The times still inside a window that began after \`after\`, oldest first.
      CREATE FUNCTION ${s}.fair_use_kept(times bigint[], after bigint) RETURNS bigint[]
        LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
          SELECT coalesce(array_agg(t ORDER BY t), '{}') FROM unnest(times) AS t WHERE t > after
        $$;
    `,
  },
];

export const LATEST_POSTGRES_VERSION = POSTGRES_MIGRATIONS.reduce((latest, m) => Math.max(latest, m.version), 0);

/** Schema changes may take longer than a request may; they run once, at start-up. */
const MIGRATION_TIMEOUTS: PostgresTimeouts = { statementMs: 60_000, lockMs: 30_000, queryMs: 65_000, connectMs: 5_000 };

/** The version recorded, or undefined when the schema has never been set up. */
async function recordedVersion(client: pg.Client, schema: string): Promise<number | undefined> {
  try {
    const result = await client.query<{ version: number | null }>(
      `SELECT max(version) AS version FROM ${schema}.schema_migrations`,
    );
    return result.rows[0]?.version ?? 0;
  } catch (error) {
    // undefined_table, invalid_schema_name: nothing set up yet.
    if (error instanceof pg.DatabaseError && (error.code === '42P01' || error.code === '3F000')) return undefined;
    throw error;
  }
}

function refuseNewer(version: number, database: string): void {
  if (version > LATEST_POSTGRES_VERSION) {
    throw postgresStoreError(
      'newer-schema',
      database,
      `schema version ${version}, this policy-bot knows up to ${LATEST_POSTGRES_VERSION}`,
    );
  }
}

/**
 * Brings the schema up to the latest version; all pending migrations commit together or not at
 * all, and instances starting together take turns. A schema already up to date is only read,
 * so a read-only database that needs nothing opens.
 */
export async function migratePostgres(databaseUrl: string, schema: string): Promise<void> {
  const database = describeDatabase(databaseUrl);
  const client = new pg.Client(poolOptions(databaseUrl, MIGRATION_TIMEOUTS, 1, 'policy-bot migrations'));
  // A connection lost between queries is reported by the query that finds it gone.
  client.on('error', () => undefined);
  try {
    await client.connect();
    const recorded = await recordedVersion(client, schema);
    if (recorded !== undefined) refuseNewer(recorded, database);
    if (recorded === LATEST_POSTGRES_VERSION) return;
    await client.query('BEGIN');
    try {
      await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`policy-bot migrations ${schema}`]);
      await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
      await client.query(`
        CREATE TABLE IF NOT EXISTS ${schema}.schema_migrations (
          version     integer     NOT NULL PRIMARY KEY,
          description text        NOT NULL,
          applied_at  timestamptz NOT NULL DEFAULT now()
        )`);
      // Read again under the lock: another instance may have migrated meanwhile.
      const current = (await recordedVersion(client, schema)) ?? 0;
      refuseNewer(current, database);
      for (const migration of POSTGRES_MIGRATIONS) {
        if (migration.version <= current) continue;
        await client.query(migration.sql(schema));
        await client.query(`INSERT INTO ${schema}.schema_migrations (version, description) VALUES ($1, $2)`, [
          migration.version,
          migration.description,
        ]);
      }
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    }
  } catch (error) {
    throw toPostgresStoreError(error, database);
  } finally {
    await client.end().catch(() => undefined);
  }
}
