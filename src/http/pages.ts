/**
 * What the HTTP server serves besides interactions, by path: each page a function answering
 * `{ status, type, body }`. GET and HEAD reach them; anything else is refused by the server.
 */
import { legalPage } from './legal-pages.js';

export interface Page {
  readonly status: number;
  /** The Content-Type header, charset included. */
  readonly type: string;
  readonly body: string | Buffer;
  /** More headers (a Content-Security-Policy, caching); Content-Length and nosniff are the server's. */
  readonly headers?: Readonly<Record<string, string>>;
}

/** What a page may look at of the request. */
export interface PageRequest {
  readonly path: string;
  readonly query: URLSearchParams;
  /** The Accept header ('' when none). */
  readonly accept: string;
}

export type PageHandler = (request: PageRequest) => Page | Promise<Page>;

export interface PageSettings {
  /** PRIVACY_CONTACT: how server owners reach the operator, named on /privacy and /terms. */
  readonly privacyContact: string | undefined;
}

/** Every page, by path. A new page is one more line here. */
export function pageRoutes(settings: PageSettings): ReadonlyMap<string, PageHandler> {
  return new Map<string, PageHandler>([
    ['/privacy', legalPage('PRIVACY.md', 'Privacy policy', settings)],
    ['/terms', legalPage('TERMS.md', 'Terms of use', settings)],
  ]);
}
