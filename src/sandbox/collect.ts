/** What the bot sent back for one event, and how the sandbox decides it has finished. */
import { performance } from 'node:perf_hooks';

export type ReplyKind = 'callback' | 'edit' | 'followup' | 'message';

export interface FileInfo {
  readonly filename: string;
  readonly contentType: string | null;
  readonly size: number;
}

export interface Reply {
  readonly kind: ReplyKind;
  readonly ephemeral: boolean;
  /** The JSON the bot sent (for a callback: `{ type, data }`; for multipart: its payload_json). */
  readonly body: unknown;
  /** The stored message this reply created or edited, if any, and its channel. */
  readonly messageId?: string;
  readonly channelId?: string;
  readonly files?: readonly FileInfo[];
}

/** A request of the bot that the sandbox refused (bad payload, second acknowledgement, ...). */
export interface RejectedRequest {
  readonly method: string;
  readonly route: string;
  readonly status: number;
  readonly code: number;
  readonly message: string;
}

/** How the bot said it was done with an event: 'answered', 'ignored' with why, 'problem', … */
export interface Settlement {
  readonly outcome: string;
  /** A short why, for 'ignored' above all ("not an answer channel"). */
  readonly reason?: string;
}

export interface CollectorTiming {
  /** Silence that ends the exchange once it is complete (unused when a report is awaited). */
  readonly quietMs: number;
  /** Give up and return what arrived after this long: the failure path. */
  readonly timeoutMs: number;
  /** End only on the bot's settlement report (no quiet window). */
  readonly awaitReport?: boolean;
}

/**
 * An exchange ends on the bot's report that it settled the event, once every request of the
 * bot for it has completed. Without a report awaited, it ends on a quiet window instead:
 * `interaction`: complete once the callback arrived and, if it was deferred, the reply that
 * fills it; then done after `quietMs` without any request. `message`: done after `quietMs`
 * without a request, counted from when the event reached the bot.
 */
export type CollectorMode = 'interaction' | 'message';

export class ReplyCollector {
  readonly replies: Reply[] = [];
  readonly rejected: RejectedRequest[] = [];
  timedOut = false;
  /** The bot's report, once it came. */
  settlement: Settlement | null = null;
  /** performance.now() when the event was first written to the bot's socket (benchmarks). */
  deliveredAt: number | null = null;
  /** performance.now() when the interaction callback's body had been read (benchmarks). */
  callbackAt: number | null = null;
  readonly done: Promise<void>;
  #resolve!: () => void;
  #finished = false;
  #pending = 0;
  #delivered = false;
  #callback = false;
  #awaitingFill = false;
  #holdUntil = 0;
  #quietTimer: NodeJS.Timeout | undefined;
  readonly #timeoutTimer: NodeJS.Timeout;
  readonly #onFinish: (() => void)[] = [];

  constructor(
    readonly mode: CollectorMode,
    private readonly timing: CollectorTiming,
    /**
     * How long until a spent rate-limit bucket this exchange may need refills (0 if none is
     * spent): until then the bot is waiting on Discord's limit, not done.
     */
    private readonly pausedFor: () => number = () => 0,
  ) {
    this.done = new Promise((resolve) => (this.#resolve = resolve));
    this.#timeoutTimer = setTimeout(() => {
      this.timedOut = true;
      this.finish();
    }, timing.timeoutMs);
  }

  get finished(): boolean {
    return this.#finished;
  }

  /** The event reached the bot's socket (called again on a replay after RESUME). */
  delivered(): void {
    this.deliveredAt ??= performance.now();
    this.#delivered = true;
    this.#schedule();
  }

  /** A request for this exchange began: the bot is not quiet while it is in flight. */
  requestStarted(): void {
    this.#pending++;
    this.#clearQuiet();
  }

  requestEnded(): void {
    this.#pending = Math.max(0, this.#pending - 1);
    if (this.settlement && this.#pending === 0) this.finish();
    else this.#schedule();
  }

  /** The bot reports the event settled: done now, or once its requests in flight have completed. */
  settle(settlement: Settlement): void {
    if (this.#finished || this.settlement) return;
    this.settlement = settlement;
    this.#clearQuiet();
    if (this.#pending === 0) this.finish();
  }

  add(reply: Reply): void {
    if (!this.#finished) this.replies.push(reply);
  }

  reject(rejection: RejectedRequest): void {
    if (!this.#finished) this.rejected.push(rejection);
  }

  /** A deferred callback (type 5 or 6) is only complete once its reply or edit arrives. */
  callbackReceived(deferred: boolean, arrivedAt = performance.now()): void {
    this.callbackAt ??= arrivedAt;
    this.#callback = true;
    this.#awaitingFill = deferred;
  }

  /** Discord gave up on the interaction (its endpoint failed or was late): nothing more will complete it. */
  deliveryFailed(): void {
    this.#callback = true;
    this.#awaitingFill = false;
  }

  deferralFilled(): void {
    this.#awaitingFill = false;
  }

  /** The bot was told to retry after `ms` (429): stay open at least that long. */
  holdFor(ms: number): void {
    this.#holdUntil = Math.max(this.#holdUntil, Date.now() + ms);
  }

  onFinish(listener: () => void): void {
    this.#onFinish.push(listener);
  }

  finish(): void {
    if (this.#finished) return;
    this.#finished = true;
    this.#clearQuiet();
    clearTimeout(this.#timeoutTimer);
    for (const listener of this.#onFinish) listener();
    this.#resolve();
  }

  #complete(): boolean {
    if (!this.#delivered) return false;
    return this.mode === 'message' || (this.#callback && !this.#awaitingFill);
  }

  #schedule(): void {
    this.#clearQuiet();
    if (this.timing.awaitReport || this.settlement) return;
    if (this.#finished || this.#pending > 0 || !this.#complete()) return;
    const resumeAt = Math.max(this.#holdUntil, Date.now() + this.pausedFor());
    const wait = Math.max(this.timing.quietMs, resumeAt - Date.now() + this.timing.quietMs);
    this.#quietTimer = setTimeout(() => this.#quietElapsed(), wait);
  }

  /** Another exchange may have spent a bucket this one needs meanwhile: then wait for its refill. */
  #quietElapsed(): void {
    if (this.pausedFor() > 0) this.#schedule();
    else this.finish();
  }

  #clearQuiet(): void {
    if (this.#quietTimer) clearTimeout(this.#quietTimer);
    this.#quietTimer = undefined;
  }
}
