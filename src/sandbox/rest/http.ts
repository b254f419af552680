import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import type { FileInfo, ReplyCollector } from '../collect.js';
import type { SandboxCore } from '../core.js';
import { ApiError, Errors } from './errors.js';
import { parseMultipart } from './multipart.js';
import type { RateLimitTicket } from './rate-limits.js';
import type { Router } from './router.js';

export interface RestRequest {
  readonly method: string;
  /** The path after /api/v10, still percent-encoded. */
  readonly path: string;
  readonly params: Readonly<Record<string, string>>;
  readonly query: URLSearchParams;
  readonly body: unknown;
  readonly files: readonly FileInfo[];
  readonly headers: IncomingHttpHeaders;
  /** The exchanges this request belongs to, found from its URL before the body was read. */
  readonly collectors: readonly ReplyCollector[];
}

export interface RestResponse {
  readonly status: number;
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
}

export interface RouteHandler {
  /** Needs `Authorization: Bot <token>` (interaction callbacks and webhooks do not). */
  readonly auth: boolean;
  /** Open exchanges to keep awake while this request is in flight. */
  readonly collectors?: (params: Readonly<Record<string, string>>) => ReplyCollector[];
  handle(request: RestRequest): RestResponse | Promise<RestResponse>;
}

const API_PREFIX = /^\/api(?:\/v\d+)?(?=\/)/;

/** What the traffic record keeps of a request while it is served. */
interface Exchanged {
  readonly method: string;
  readonly path: string;
  route: string | null;
  request: unknown;
  files?: readonly FileInfo[];
}

/**
 * The REST front door: prefix, routing, fault injection, auth, body parsing and Discord-shaped
 * errors. No logging and no synchronous heavy work: benchmarks push thousands of requests through.
 */
export function createRestHandler(
  core: SandboxCore,
  router: Router<RouteHandler>,
): (req: IncomingMessage, res: ServerResponse) => void {
  const authorization = `Bot ${core.config.botToken}`;
  const roundTripMs = core.config.restRoundTripMs;
  const limits = core.rateLimits;

  async function serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = req.method ?? 'GET';
    const url = new URL(req.url ?? '/', 'http://sandbox');
    const prefix = API_PREFIX.exec(url.pathname);
    const path = prefix ? url.pathname.slice(prefix[0].length) : '';
    const match = prefix ? router.match(method, path) : null;
    const exchange: Exchanged = {
      method,
      path: `${path || url.pathname}${url.search}`,
      route: null,
      request: undefined,
    };
    if (!match) {
      await readBody(req);
      return send(res, { status: 404, body: Errors.notFound().body }, exchange);
    }
    const { route, params } = match;
    exchange.route = route.bucket;
    core.stats.countRequest(`${method} ${route.bucket}`);
    const routeKey = `${method} ${route.bucket}`;
    const collectors = route.handler.collectors?.(params) ?? [];
    for (const collector of collectors) collector.requestStarted();
    let response: RestResponse;
    let ticket: RateLimitTicket | undefined;
    try {
      const raw = await readBody(req);
      const fault = core.faults.take(method, path, route.bucket);
      const limit = fault ? undefined : limits?.take(routeKey, majorOf(route.pattern, params), route.handler.auth);
      if (fault) {
        for (const collector of collectors) collector.holdFor(fault.retryAfterMs);
        const spent =
          fault.status === 429 && limits && fault.headers['x-ratelimit-global'] === undefined
            ? limits.faultHeaders(routeKey, fault.retryAfterMs)
            : {};
        response = { ...fault, headers: { ...spent, ...fault.headers } };
      } else if (limit && !limit.allowed) {
        core.stats.rateLimited++;
        for (const collector of collectors) collector.holdFor(limit.retryAfterMs);
        response = limit;
      } else {
        ticket = limit?.ticket;
        if (route.handler.auth && req.headers.authorization !== authorization) throw Errors.unauthorized();
        const { body, files } = parseBody(raw, req.headers['content-type'] ?? '');
        exchange.request = body;
        if (files.length > 0) exchange.files = files;
        response = await route.handler.handle({
          method,
          path,
          params,
          query: url.searchParams,
          body,
          files,
          headers: req.headers,
          collectors,
        });
      }
    } catch (error) {
      const apiError =
        error instanceof ApiError
          ? error
          : new ApiError(500, 0, `500: ${error instanceof Error ? error.message : String(error)}`);
      const rejection = {
        method,
        route: route.bucket,
        status: apiError.status,
        code: apiError.code,
        message: apiError.message,
      };
      for (const collector of collectors) collector.reject(rejection);
      response = { status: apiError.status, body: apiError.body };
    }
    // The exchange stays open until the answer has left: with a round trip, that is later.
    try {
      await send(res, response, exchange, ticket);
    } finally {
      for (const collector of collectors) collector.requestEnded();
    }
  }

  /** Handled at once, answered after the round trip: the connection stays busy as it would over a network. */
  async function send(
    res: ServerResponse,
    response: RestResponse,
    exchange: Exchanged,
    ticket?: RateLimitTicket,
  ): Promise<void> {
    if (roundTripMs > 0) await sleep(roundTripMs);
    // Reset-After is counted from when the answer leaves, as the bot will read it.
    const headers = ticket && limits ? { ...response.headers, ...limits.headers(ticket) } : (response.headers ?? {});
    write(res, response.status, response.body, headers);
    core.traffic?.rest({ ...exchange, status: response.status, response: response.body, headers });
  }

  return (req, res) => void serve(req, res);
}

/** The top-level resource a route's limits are counted for (Discord: a channel, a guild, a webhook and its token). */
function majorOf(pattern: string, params: Readonly<Record<string, string>>): string {
  if (pattern.startsWith('/channels/:channelId')) return `channel:${params['channelId'] ?? ''}`;
  if (pattern.startsWith('/guilds/:guildId')) return `guild:${params['guildId'] ?? ''}`;
  if (pattern.startsWith('/webhooks/:applicationId/:token'))
    return `webhook:${params['applicationId'] ?? ''}/${params['token'] ?? ''}`;
  if (pattern.startsWith('/interactions/:interactionId')) return `interaction:${params['interactionId'] ?? ''}`;
  return 'global';
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(chunks.length === 1 && chunks[0] ? chunks[0] : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function parseBody(raw: Buffer, contentType: string): { body: unknown; files: FileInfo[] } {
  if (raw.length === 0) return { body: undefined, files: [] };
  try {
    if (contentType.startsWith('multipart/form-data')) {
      const { payload, files } = parseMultipart(raw, contentType);
      return { body: payload, files };
    }
    return { body: JSON.parse(raw.toString('utf8')), files: [] };
  } catch {
    throw Errors.invalidJson();
  }
}

function write(
  res: ServerResponse,
  status: number,
  body?: unknown,
  headers: Readonly<Record<string, string>> = {},
): void {
  if (res.headersSent) return;
  if (body === undefined || status === 204) {
    res.writeHead(status, headers);
    res.end();
    return;
  }
  const text = JSON.stringify(body);
  // Spread last: V8 (Node 20) is slow to write properties after a spread. No route sets these two.
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
}
