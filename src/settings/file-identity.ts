/**
 * Which file the settings database is: SQLite keeps writing to the file it opened even after it
 * was deleted or replaced, and a change confirmed into an unlinked file is lost at the next start.
 */
import { statSync } from 'node:fs';
import { SettingsStoreError } from './errors.js';

export interface FileIdentity {
  readonly dev: number;
  readonly ino: number;
}

export function identityOf(file: string): FileIdentity {
  const { dev, ino } = statSync(file);
  return { dev, ino };
}

/** Throws 'missing' unless `file` is still the file that was opened. */
export function assertSameFile(file: string, opened: FileIdentity): void {
  let now: FileIdentity | undefined;
  try {
    now = identityOf(file);
  } catch (error) {
    if (!(error instanceof Error && 'code' in error && error.code === 'ENOENT')) throw error;
  }
  if (now === undefined) throw new SettingsStoreError('missing', file, 'it was deleted while the bot was running');
  if (now.dev !== opened.dev || now.ino !== opened.ino) {
    throw new SettingsStoreError('missing', file, 'another file was put in its place while the bot was running');
  }
}
