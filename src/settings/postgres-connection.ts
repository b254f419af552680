/**
 * Connections to the PostgreSQL database named by DATABASE_URL: pools whose every wait is
 * bounded, on the server and on the client, so a slow or unreachable database fails a request
 * in time instead of holding it, and names that keep several deployments in one database apart.
 */
import type pg from 'pg';

export interface PostgresTimeouts {
  /** Server side: a statement still running after this is cancelled. */
  readonly statementMs: number;
  /** Server side: waiting this long for a lock another session holds fails the statement. */
  readonly lockMs: number;
  /** Client side: no answer this long (a network gone quiet, a server that stopped) fails the query. */
  readonly queryMs: number;
  /** Client side: opening a connection, or waiting for a free one in the pool. */
  readonly connectMs: number;
}

/**
 * A `/config` write takes a connection and two statements; a button press that writes has
 * Discord's 3 s in all, so each wait is bounded well below it.
 */
export const SETTINGS_TIMEOUTS: PostgresTimeouts = { statementMs: 800, lockMs: 400, queryMs: 1_000, connectMs: 800 };

export const DEFAULT_SCHEMA = 'policy_bot';

/** Lower-case, so it needs no quoting anywhere, and short enough for the names built on it. */
const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,39}$/;

export function assertSchemaName(schema: string): void {
  if (!SCHEMA_NAME.test(schema)) {
    throw new RangeError(
      `the PostgreSQL schema must be 1-40 lower-case letters, digits or underscores, got ${JSON.stringify(schema)}`,
    );
  }
}

/** The notification channel the schema's settings changes are announced on. */
export function settingsChannel(schema: string): string {
  return `${schema}_settings`;
}

export function poolOptions(
  databaseUrl: string,
  timeouts: PostgresTimeouts,
  max: number,
  applicationName: string,
): pg.PoolConfig {
  return {
    connectionString: databaseUrl,
    max,
    application_name: applicationName,
    statement_timeout: timeouts.statementMs,
    lock_timeout: timeouts.lockMs,
    query_timeout: timeouts.queryMs,
    connectionTimeoutMillis: timeouts.connectMs,
    // A connection that sat idle is closed; the next request opens a fresh one.
    idleTimeoutMillis: 30_000,
    keepAlive: true,
  };
}

/** The database as messages and logs may name it: never with its password. */
export function describeDatabase(databaseUrl: string): string {
  try {
    const url = new URL(databaseUrl);
    url.password = '';
    url.search = '';
    return `${url.protocol}//${url.username ? `${url.username}@` : ''}${url.host}${url.pathname}`;
  } catch {
    return 'the PostgreSQL database (DATABASE_URL)';
  }
}
