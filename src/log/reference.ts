import { randomBytes } from 'node:crypto';

/** A short id that ties what a person is told to the log line that explains it. */
export function errorReference(): string {
  return randomBytes(3).toString('hex').toUpperCase();
}
