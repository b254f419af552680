/** Injected REST failures: the next matching requests get this answer instead of the real one. */
export interface FaultRule {
  /** HTTP method to match (any if omitted). */
  readonly method?: string;
  /**
   * RegExp: tested against the path after /api/v10 ("/interactions/123/abc/callback").
   * String: a route pattern as in `stats.requests` without the method
   * ("/interactions/:id/:token/callback"), or else a substring of the path.
   */
  readonly route: RegExp | string;
  readonly status: number;
  /** Seconds, sent as the Retry-After header (429 defaults to 1). */
  readonly retryAfter?: number;
  /** Discord error code in the body (0 if omitted). */
  readonly code?: number;
  readonly message?: string;
  /** How many requests fail (default 1). */
  readonly times?: number;
  /** X-RateLimit-Scope of a 429 (default "user"); "global" also sets X-RateLimit-Global. */
  readonly scope?: 'user' | 'global' | 'shared';
}

export interface FaultResponse {
  readonly status: number;
  readonly body: Record<string, unknown>;
  readonly headers: Record<string, string>;
  /** How long the bot should wait before retrying, in ms (0 if not rate limited). */
  readonly retryAfterMs: number;
}

export class FaultPlan {
  #rules: { rule: FaultRule; remaining: number }[] = [];

  add(rule: FaultRule): void {
    this.#rules.push({ rule, remaining: rule.times ?? 1 });
  }

  clear(): void {
    this.#rules = [];
  }

  get pending(): number {
    return this.#rules.length;
  }

  /** The fault for this request, if one is armed; consumes one use. */
  take(method: string, path: string, pattern: string): FaultResponse | undefined {
    if (this.#rules.length === 0) return undefined;
    const index = this.#rules.findIndex(
      ({ rule }) => (!rule.method || rule.method.toUpperCase() === method) && matches(rule.route, path, pattern),
    );
    const entry = this.#rules[index];
    if (!entry) return undefined;
    if (--entry.remaining <= 0) this.#rules.splice(index, 1);
    return respond(entry.rule);
  }
}

function matches(route: RegExp | string, path: string, pattern: string): boolean {
  return typeof route === 'string' ? route === pattern || path.includes(route) : route.test(path);
}

function respond(rule: FaultRule): FaultResponse {
  const headers: Record<string, string> = {};
  const body: Record<string, unknown> = { message: rule.message ?? defaultMessage(rule.status), code: rule.code ?? 0 };
  let retryAfterMs = 0;
  if (rule.status === 429) {
    const seconds = rule.retryAfter ?? 1;
    retryAfterMs = seconds * 1000;
    // discord.js reads the header, not the body's retry_after.
    headers['retry-after'] = String(seconds);
    headers['x-ratelimit-scope'] = rule.scope ?? 'user';
    if (rule.scope === 'global') headers['x-ratelimit-global'] = 'true';
    body['retry_after'] = seconds;
    body['global'] = rule.scope === 'global';
  }
  return { status: rule.status, body, headers, retryAfterMs };
}

function defaultMessage(status: number): string {
  if (status === 429) return 'You are being rate limited.';
  if (status >= 500) return '500: Internal Server Error';
  return `${status}: sandbox fault`;
}
