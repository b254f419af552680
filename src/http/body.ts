import type { IncomingMessage } from 'node:http';

/**
 * The largest interaction the endpoint reads. The largest Discord sends is the message menu's,
 * which carries the whole message it is used on: 4,000 characters of content and 6,000 of
 * embeds, each up to 6 bytes once escaped in JSON, plus components and ids — about 70 KB.
 */
export const MAX_BODY_BYTES = 256 * 1024;

export class BodyTooLarge extends Error {
  override name = 'BodyTooLarge';
}

/** The request's body, refused past `limit` bytes whatever its Content-Length said. */
export function readBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > limit) return reject(new BodyTooLarge(`${declared} bytes declared`));
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.removeAllListeners('data');
        reject(new BodyTooLarge(`more than ${limit} bytes`));
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(chunks.length === 1 && chunks[0] ? chunks[0] : Buffer.concat(chunks)));
    req.on('error', reject);
    // Closed before its end: the client went away mid-request.
    req.on('close', () => {
      if (!req.complete) reject(new Error('the request was aborted'));
    });
  });
}
