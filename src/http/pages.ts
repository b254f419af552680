/**
 * What the HTTP server serves besides interactions, by path: each page a function answering
 * `{ status, type, body }`. GET and HEAD reach them; anything else is refused by the server.
 */
import type { ArticleContext } from '../answers/context.js';
import { landingPage } from '../page/landing.js';
import { landingResponse } from '../page/response.js';
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
  /** The If-None-Match header, when the browser holds a copy. */
  readonly ifNoneMatch?: string | undefined;
}

export type PageHandler = (request: PageRequest) => Page | Promise<Page>;

export interface PageSettings {
  /** PRIVACY_CONTACT: how server owners reach the operator, named on /privacy and /terms. */
  readonly privacyContact: string | undefined;
  /** The application's id, which the landing page's invite links name. */
  readonly applicationId: string;
  /** The article and its search, which answer the landing page's examples. */
  readonly context: ArticleContext;
}

/** Every page, by path. A new page is one more line here. */
export function pageRoutes(settings: PageSettings): ReadonlyMap<string, PageHandler> {
  // Drawn once, at start-up, from the bot's own reply builders.
  const landing = landingPage({ applicationId: settings.applicationId, context: settings.context });
  return new Map<string, PageHandler>([
    ['/', ({ ifNoneMatch }) => landingResponse(landing, ifNoneMatch)],
    ['/privacy', legalPage('PRIVACY.md', 'Privacy policy', settings)],
    ['/terms', legalPage('TERMS.md', 'Terms of use', settings)],
  ]);
}
