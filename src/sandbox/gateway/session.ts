import type { Socket } from 'node:net';
import { WebSocket } from 'ws';

/** One WebSocket from the bot; it carries at most one session (after IDENTIFY or RESUME). */
export interface GatewayConnection {
  readonly ws: WebSocket;
  /** The raw TCP socket, so a fault can cut it without a close frame. */
  readonly socket: Socket;
  session: GatewaySession | null;
  /** Set when the sandbox closes it on purpose: such a close never ends the session. */
  closedByServer: boolean;
}

interface BufferedEvent {
  readonly s: number;
  readonly frame: string;
  readonly onDelivered: (() => void) | undefined;
}

/**
 * A gateway session of one shard: sequence numbers and the events the bot may still ask for
 * on RESUME. Events dispatched while it has no live socket wait here and are replayed on RESUME.
 */
export class GatewaySession {
  seq = 0;
  ready = false;
  connection: GatewayConnection | null = null;
  #events: BufferedEvent[] = [];
  #head = 0;

  constructor(
    readonly id: string,
    readonly shardId: number,
    readonly shardCount: number,
    readonly intents: number,
    private readonly maxBuffered: number,
    /** Sees every frame written to the bot (the traffic record), or null. */
    private readonly onWrite: ((frame: string) => void) | null = null,
  ) {}

  get live(): boolean {
    return this.connection !== null && this.connection.ws.readyState === WebSocket.OPEN;
  }

  /** Assigns the next sequence number; sends now if connected, else keeps it for RESUME. */
  push(event: string, dataJson: string, onDelivered?: () => void): void {
    const s = ++this.seq;
    const frame = `{"op":0,"t":"${event}","s":${s},"d":${dataJson}}`;
    this.#events.push({ s, frame, onDelivered });
    if (this.#events.length - this.#head > this.maxBuffered) this.#head++;
    this.#compact();
    if (this.live) {
      this.connection?.ws.send(frame);
      this.onWrite?.(frame);
      onDelivered?.();
    }
  }

  /** A heartbeat carries the bot's last sequence: nothing up to it needs replaying any more. */
  acknowledge(seq: number): void {
    while (this.#head < this.#events.length && (this.#events[this.#head]?.s ?? Infinity) <= seq) this.#head++;
    this.#compact();
  }

  /** Sends every event after `seq`; false when some were already forgotten (the bot must IDENTIFY). */
  replayAfter(seq: number): boolean {
    const first = this.#events[this.#head]?.s ?? this.seq + 1;
    if (seq < first - 1) return false;
    const ws = this.connection?.ws;
    if (!ws) return false;
    for (let i = this.#head; i < this.#events.length; i++) {
      const event = this.#events[i];
      if (!event || event.s <= seq) continue;
      ws.send(event.frame);
      this.onWrite?.(event.frame);
      event.onDelivered?.();
    }
    return true;
  }

  #compact(): void {
    if (this.#head > 1024 && this.#head * 2 > this.#events.length) {
      this.#events = this.#events.slice(this.#head);
      this.#head = 0;
    }
  }
}
