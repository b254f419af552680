/**
 * PostgreSQL's failures as SettingsStoreErrors: by SQLSTATE when the server answered, by the
 * socket's error when it could not be reached, and by node-postgres's own words for its timeouts.
 */
import pg from 'pg';
import { SettingsStoreError, type SettingsStoreErrorKind } from './errors.js';

const EXPLANATION: Record<SettingsStoreErrorKind, { readonly headline: string; readonly advice: string }> = {
  corrupt: {
    headline: 'reports damaged data',
    advice: 'It was left untouched. Check the server (its log, its disks) and restore from a backup if need be.',
  },
  unreadable: {
    headline: 'cannot be read',
    advice: "Check that DATABASE_URL's user may read the settings schema.",
  },
  readonly: {
    headline: 'cannot be written',
    advice:
      "Nothing was changed. Point DATABASE_URL at the primary server (not a read-only standby), with a user allowed to write, and check that the database's default_transaction_read_only is off.",
  },
  busy: {
    headline: 'did not answer in time',
    advice: 'Nothing was changed. Try again; if it persists, look for long transactions or locks on the server.',
  },
  io: {
    headline: 'could not store the change',
    advice: "Nothing was changed. Check the server's disks and free space.",
  },
  'newer-schema': {
    headline: 'was set up by a newer version of policy-bot',
    advice: 'It was left untouched. Run the newer policy-bot, or point DATABASE_URL at another database.',
  },
  missing: {
    headline: 'lost the settings tables',
    advice: 'Nothing was changed. Restore the schema from a backup, or restart the bot to create it afresh.',
  },
  unavailable: {
    headline: 'cannot be reached',
    advice:
      'Nothing was changed. Check that the server is running, that DATABASE_URL names it (host, port, user, password, database), and that the network lets the bot reach it.',
  },
};

function kindOfSqlState(code: string): SettingsStoreErrorKind | undefined {
  switch (code) {
    case '25006': // read_only_sql_transaction: a standby, or default_transaction_read_only
    case '42501': // insufficient_privilege
      return 'readonly';
    case '57014': // query_canceled: statement_timeout
    case '55P03': // lock_not_available: lock_timeout
    case '40001': // serialization_failure
    case '40P01': // deadlock_detected
    case '53300': // too_many_connections
      return 'busy';
    case '42P01': // undefined_table
    case '3F000': // invalid_schema_name
      return 'missing';
    case '53100': // disk_full
    case '53200': // out_of_memory
      return 'io';
    case 'XX001': // data_corrupted
    case 'XX002': // index_corrupted
      return 'corrupt';
  }
  switch (code.slice(0, 2)) {
    case '08': // connection exceptions
    case '28': // invalid authorization (a wrong password)
    case '3D': // the database does not exist
    case '57': // the server is shutting down or starting up
      return 'unavailable';
    case '58': // system errors (the server's own I/O)
      return 'io';
    default:
      return undefined;
  }
}

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
]);

/** node-postgres reports its own timeouts and lost connections in words, without a code. */
function kindOfClientMessage(message: string): SettingsStoreErrorKind | undefined {
  if (/^Query read timeout|^timeout exceeded when trying to connect/.test(message)) return 'busy';
  if (/^Connection terminated|connection error|^Client was closed|^timeout expired/.test(message)) {
    return 'unavailable';
  }
  return undefined;
}

function kindOf(error: Error): SettingsStoreErrorKind | undefined {
  if (error instanceof pg.DatabaseError) return error.code === undefined ? undefined : kindOfSqlState(error.code);
  const code = 'code' in error && typeof error.code === 'string' ? error.code : undefined;
  if (code !== undefined && NETWORK_CODES.has(code)) return 'unavailable';
  // A failed connection may reach us as an AggregateError of one attempt per address.
  if (error instanceof AggregateError) {
    const first = (error.errors as unknown[]).find((inner): inner is Error => inner instanceof Error);
    return first ? kindOf(first) : undefined;
  }
  return kindOfClientMessage(error.message);
}

export function postgresStoreError(
  kind: SettingsStoreErrorKind,
  database: string,
  detail: string,
  options: ErrorOptions = {},
): SettingsStoreError {
  return new SettingsStoreError(kind, database, detail, { ...options, explanation: EXPLANATION[kind] });
}

/**
 * The SettingsStoreError a failure stands for, or the original error when it is not about the
 * database (a bug, e.g. a violated constraint), so that it is not disguised.
 */
export function toPostgresStoreError(error: unknown, database: string): unknown {
  if (error instanceof SettingsStoreError || !(error instanceof Error)) return error;
  const kind = kindOf(error);
  if (kind === undefined) return error;
  const code = error instanceof pg.DatabaseError || 'code' in error ? (error as { code?: unknown }).code : undefined;
  const detail = typeof code === 'string' && code !== '' ? `${code}: ${error.message}` : error.message;
  return postgresStoreError(kind, database, detail || error.constructor.name, { cause: error });
}
