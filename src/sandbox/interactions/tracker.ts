import type { ReplyCollector } from '../collect.js';
import type { SandboxUser } from '../state/model.js';

export const InteractionType = {
  Ping: 1,
  ApplicationCommand: 2,
  MessageComponent: 3,
  Autocomplete: 4,
  ModalSubmit: 5,
} as const;

export const CallbackType = {
  Pong: 1,
  ChannelMessageWithSource: 4,
  DeferredChannelMessageWithSource: 5,
  DeferredUpdateMessage: 6,
  UpdateMessage: 7,
  AutocompleteResult: 8,
  Modal: 9,
  LaunchActivity: 12,
} as const;

/** The sandbox's memory of one interaction: its token, acknowledgement and messages. */
export interface InteractionRecord {
  readonly id: string;
  readonly token: string;
  readonly type: number;
  readonly channelId: string;
  readonly guildId: string | null;
  readonly user: SandboxUser;
  readonly createdAt: number;
  /** Last time the event was written to the bot's socket; the 3 s deadline counts from here. */
  deliveredAt: number | null;
  /** The callback type once acknowledged; a second acknowledgement is refused (40060). */
  acknowledgedWith: number | null;
  /** What `@original` refers to: the response message, or for components the clicked message. */
  originalMessageId: string | null;
  readonly componentMessageId: string | null;
  /** Deferred with type 5 and not filled yet: the first follow-up fills the loading message. */
  awaitingFill: boolean;
  readonly followupIds: Set<string>;
  /** Message type of the response: 20 for slash commands, 23 for context menus, 19 for components. */
  readonly responseMessageType: number;
  readonly interactionMetadata: Record<string, unknown>;
  readonly collector: ReplyCollector;
  /**
   * While the interactions endpoint's answer to the POST is still being read: a webhook request
   * for the interaction waits for it. The bot wrote its answer before it sent that request; on
   * one machine the two race to be read, where over a network the answer would arrive first.
   */
  answering?: Promise<void>;
}

/** Interactions by id and by token; forgotten once their webhook token has expired. */
export class InteractionTracker {
  readonly #byId = new Map<string, InteractionRecord>();
  readonly #byToken = new Map<string, InteractionRecord>();

  constructor(private readonly lifetimeMs: number) {}

  register(record: InteractionRecord): void {
    this.#byId.set(record.id, record);
    this.#byToken.set(record.token, record);
  }

  byId(id: string): InteractionRecord | undefined {
    return this.#byId.get(id);
  }

  /** Webhook tokens last 15 minutes, as on Discord. */
  byToken(token: string, now = Date.now()): InteractionRecord | undefined {
    const record = this.#byToken.get(token);
    return record && now - record.createdAt <= this.lifetimeMs ? record : undefined;
  }

  sweep(now = Date.now()): void {
    for (const [id, record] of this.#byId) {
      if (now - record.createdAt <= this.lifetimeMs) break; // insertion order is creation order
      this.#byId.delete(id);
      this.#byToken.delete(record.token);
    }
  }

  static tokenFor(id: string): string {
    return `aW50ZXJhY3Rpb246${Buffer.from(`${id}:sandbox-interaction-token`).toString('base64url')}`;
  }
}
