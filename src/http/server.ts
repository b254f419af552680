import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Logger } from '../log/logger.js';
import type { InFlight } from '../transport/in-flight.js';
import type { PageHandler } from './pages.js';
import { refuse } from './reply.js';

/**
 * How long a client may take: to send its headers, and its whole request. Discord sends an
 * interaction at once and wants the answer within 3 s; a client slower than this is holding a
 * connection open, not asking.
 */
const HEADERS_TIMEOUT_MS = 5_000;
const REQUEST_TIMEOUT_MS = 10_000;
/**
 * Longer than the 60 s a load balancer usually keeps an idle connection, so that it is always the
 * balancer that closes one, never this server while a request is on its way.
 */
const KEEP_ALIVE_TIMEOUT_MS = 65_000;

export interface HttpRoutes {
  /** POST /interactions. */
  readonly interactions: (req: IncomingMessage, res: ServerResponse) => Promise<void>;
  /** GET and HEAD, by path. */
  readonly pages: ReadonlyMap<string, PageHandler>;
  /** The requests under way: once closed (draining), every new request is refused with 503. */
  readonly work: InFlight;
  readonly logger: Logger;
}

function methodNotAllowed(res: ServerResponse, allow: string): void {
  refuse(res, 405, 'method not allowed', { allow });
}

async function servePage(page: PageHandler, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  const { status, type, body, headers } = await page({
    path: url.pathname,
    query: url.searchParams,
    accept: req.headers.accept ?? '',
    ifNoneMatch: req.headers['if-none-match'],
  });
  res.writeHead(status, {
    ...headers,
    'content-type': type,
    'content-length': Buffer.byteLength(body),
    'x-content-type-options': 'nosniff',
  });
  res.end(req.method === 'HEAD' ? undefined : body);
}

function health(req: IncomingMessage, res: ServerResponse, draining: boolean): void {
  const body = draining ? 'draining\n' : 'ok\n';
  res.writeHead(draining ? 503 : 200, {
    'content-type': 'text/plain; charset=utf-8',
    'content-length': Buffer.byteLength(body),
    'cache-control': 'no-store',
    ...(draining ? { connection: 'close' } : {}),
  });
  res.end(req.method === 'HEAD' ? undefined : body);
}

/**
 * The bot's HTTP server (node:http): POST /interactions, GET /healthz for a load balancer (200
 * while serving, 503 once draining), the pages, 404 for anything else. While draining, every
 * request but the health check is refused with 503 and its connection closed.
 */
export function createHttpServer(routes: HttpRoutes): Server {
  const { work, logger } = routes;
  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://policy-bot');
    const { pathname } = url;
    const method = req.method ?? 'GET';
    const readOnly = method === 'GET' || method === 'HEAD';
    if (pathname === '/healthz') return readOnly ? health(req, res, work.closed) : methodNotAllowed(res, 'GET, HEAD');
    if (work.closed) return refuse(res, 503, 'shutting down');
    if (pathname === '/interactions') {
      if (method !== 'POST') return methodNotAllowed(res, 'POST');
      let answering: Promise<void> = Promise.resolve();
      // Tracked so that a stop waits for it; its failure is the handler's below, not the tracker's.
      work.track(() => (answering = routes.interactions(req, res)).catch(() => undefined));
      return answering;
    }
    const page = routes.pages.get(pathname);
    if (!page) return refuse(res, 404, 'not found');
    if (!readOnly) return methodNotAllowed(res, 'GET, HEAD');
    return servePage(page, req, res, url);
  };
  const server = createServer(
    { requestTimeout: REQUEST_TIMEOUT_MS, headersTimeout: HEADERS_TIMEOUT_MS },
    (req, res) => {
      handle(req, res).catch((error: unknown) => {
        logger.error({ err: error, path: new URL(req.url ?? '/', 'http://policy-bot').pathname }, 'request failed');
        if (!res.headersSent) refuse(res, 500, 'internal error');
        else res.destroy();
      });
    },
  );
  server.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS;
  return server;
}
