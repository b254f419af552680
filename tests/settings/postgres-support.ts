/** What the PostgreSQL tests share: the run's server, a schema of their own each, and a session to meddle with. */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';

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
