import type { Reply } from '../../src/sandbox/index.js';

/** The text a reply carries: a callback's `data.content`, or an edit's, follow-up's or message's `content`. */
export function contentOf(reply: Reply | undefined): unknown {
  const body = reply?.body as { data?: { content?: unknown }; content?: unknown } | undefined;
  return reply?.kind === 'callback' ? body?.data?.content : body?.content;
}
