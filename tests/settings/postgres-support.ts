/** What the PostgreSQL tests share: the run's server, a schema of their own each, and a session to meddle with. */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { Logger } from 'pino';
import { inject } from 'vitest';
import { openPostgresSettingsStore, type PostgresSettingsStore } from '../../src/settings/index.js';
import { DatabaseLink } from './postgres-link.js';

export const postgresUrl = inject('postgresUrl');

const made: string[] = [];

/** A schema name nobody else in this run (or an earlier one on the same server) uses. */
export function freshSchema(): string {
  const schema = `test_${randomBytes(6).toString('hex')}`;
  made.push(schema);
  return schema;
}

/** A session of the test's own, for what an operator or another program would do to the database. */
export async function adminSession(): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: postgresUrl, application_name: 'policy-bot tests' });
  client.on('error', () => undefined);
  await client.connect();
  return client;
}

export async function dropSchemas(): Promise<void> {
  const schemas = made.splice(0);
  if (schemas.length === 0) return;
  const admin = await adminSession();
  try {
    for (const schema of schemas) await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  } finally {
    await admin.end();
  }
}

/** The same server through a URL that makes every session read-only, as a standby is. */
export function readOnlyUrl(): string {
  const url = new URL(postgresUrl);
  url.searchParams.set('options', '-c default_transaction_read_only=on');
  return url.toString();
}

/** What a test opens on the server (stores, links, sessions), closed again after it by `closeAll`. */
export class Opened {
  readonly #stores: PostgresSettingsStore[] = [];
  readonly #links: DatabaseLink[] = [];
  readonly #sessions: pg.Client[] = [];

  async store(schema: string, databaseUrl = postgresUrl, logger?: Logger): Promise<PostgresSettingsStore> {
    const store = await openPostgresSettingsStore({ databaseUrl, schema, logger });
    this.#stores.push(store);
    return store;
  }

  async link(): Promise<DatabaseLink> {
    const link = await DatabaseLink.open(postgresUrl);
    this.#links.push(link);
    return link;
  }

  async session(): Promise<pg.Client> {
    const session = await adminSession();
    this.#sessions.push(session);
    return session;
  }

  async closeAll(): Promise<void> {
    for (const session of this.#sessions.splice(0)) await session.end().catch(() => undefined);
    await Promise.all(this.#stores.splice(0).map((store) => store.end()));
    for (const link of this.#links.splice(0)) await link.close();
  }
}
