/**
 * One error type for everything that can go wrong with the settings database (the SQLite file,
 * or PostgreSQL), classified so start-up can stop with a message an operator can act on, and a
 * `/config` command can tell "try again" (busy) apart from "fix the server" (the rest).
 */
import Database from 'better-sqlite3';

export type SettingsStoreErrorKind =
  'corrupt' | 'unreadable' | 'readonly' | 'busy' | 'io' | 'newer-schema' | 'missing' | 'unavailable';

/** What the SQLite file's errors say; a server database explains its own. */
const ADVICE: Record<SettingsStoreErrorKind, string> = {
  corrupt:
    'It was left untouched. Restore it from a backup, or move it aside so the bot starts again with default settings.',
  unreadable: "Make sure it is a regular file that the bot's user can read and write.",
  readonly:
    "Nothing was changed. Make DATA_DIR and the file writable by the bot's user, " +
    'or set DATA_DIR to a writable directory.',
  busy:
    'Nothing was changed. Try again; if it persists, ' +
    'make sure no other process keeps a write transaction open on this file.',
  io: 'Check that DATA_DIR is a directory on a healthy disk with free space.',
  'newer-schema':
    'It was left untouched. Run the newer policy-bot that wrote it, or set DATA_DIR to another directory.',
  missing:
    'Nothing was changed, and no change will be saved until the bot restarts. Put the file back ' +
    '(from a backup), then restart the bot; without it, the bot starts again with default settings.',
  unavailable: 'Nothing was changed. Check that the database is running and reachable.',
};

const HEADLINE: Record<SettingsStoreErrorKind, string> = {
  corrupt: 'is corrupt or not a SQLite database',
  unreadable: 'cannot be read',
  readonly: 'cannot be written',
  busy: 'is locked by another connection',
  io: 'could not be accessed',
  'newer-schema': 'was written by a newer version of policy-bot',
  missing: 'is no longer the file the bot opened',
  unavailable: 'cannot be reached',
};

export interface SettingsStoreErrorOptions extends ErrorOptions {
  /** What the error means and what to do, where the SQLite file's wording does not fit. */
  readonly explanation?: { readonly headline: string; readonly advice: string };
}

export class SettingsStoreError extends Error {
  override readonly name = 'SettingsStoreError';
  readonly kind: SettingsStoreErrorKind;
  /**
   * The settings database the error is about: the SQLite file (or DATA_DIR, when the directory
   * is at fault), or the PostgreSQL database without its password.
   */
  readonly file: string;

  constructor(kind: SettingsStoreErrorKind, file: string, detail: string, options: SettingsStoreErrorOptions = {}) {
    const { explanation, ...errorOptions } = options;
    const headline = explanation?.headline ?? HEADLINE[kind];
    const advice = explanation?.advice ?? ADVICE[kind];
    super(`Settings database ${file} ${headline} (${detail}). ${advice}`, errorOptions);
    this.kind = kind;
    this.file = file;
  }
}

function kindOfSqliteCode(code: string): SettingsStoreErrorKind | undefined {
  // Extended codes (SQLITE_IOERR_SHORT_READ, SQLITE_BUSY_SNAPSHOT...) share their primary's fate.
  const primary = code.split('_')[1];
  switch (primary) {
    case 'BUSY':
    case 'LOCKED':
      return 'busy';
    case 'READONLY':
    case 'PERM':
      return 'readonly';
    case 'CORRUPT':
    case 'NOTADB':
    case 'FORMAT':
      return 'corrupt';
    case 'CANTOPEN':
      return 'unreadable';
    case 'IOERR':
    case 'FULL':
    case 'NOLFS':
    case 'PROTOCOL':
      return 'io';
    default:
      return undefined;
  }
}

/** Node's fs errors, read in the direction (reading or writing) that failed. */
function kindOfErrno(code: string, writing: boolean): SettingsStoreErrorKind | undefined {
  switch (code) {
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return writing ? 'readonly' : 'unreadable';
    case 'EISDIR':
      return 'unreadable';
    case 'ENOTDIR':
    case 'EEXIST':
    case 'ENOSPC':
    case 'EIO':
      return 'io';
    default:
      return undefined;
  }
}

function codeOf(error: unknown): string | undefined {
  if (!(error instanceof Error) || !('code' in error)) return undefined;
  return typeof error.code === 'string' ? error.code : undefined;
}

/**
 * The SettingsStoreError an unexpected failure stands for, or the original error when it
 * is not about the file (a bug, e.g. a violated constraint), so that it is not disguised.
 */
export function toSettingsStoreError(error: unknown, file: string, writing: boolean): unknown {
  if (error instanceof SettingsStoreError) return error;
  const code = codeOf(error);
  if (code === undefined || !(error instanceof Error)) return error;
  const kind = error instanceof Database.SqliteError ? kindOfSqliteCode(code) : kindOfErrno(code, writing);
  if (kind === undefined) return error;
  // Node's fs messages already start with their code; SQLite's do not.
  const detail = error.message.startsWith(code) ? error.message : `${code}: ${error.message}`;
  return new SettingsStoreError(kind, file, detail, { cause: error });
}
