import type { FileInfo } from '../collect.js';
import { asObject, type JsonObject } from '../json.js';
import { parseMultipart } from '../rest/multipart.js';
import { forgedHeaders, type SigningKeys } from '../signing.js';
import type { TrafficRecorder } from '../traffic.js';

/** Whether Discord would save this interactions endpoint URL, and if not, why. */
export type EndpointCheck = { readonly ok: true } | { readonly ok: false; readonly reason: string };

/** What the endpoint answered one POST: its HTTP status and body, or why there was none. */
export type EndpointAnswer =
  | { readonly kind: 'answered'; readonly status: number; readonly body: unknown; readonly files: readonly FileInfo[] }
  | { readonly kind: 'failed'; readonly status: number; readonly reason: string };

const USER_AGENT = 'Discord-Interactions/1.0 (+https://discord.com)';

/**
 * A bot's interactions endpoint, as Discord uses one: every interaction POSTed as JSON and
 * signed (X-Signature-Ed25519 over X-Signature-Timestamp + body), the answer read from the
 * HTTP response within the deadline.
 */
export class InteractionsEndpoint {
  private constructor(
    readonly url: string,
    private readonly keys: SigningKeys,
    private readonly traffic: TrafficRecorder | null,
  ) {}

  /**
   * Discord's check when the URL is saved: a signed PING must be answered 200 `{"type":1}`
   * (PONG), and a PING signed by another key must be refused with 401.
   */
  static async check(
    url: string,
    keys: SigningKeys,
    ping: JsonObject,
    timeoutMs: number,
    traffic: TrafficRecorder | null,
  ): Promise<{ check: EndpointCheck; endpoint: InteractionsEndpoint | null }> {
    const refuse = (reason: string) => ({ check: { ok: false, reason } as const, endpoint: null });
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      return refuse(`"${url}" is not a URL`);
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return refuse(`"${url}" is not an http(s) URL`);
    const endpoint = new InteractionsEndpoint(url, keys, traffic);
    const pong = await endpoint.deliver(ping, timeoutMs);
    if (pong.kind === 'failed') return refuse(`the PING got no answer: ${pong.reason}`);
    if (pong.status !== 200 || asObject(pong.body)['type'] !== 1)
      return refuse(
        `the PING was answered ${pong.status} ${JSON.stringify(pong.body) ?? '(no body)'}; Discord expects 200 {"type":1} (PONG)`,
      );
    const forged = await endpoint.deliver(ping, timeoutMs, forgedHeaders);
    const status = forged.status;
    if (status !== 401)
      return refuse(
        `a PING with a bad signature was answered ${status === 0 ? 'not at all' : status}; the endpoint must verify X-Signature-Ed25519 and refuse it with 401`,
      );
    return { check: { ok: true }, endpoint };
  }

  /** POSTs one interaction, signed; the answer must be complete within `timeoutMs` (Discord: 3 s). */
  async deliver(
    payload: JsonObject,
    timeoutMs: number,
    sign: (body: string) => Record<string, string> = (body) => this.keys.headers(body),
  ): Promise<EndpointAnswer> {
    const body = JSON.stringify(payload);
    let answer: EndpointAnswer;
    try {
      const response = await fetch(this.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'user-agent': USER_AGENT, ...sign(body) },
        body,
        signal: AbortSignal.timeout(timeoutMs),
      });
      const raw = Buffer.from(await response.arrayBuffer());
      answer = readAnswer(response.status, raw, response.headers.get('content-type') ?? '');
    } catch (error) {
      const late = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
      answer = {
        kind: 'failed',
        status: 0,
        reason: late
          ? `no answer within ${timeoutMs} ms (Discord shows "This interaction failed")`
          : `could not reach ${this.url}: ${error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error)}`,
      };
    }
    this.traffic?.endpoint({
      url: this.url,
      request: payload,
      status: answer.status,
      response: answer.kind === 'answered' ? answer.body : { failed: answer.reason },
    });
    return answer;
  }
}

function readAnswer(status: number, raw: Buffer, contentType: string): EndpointAnswer {
  if (raw.length === 0) return { kind: 'answered', status, body: undefined, files: [] };
  try {
    if (contentType.startsWith('multipart/form-data')) {
      const { payload, files } = parseMultipart(raw, contentType);
      return { kind: 'answered', status, body: payload, files };
    }
    return { kind: 'answered', status, body: JSON.parse(raw.toString('utf8')), files: [] };
  } catch {
    return {
      kind: 'failed',
      status,
      reason: `the answer (${status}) is not JSON: ${raw.toString('utf8').slice(0, 80)}`,
    };
  }
}
