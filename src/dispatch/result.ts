import type {
  APIInteractionResponse,
  RESTPatchAPIWebhookWithTokenMessageJSONBody,
  RESTPostAPIChannelMessageJSONBody,
  RESTPostAPIWebhookWithTokenJSONBody,
} from 'discord.js';

/**
 * How one interaction or message ended, as the dispatcher decided:
 * - `answered`: an answer (or a page, a choice list, a confirmation) was sent;
 * - `problem`: the person was told kindly what was wrong with what they asked;
 * - `limited`: over the per-person limit (told so, or left alone once told);
 * - `ignored`: nothing was sent, on purpose; the reason says why;
 * - `expired`: a command or button the bot no longer knows, answered "expired";
 * - `error`: something failed on the bot's side; the person got an apology with a reference.
 */
export type Outcome = 'answered' | 'problem' | 'limited' | 'ignored' | 'expired' | 'error';

/** Which way in, for the logs and the activity summary. */
export type Kind = 'command' | 'button' | 'autocomplete' | 'message' | 'other';

/** How it ended, and why when nothing was sent; with the failure when there was one. */
export interface Ending {
  readonly outcome: Outcome;
  /** Short and plain, for the logs and for whoever waits on the outcome ("not an answer channel"). */
  readonly reason?: string;
  /** What failed, and the reference the person was shown. */
  readonly failure?: { readonly error: unknown; readonly ref: string };
}

/** A message sent through the interaction's webhook once the response is in. */
export type WebhookAction =
  /** Rewrites the response (a deferred reply, a deferred update). */
  | { readonly edit: '@original'; readonly body: RESTPatchAPIWebhookWithTokenMessageJSONBody }
  /** A new message after the response. */
  | { readonly followUp: RESTPostAPIWebhookWithTokenJSONBody };

/** What comes after the response: the webhook messages to send, and how it all ended. */
export interface Later extends Ending {
  readonly actions: readonly WebhookAction[];
}

/**
 * What to send for one interaction: the response (or none, when it is ignored), and for work
 * that goes on after it, a promise of what to send next. The promise never rejects.
 */
export interface Handled extends Ending {
  readonly kind: Kind;
  /** The command's name or the button's verb, for the logs. */
  readonly name: string | undefined;
  readonly response: APIInteractionResponse | undefined;
  /** When present, the final outcome is this one's, not the response's. */
  readonly later?: Promise<Later>;
}

/** What to send for one message: a reply in its channel, or nothing and why. */
export interface MessageHandled extends Ending {
  readonly reply?: { readonly channelId: string; readonly body: RESTPostAPIChannelMessageJSONBody };
}
