/**
 * A record of everything the local Discord and the bot said to each other: every REST exchange
 * and every gateway frame, one JSON object each, with the credentials taken out. Written as
 * JSON lines by `--record FILE`, or handed to a function (the sandbox's tests check every
 * response against Discord's spec this way).
 */
import { createWriteStream, type WriteStream } from 'node:fs';
import type { FileInfo } from './collect.js';
import { isObject } from './json.js';

export interface RestTraffic {
  readonly kind: 'rest';
  readonly time: string;
  readonly method: string;
  /** The path after /api/v10 with its query, interaction tokens replaced by "[token]". */
  readonly path: string;
  /** The route it matched, ids spelt ":id" (null when no route matched). */
  readonly route: string | null;
  readonly status: number;
  readonly request: unknown;
  readonly files?: readonly FileInfo[];
  readonly response: unknown;
  readonly headers: Readonly<Record<string, string>>;
}

export interface GatewayTraffic {
  readonly kind: 'gateway';
  readonly time: string;
  /** `to-bot`: written by the local Discord; `from-bot`: read from the bot. */
  readonly direction: 'to-bot' | 'from-bot';
  /** The session's shard, or null before IDENTIFY/RESUME. */
  readonly shard: number | null;
  readonly frame: unknown;
}

/** An interaction POSTed to the bot's interactions endpoint (HTTP delivery), and its answer. */
export interface EndpointTraffic {
  readonly kind: 'endpoint';
  readonly time: string;
  readonly url: string;
  /** The interaction, its token redacted. */
  readonly request: unknown;
  /** 0 when none came (timeout, connection refused). */
  readonly status: number;
  readonly response: unknown;
}

export type TrafficEntry = RestTraffic | GatewayTraffic | EndpointTraffic;
export type TrafficSink = (entry: TrafficEntry) => void;

const REDACTED = '[redacted]';

/** Interaction tokens sit in the callback and webhook paths; either lets anyone post as the bot. */
export function redactPath(path: string): string {
  return path
    .replace(/^(\/interactions\/[^/]+\/)[^/?]+/, '$1[token]')
    .replace(/^(\/webhooks\/[^/]+\/)[^/?]+/, '$1[token]');
}

/** The token fields of IDENTIFY, RESUME and INTERACTION_CREATE. */
export function redactFrame(frame: unknown): unknown {
  if (!isObject(frame) || !isObject(frame['d'])) return frame;
  const d = frame['d'];
  if (typeof d['token'] !== 'string') return frame;
  return { ...frame, d: { ...d, token: REDACTED } };
}

/** The one place traffic passes through; a no-op object is never built (callers hold `null`). */
export class TrafficRecorder {
  readonly #sink: TrafficSink;
  readonly #file: WriteStream | null;

  private constructor(sink: TrafficSink, file: WriteStream | null) {
    this.#sink = sink;
    this.#file = file;
  }

  static create(target: string | TrafficSink | undefined): TrafficRecorder | null {
    if (target === undefined) return null;
    if (typeof target === 'function') return new TrafficRecorder(target, null);
    const file = createWriteStream(target, { flags: 'w' });
    return new TrafficRecorder((entry) => void file.write(`${JSON.stringify(entry)}\n`), file);
  }

  rest(entry: Omit<RestTraffic, 'kind' | 'time'>): void {
    this.#sink({ kind: 'rest', time: new Date().toISOString(), ...entry, path: redactPath(entry.path) });
  }

  gateway(direction: GatewayTraffic['direction'], shard: number | null, frame: unknown): void {
    let parsed = frame;
    if (typeof frame === 'string') {
      try {
        parsed = JSON.parse(frame);
      } catch {
        parsed = frame;
      }
    }
    this.#sink({ kind: 'gateway', time: new Date().toISOString(), direction, shard, frame: redactFrame(parsed) });
  }

  endpoint(entry: Omit<EndpointTraffic, 'kind' | 'time'>): void {
    const request = isObject(entry.request) ? { ...entry.request, token: REDACTED } : entry.request;
    this.#sink({ kind: 'endpoint', time: new Date().toISOString(), ...entry, request });
  }

  async close(): Promise<void> {
    const file = this.#file;
    if (!file) return;
    await new Promise<void>((resolve) => file.end(() => resolve()));
  }
}
