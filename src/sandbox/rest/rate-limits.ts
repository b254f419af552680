import { createHash } from 'node:crypto';

/**
 * Discord's rate limits as its documentation describes them: per-route buckets, counted apart
 * for each top-level resource in the path (a channel, a guild, a webhook with its token), named
 * by `X-RateLimit-Bucket` and shared where one bucket covers several routes; and a global limit
 * on the requests a bot makes with its token (interaction callbacks and the interaction
 * webhook carry no bot token: they are not bound by it). Every response of a limited route
 * carries the bucket's state; a request over a limit gets Discord's 429.
 *
 * Discord does not publish its numbers (clients must read the headers): the defaults below are
 * the ones bots commonly observe, and tests shrink them to cross a window quickly.
 */
export interface BucketRule {
  readonly limit: number;
  readonly windowMs: number;
}

export interface RateLimitOptions {
  /** Requests per second with the bot token, over all routes (Discord: 50). */
  readonly globalPerSecond?: number;
  /** Per-route rules by "METHOD /route/:id" (the routes of `LocalDiscord.routes`), merged over the defaults. */
  readonly routes?: Readonly<Record<string, BucketRule>>;
  /** The limits' time source (default Date.now): a test moves it by hand to cross a window. */
  readonly clock?: () => number;
}

interface Rule extends BucketRule {
  /** Routes sharing a bucket share its name, so its hash and its counts. */
  readonly name: string;
  readonly hash: string;
}

const DEFAULT_WINDOW: BucketRule = { limit: 50, windowMs: 1000 };

/** Observed on Discord; routes sharing a name share one bucket. */
const DEFAULT_ROUTES: Readonly<Record<string, BucketRule & { readonly shared?: string }>> = {
  'POST /channels/:id/messages': { limit: 5, windowMs: 5000 },
  'PATCH /channels/:id/messages/:id': { limit: 5, windowMs: 5000 },
  'DELETE /channels/:id/messages/:id': { limit: 5, windowMs: 1000 },
  'PUT /channels/:id/messages/:id/reactions/:id/@me': { limit: 1, windowMs: 250, shared: 'reactions' },
  'DELETE /channels/:id/messages/:id/reactions/:id/@me': { limit: 1, windowMs: 250, shared: 'reactions' },
  'POST /channels/:id/typing': { limit: 5, windowMs: 5000 },
  'POST /webhooks/:id/:token': { limit: 5, windowMs: 5000 },
  'PATCH /webhooks/:id/:token/messages/:id': { limit: 5, windowMs: 5000 },
  'DELETE /webhooks/:id/:token/messages/:id': { limit: 5, windowMs: 5000 },
  'POST /users/@me/channels': { limit: 10, windowMs: 10_000 },
  'PUT /applications/:id/commands': { limit: 10, windowMs: 10_000, shared: 'commands' },
  'PUT /applications/:id/guilds/:id/commands': { limit: 10, windowMs: 10_000, shared: 'guild-commands' },
};

/** What one request was charged: enough to write its headers when its answer leaves. */
export interface RateLimitTicket {
  readonly rule: Rule;
  readonly bucket: Bucket;
  /** Left in the bucket after this request. */
  readonly remaining: number;
}

interface Bucket {
  remaining: number;
  resetAt: number;
  /** The top-level resource counted apart ("channel:123"), for exchanges waiting on it. */
  readonly major: string;
}

export type RateLimitVerdict =
  | { readonly allowed: true; readonly ticket: RateLimitTicket }
  | {
      readonly allowed: false;
      readonly status: 429;
      readonly body: Record<string, unknown>;
      readonly headers: Record<string, string>;
      readonly retryAfterMs: number;
    };

export class RateLimiter {
  readonly #rules = new Map<string, Rule>();
  readonly #default: Rule;
  readonly #buckets = new Map<string, Bucket>();
  /** Buckets with nothing left: few at a time, so exchanges can ask about them on every request. */
  readonly #spent = new Set<Bucket>();
  #sweptAt = 0;
  readonly #globalPerSecond: number;
  #globalCount = 0;
  #globalResetAt = 0;

  private readonly now: () => number;

  constructor(options: RateLimitOptions = {}) {
    this.now = options.clock ?? Date.now;
    this.#globalPerSecond = options.globalPerSecond ?? 50;
    for (const [route, rule] of Object.entries(DEFAULT_ROUTES))
      this.#rules.set(route, ruleOf(rule.shared ?? route, rule));
    for (const [route, rule] of Object.entries(options.routes ?? {})) this.#rules.set(route, ruleOf(route, rule));
    this.#default = ruleOf('default', DEFAULT_WINDOW);
  }

