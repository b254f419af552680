import type { ServerResponse } from 'node:http';

/**
 * Writes a JSON answer; resolves true once it has all been handed to the connection, false if
 * the connection closed before (the client gave up, or went away).
 */
export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Readonly<Record<string, string>> = {},
): Promise<boolean> {
  const text = JSON.stringify(body);
  const sent = new Promise<boolean>((resolve) => {
    res.once('finish', () => resolve(true));
    res.once('close', () => resolve(res.writableFinished));
  });
  res.writeHead(status, {
    ...headers,
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
  return sent;
}

/**
 * A refusal, before or instead of reading what was sent: the connection is closed after it, so
 * an unread body cannot be taken for the next request.
 */
export function refuse(
  res: ServerResponse,
  status: number,
  error: string,
  headers: Readonly<Record<string, string>> = {},
): void {
  if (res.headersSent) return;
  void sendJson(res, status, { error }, { ...headers, connection: 'close' });
}
