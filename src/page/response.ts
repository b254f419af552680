import type { LandingPage } from './landing.js';

/** What the HTTP transport sends for the page: its status, content type, body and headers. */
export interface PageResponse {
  readonly status: 200 | 304;
  readonly type: string;
  readonly body: string;
  readonly headers: Readonly<Record<string, string>>;
}

/** Whether an If-None-Match header names this ETag (a list, `*`, or weak forms `W/"…"` alike). */
function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(',').some((tag) => {
    const trimmed = tag.trim();
    return trimmed === '*' || trimmed.replace(/^W\//, '') === etag;
  });
}

/**
 * The page, or 304 Not Modified when the browser holds it already. Browsers revalidate on each
 * visit (`no-cache`), so a new start-up's page is seen at once; the policy is sent as a header
 * too, where `frame-ancestors` (which a meta tag cannot carry) keeps the page out of frames.
 */
export function landingResponse(page: LandingPage, ifNoneMatch?: string): PageResponse {
  const headers = {
    etag: page.etag,
    'cache-control': 'no-cache',
    'content-security-policy': `${page.contentSecurityPolicy}; frame-ancestors 'none'`,
    'x-content-type-options': 'nosniff',
  };
  const type = 'text/html; charset=utf-8';
  if (matches(ifNoneMatch, page.etag)) return { status: 304, type, body: '', headers };
  return { status: 200, type, body: page.html, headers };
}