  /**
   * Charges one request: `route` is "METHOD /route/:id", `major` its top-level resource,
   * `global` whether it carries the bot token.
   */
  take(route: string, major: string, global: boolean): RateLimitVerdict {
    const now = this.now();
    if (global) {
      if (now >= this.#globalResetAt) {
        this.#globalCount = 0;
        this.#globalResetAt = now + 1000;
      }
      if (this.#globalCount >= this.#globalPerSecond) return globalLimited(this.#globalResetAt - now);
      this.#globalCount++;
    }
    const rule = this.#rules.get(route) ?? this.#default;
    const key = `${rule.name}\u0000${major}`;
    let bucket = this.#buckets.get(key);
    if (!bucket) {
      bucket = { remaining: rule.limit, resetAt: 0, major };
      this.#buckets.set(key, bucket);
    }
    if (now >= bucket.resetAt) {
      bucket.remaining = rule.limit;
      bucket.resetAt = now + rule.windowMs;
    }
    if (bucket.remaining <= 0) return routeLimited(rule, bucket, now);
    bucket.remaining--;
    if (bucket.remaining === 0) this.#spent.add(bucket);
    // One bucket per interaction adds up over a long benchmark: forget refilled ones now and then.
    if (now - this.#sweptAt > 10_000) this.#forgetExpired(now);
    return { allowed: true, ticket: { rule, bucket, remaining: bucket.remaining } };
  }

  /** The headers of a response, written as it leaves (Reset-After counts from then). */
  headers(ticket: RateLimitTicket): Record<string, string> {
    return bucketHeaders(ticket.rule, ticket.bucket, ticket.remaining, this.now());
  }

  /**
   * The bucket headers of an injected 429 (a fault): the route's own bucket, spent until the
   * fault's Retry-After, as Discord's 429 of that route would carry.
   */
  faultHeaders(route: string, retryAfterMs: number): Record<string, string> {
    const rule = this.#rules.get(route) ?? this.#default;
    const now = this.now();
    return bucketHeaders(rule, { remaining: 0, resetAt: now + retryAfterMs, major: '' }, 0, now);
  }

  /** How long until the latest spent bucket of these resources refills (0 if none is spent): until then the bot is paced, not quiet. */
  pausedFor(majors: readonly string[]): number {
    const now = this.now();
    let until = now;
    for (const bucket of this.#spent) {
      if (bucket.resetAt <= now) this.#spent.delete(bucket);
      else if (majors.includes(bucket.major)) until = Math.max(until, bucket.resetAt);
    }
    return until - now;
  }

  #forgetExpired(now: number): void {
    this.#sweptAt = now;
    for (const [key, bucket] of this.#buckets) {
      if (bucket.resetAt > now) continue;
      this.#buckets.delete(key);
      this.#spent.delete(bucket);
    }
  }
}

function ruleOf(name: string, rule: BucketRule): Rule {
  return {
    name,
    limit: Math.max(1, Math.floor(rule.limit)),
    windowMs: Math.max(1, rule.windowMs),
    hash: createHash('sha1').update(name).digest('hex').slice(0, 32),
  };
}

function seconds(ms: number): string {
  return (Math.max(0, ms) / 1000).toFixed(3);
}

function bucketHeaders(rule: Rule, bucket: Bucket, remaining: number, now: number): Record<string, string> {
  return {
    'x-ratelimit-limit': String(rule.limit),
    'x-ratelimit-remaining': String(remaining),
    'x-ratelimit-reset': seconds(bucket.resetAt),
    'x-ratelimit-reset-after': seconds(bucket.resetAt - now),
    'x-ratelimit-bucket': rule.hash,
  };
}

const LIMITED_MESSAGE = 'You are being rate limited.';

function routeLimited(rule: Rule, bucket: Bucket, now: number): RateLimitVerdict {
  const waitMs = bucket.resetAt - now;
  const retryAfter = Math.max(0, waitMs) / 1000;
  return {
    allowed: false,
    status: 429,
    body: { message: LIMITED_MESSAGE, code: 0, retry_after: Number(retryAfter.toFixed(3)), global: false },
    headers: {
      ...bucketHeaders(rule, bucket, 0, now),
      'retry-after': retryAfterHeader(retryAfter),
      'x-ratelimit-scope': 'user',
    },
    retryAfterMs: waitMs,
  };
}

function globalLimited(waitMs: number): RateLimitVerdict {
  const retryAfter = Math.max(0, waitMs) / 1000;
  return {
    allowed: false,
    status: 429,
    body: { message: LIMITED_MESSAGE, code: 0, retry_after: Number(retryAfter.toFixed(3)), global: true },
    headers: {
      'retry-after': retryAfterHeader(retryAfter),
      'x-ratelimit-global': 'true',
      'x-ratelimit-scope': 'global',
    },
    retryAfterMs: waitMs,
  };
}

/** Discord rounds Retry-After up to whole seconds in the header (the body keeps the fraction). */
function retryAfterHeader(retryAfter: number): string {
  return String(Math.max(1, Math.ceil(retryAfter)));
}
