import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { startHttpBot, type HttpBotOptions, type RunningHttpBot } from '../../src/http/start.js';
import type { Settled } from '../../src/transport/settle.js';
import { APP_ID } from '../support/discord-json.js';

/** An application's Ed25519 key pair, signing as Discord signs each request to the endpoint. */
export class Signer {
  readonly publicKeyHex: string;
  readonly #privateKey: KeyObject;

  constructor() {
    const { publicKey, privateKey } = generateKeyPairSync('ed25519');
    this.#privateKey = privateKey;
    const jwk = publicKey.export({ format: 'jwk' });
    this.publicKeyHex = Buffer.from(jwk.x ?? '', 'base64url').toString('hex');
  }

  /** X-Signature-Ed25519 and X-Signature-Timestamp for `body` sent at `seconds` (now by default). */
  headers(body: string, seconds = Math.floor(Date.now() / 1000)): Record<string, string> {
    const timestamp = String(seconds);
    return {
      'x-signature-ed25519': sign(null, Buffer.from(timestamp + body), this.#privateKey).toString('hex'),
      'x-signature-timestamp': timestamp,
    };
  }
}

/** One request the bot made of "Discord's" REST API. */
export interface RestCall {
  readonly method: string;
  readonly path: string;
  readonly body: unknown;
  /** The Authorization header sent, if any. */
  readonly authorization: string | undefined;
}

/**
 * A stand-in for Discord's REST API that records what it is asked and answers each request with
 * a message; `hold()` keeps the next requests waiting until `release()`.
 */
export class RecordingRest {
  readonly calls: RestCall[] = [];
  #held: (() => void)[] | null = null;
  #arrived: ((call: RestCall) => void)[] = [];

  private constructor(
    private readonly server: Server,
    readonly api: string,
  ) {}

  static async start(): Promise<RecordingRest> {
    const handlers: RecordingRest[] = [];
    const server = createServer((req, res) => void handlers[0]?.handle(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    const rest = new RecordingRest(server, `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`);
    handlers.push(rest);
    return rest;
  }

  hold(): void {
    this.#held ??= [];
  }

  release(): void {
    const held = this.#held ?? [];
    this.#held = null;
    for (const go of held) go();
  }

  /** The next request, as soon as it arrives (before it is answered). */
  next(): Promise<RestCall> {
    return new Promise((resolve) => this.#arrived.push(resolve));
  }

  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const call = {
      method: req.method ?? '',
      path: req.url ?? '',
      body: text ? (JSON.parse(text) as unknown) : null,
      authorization: req.headers.authorization,
    };
    this.calls.push(call);
    for (const arrived of this.#arrived.splice(0)) arrived(call);
    if (this.#held) await new Promise<void>((resolve) => this.#held?.push(resolve));
    const body = JSON.stringify({ id: '1', channel_id: '1', content: '' });
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
    res.end(body);
  }

  stop(): Promise<void> {
    this.release();
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

/** What the endpoint answered one request. */
export interface Answer {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
  readonly json: unknown;
}

export async function answerOf(response: Response): Promise<Answer> {
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, text, json };
}

/** The HTTP bot on 127.0.0.1 with its own key, data folder and stand-in REST API. */
export interface Endpoint {
  readonly bot: RunningHttpBot;
  readonly signer: Signer;
  readonly rest: RecordingRest;
  readonly base: string;
  readonly settled: Settled[];
  /** The bot's report for `id`, as soon as it is made. */
  reported(id: string): Promise<Settled>;
  readonly logs: Record<string, unknown>[];
  /** POSTs `body` (an object is sent as JSON) to /interactions, signed unless `headers` say otherwise. */
  post(body: unknown, headers?: Record<string, string>): Promise<Answer>;
  stop(): Promise<void>;
}

export async function startEndpoint(options: Partial<HttpBotOptions> = {}): Promise<Endpoint> {
  const signer = new Signer();
  const rest = await RecordingRest.start();
  const dataDir = await mkdtemp(join(tmpdir(), 'policy-bot-http-'));
  const settled: Settled[] = [];
  const waiting = new Map<string, (done: Settled) => void>();
  const logs: Record<string, unknown>[] = [];
  const logger = pino(
    { level: 'debug' },
    { write: (line: string) => void logs.push(JSON.parse(line) as Record<string, unknown>) },
  );
  const bot = await startHttpBot({
    publicKey: signer.publicKeyHex,
    applicationId: APP_ID,
    restApi: rest.api,
    registerCommands: false,
    dataDir,
    logger,
    onSettled: (done) => {
      settled.push(done);
      waiting.get(done.id)?.(done);
    },
    ...options,
  });
  const base = bot.interactionsUrl.replace(/\/interactions$/, '');
  return {
    bot,
    signer,
    rest,
    base,
    settled,
    reported(id) {
      const found = settled.find((done) => done.id === id);
      return found ? Promise.resolve(found) : new Promise((resolve) => waiting.set(id, resolve));
    },
    logs,
    async post(body, headers) {
      const text = typeof body === 'string' ? body : JSON.stringify(body);
      const response = await fetch(`${base}/interactions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(headers ?? signer.headers(text)) },
        body: text,
      });
      return answerOf(response);
    },
    async stop() {
      await bot.stop();
      await rest.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
