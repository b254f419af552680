import type { FileInfo } from '../collect.js';

export interface MultipartBody {
  /** The parsed `payload_json` part (discord.js puts the message JSON there when sending files). */
  readonly payload: unknown;
  readonly files: FileInfo[];
}

/** Parses multipart/form-data as discord.js (undici FormData) sends it. */
export function parseMultipart(body: Buffer, contentType: string): MultipartBody {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType);
  const marker = boundary?.[1] ?? boundary?.[2];
  if (!marker) return { payload: undefined, files: [] };
  const delimiter = Buffer.from(`--${marker}`);
  let payload: unknown;
  const files: FileInfo[] = [];
  let start = body.indexOf(delimiter);
  while (start !== -1) {
    const partStart = start + delimiter.length;
    if (body.subarray(partStart, partStart + 2).toString() === '--') break;
    const end = body.indexOf(delimiter, partStart);
    if (end === -1) break;
    const part = body.subarray(partStart + 2, end - 2); // skip the CRLF after the marker and before the next
    const split = part.indexOf('\r\n\r\n');
    if (split !== -1) {
      const headers = part.subarray(0, split).toString('utf8');
      const content = part.subarray(split + 4);
      const name = /name="([^"]*)"/i.exec(headers)?.[1];
      const filename = /filename="([^"]*)"/i.exec(headers)?.[1];
      const type = /content-type:\s*([^\r\n]+)/i.exec(headers)?.[1]?.trim() ?? null;
      if (name === 'payload_json') payload = JSON.parse(content.toString('utf8'));
      else if (filename !== undefined) files.push({ filename, contentType: type, size: content.length });
    }
    start = end;
  }
  return { payload, files };
}
