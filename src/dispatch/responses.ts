import {
  InteractionResponseType,
  MessageFlags,
  type APIApplicationCommandOptionChoice,
  type APIInteractionResponse,
  type RESTPostAPIChannelMessageJSONBody,
  type RESTPostAPIWebhookWithTokenJSONBody,
} from 'discord.js';
import type { MessagePayload } from '../replies/render.js';

/**
 * The rendered replies as Discord's API takes them: interaction responses, webhook edits and
 * follow-ups, and channel messages. Pure JSON, sent as it is by whichever transport.
 */

/** A new message answering an interaction: its flags say whether only the asker sees it. */
export function replyWith(payload: MessagePayload): APIInteractionResponse {
  return { type: InteractionResponseType.ChannelMessageWithSource, data: payload };
}

/**
 * A message rewritten in place: an update after a button press, or the edit of a deferred reply.
 * Its visibility was fixed when it was first sent (Discord refuses to change it), so no flags;
 * an empty content clears the old one.
 */
export function rewritten(payload: MessagePayload): Omit<MessagePayload, 'flags'> & { content: string } {
  const { flags: _fixed, ...body } = payload;
  return { ...body, content: payload.content ?? '' };
}

export function updateWith(payload: MessagePayload): APIInteractionResponse {
  return { type: InteractionResponseType.UpdateMessage, data: rewritten(payload) };
}

/** "Thinking…", only for the asker: the answer follows as an edit. */
export const DEFER_PRIVATELY: APIInteractionResponse = {
  type: InteractionResponseType.DeferredChannelMessageWithSource,
  data: { flags: MessageFlags.Ephemeral },
};

/** The press is acknowledged and the message left as it is, until an edit redraws it. */
export const DEFER_UPDATE: APIInteractionResponse = { type: InteractionResponseType.DeferredMessageUpdate };

export const PONG: APIInteractionResponse = { type: InteractionResponseType.Pong };

export function choicesOf(choices: readonly APIApplicationCommandOptionChoice[]): APIInteractionResponse {
  return { type: InteractionResponseType.ApplicationCommandAutocompleteResult, data: { choices: [...choices] } };
}

/** A follow-up message after the response: its own flags say who sees it. */
export function followUp(payload: MessagePayload): RESTPostAPIWebhookWithTokenJSONBody {
  return payload;
}

/** A reply to a person's message: it pings no one, not even the person replied to. */
export function messageReply(payload: MessagePayload, messageId: string): RESTPostAPIChannelMessageJSONBody {
  const { flags: _none, ...body } = payload;
  return {
    ...body,
    allowed_mentions: { parse: [], replied_user: false },
    message_reference: { message_id: messageId, fail_if_not_exists: true },
  };
}
