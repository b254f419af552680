/**
 * The per-person answer limit counted in PostgreSQL, so it holds across every instance and shard:
 * the same rule as the in-memory limiter (so many answers per sliding window, the first refusal
 * in a window explained, later ones silent), decided by one atomic statement per answer.
 */
import pg from 'pg';
import type { Logger } from 'pino';
import {
  assertSchemaName,
  DEFAULT_SCHEMA,
  describeDatabase,
  poolOptions,
  type PostgresTimeouts,
} from './postgres-connection.js';
import { toPostgresStoreError } from './postgres-errors.js';
import { migratePostgres } from './postgres-migrations.js';

export type FairUseVerdict =
  | { readonly allowed: true }
  /** `tell` is true once per window: the first refusal is explained, later ones are quiet. */
  | { readonly allowed: false; readonly retryInSeconds: number; readonly tell: boolean };

export interface FairUseLimiter {
  check(personId: string): FairUseVerdict | Promise<FairUseVerdict>;
}

/** A check is on the way to every answer: a database that does not answer at once is passed over. */
export const FAIR_USE_TIMEOUTS: PostgresTimeouts = { statementMs: 200, lockMs: 100, queryMs: 300, connectMs: 500 };

export interface OpenPostgresFairUseOptions {
  readonly databaseUrl: string;
  /** The schema the settings store uses; `policy_bot` by default. */
  readonly schema?: string | undefined;
  readonly answers?: number | undefined;
  readonly windowMs?: number | undefined;
  readonly now?: (() => number) | undefined;
  /**
   * Decides while the database cannot (down, or slower than its timeouts): the in-memory
   * limiter keeps the limit per process rather than dropping it.
   */
  readonly whenUnavailable: FairUseLimiter;
  /** The switch to `whenUnavailable` is logged at error, the way back at info. */
  readonly logger?: Logger | undefined;
  readonly timeouts?: Partial<PostgresTimeouts> | undefined;
  /** Connections kept open for checks. */
  readonly connections?: number | undefined;
}

const ALLOWED: FairUseVerdict = Object.freeze({ allowed: true });

export class PostgresFairUse implements FairUseLimiter {
  readonly #pool: pg.Pool;
  readonly #answers: number;
  readonly #windowMs: number;
  readonly #now: () => number;
  readonly #whenUnavailable: FairUseLimiter;
  readonly #logger: Logger | undefined;
  readonly #check: pg.QueryConfig;
  readonly #sweep: string;
  #unavailable = false;
  #sweptAt = Number.NEGATIVE_INFINITY;
  #sweeping: Promise<void> = Promise.resolve();

  constructor(pool: pg.Pool, schema: string, options: OpenPostgresFairUseOptions) {
    this.#pool = pool;
    this.#answers = options.answers ?? 6;
    this.#windowMs = options.windowMs ?? 30_000;
    if (!Number.isSafeInteger(this.#answers) || this.#answers < 1) throw new RangeError('answers must be 1 or more');
    if (!Number.isSafeInteger(this.#windowMs) || this.#windowMs < 1) throw new RangeError('windowMs must be 1 or more');
    this.#now = options.now ?? Date.now;
    this.#whenUnavailable = options.whenUnavailable;
    this.#logger = options.logger;
    // $1 person, $2 now, $3 answers per window, $4 the window: the answers of the window still
    // open are kept, and this one is added if there is room, all under the row's lock.
    const kept = `${schema}.fair_use_kept(f.times, $2::bigint - $4::bigint)`;
    this.#check = {
      name: `${schema}.fair-use`,
      text: `
        INSERT INTO ${schema}.fair_use AS f (person_id, times, refusals, last_at)
        VALUES ($1, ARRAY[$2::bigint], 0, $2::bigint)
        ON CONFLICT (person_id) DO UPDATE SET
          times    = CASE WHEN cardinality(${kept}) < $3::integer THEN ${kept} || $2::bigint ELSE ${kept} END,
          refusals = CASE WHEN cardinality(${kept}) < $3::integer THEN 0 ELSE f.refusals + 1 END,
          last_at  = greatest(f.last_at, $2::bigint)
        RETURNING refusals, times[1]::text AS oldest`,
    };
    this.#sweep = `DELETE FROM ${schema}.fair_use WHERE last_at <= $1`;
  }

  async check(personId: string): Promise<FairUseVerdict> {
    const now = this.#now();
    let row: { refusals: number; oldest: string } | undefined;
    try {
      const result = await this.#pool.query<{ refusals: number; oldest: string }>({
        ...this.#check,
        values: [personId, now, this.#answers, this.#windowMs],
      });
      row = result.rows[0];
    } catch (error) {
      if (!this.#unavailable) {
        this.#unavailable = true;
        this.#logger?.error({ err: error }, 'fair use is counted by this process alone: the database did not answer');
      }
      return this.#whenUnavailable.check(personId);
    }
    if (this.#unavailable) {
      this.#unavailable = false;
      this.#logger?.info('fair use is counted in the database again');
    }
    this.#sweepIdle(now);
    if (row === undefined || row.refusals === 0) return ALLOWED;
    const retryInSeconds = Math.max(1, Math.ceil((Number(row.oldest) + this.#windowMs - now) / 1000));
    return { allowed: false, retryInSeconds, tell: row.refusals === 1 };
  }

  /** Closes the connections once the sweep under way, if any, is done. */
  async end(): Promise<void> {
    await this.#sweeping;
    await this.#pool.end();
  }

  /** Once a window, the people with no answer in it are dropped, so the table stays small. */
  #sweepIdle(now: number): void {
    if (now - this.#sweptAt < this.#windowMs) return;
    this.#sweptAt = now;
    this.#sweeping = this.#pool.query(this.#sweep, [now - this.#windowMs]).then(
      () => undefined,
      (error: unknown) => void this.#logger?.warn({ err: error }, 'could not drop idle fair-use counts'),
    );
  }
}

/** Brings the schema up to date and opens (and warms) the connections checks will use. */
export async function openPostgresFairUse(options: OpenPostgresFairUseOptions): Promise<PostgresFairUse> {
  const schema = options.schema ?? DEFAULT_SCHEMA;
  assertSchemaName(schema);
  const connections = options.connections ?? 4;
  const timeouts = { ...FAIR_USE_TIMEOUTS, ...options.timeouts };
  // Kept open: a check that must first connect would wait for it.
  const pool = new pg.Pool({
    ...poolOptions(options.databaseUrl, timeouts, connections, 'policy-bot fair use'),
    idleTimeoutMillis: 0,
  });
  pool.on('error', (error) => options.logger?.warn({ err: error }, 'idle fair-use connection lost'));
  try {
    const limiter = new PostgresFairUse(pool, schema, options);
    await migratePostgres(options.databaseUrl, schema);
    const clients = await Promise.all(Array.from({ length: connections }, () => pool.connect()));
    for (const client of clients) client.release();
    return limiter;
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw toPostgresStoreError(error, describeDatabase(options.databaseUrl));
  }
}
