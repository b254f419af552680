import type { InteractionEditReplyOptions, InteractionReplyOptions, InteractionUpdateOptions, MessageReplyOptions } from 'discord.js';
import type { MessagePayload } from '../replies/render.js';

/**
 * The reply builders already speak Discord's JSON. Handed over as JSON-encodable values,
 * discord.js sends them as they are instead of re-casing every key of every reply.
 */
function encoded<T>(values: readonly T[]): { toJSON(): T }[] {
  return values.map((value) => ({ toJSON: () => value }));
}

export function replyOptions(payload: MessagePayload): InteractionReplyOptions {
  const options: InteractionReplyOptions = {
    embeds: encoded(payload.embeds),
    components: encoded(payload.components),
    allowedMentions: { parse: [] },
  };
  if (payload.content !== undefined) options.content = payload.content;
  if (payload.flags !== undefined) options.flags = payload.flags;
  return options;
}

/** An update keeps the message's own visibility: Discord refuses to change it. */
export function updateOptions(payload: MessagePayload): InteractionUpdateOptions {
  return {
    content: payload.content ?? null,
    embeds: payload.embeds,
    components: payload.components,
    allowedMentions: { parse: [] },
  };
}

/** An edit of a deferred reply: its visibility was fixed when it was deferred. */
export function editOptions(payload: MessagePayload): InteractionEditReplyOptions {
  return { content: payload.content ?? null, embeds: payload.embeds, components: payload.components, allowedMentions: { parse: [] } };
}

/** A reply to a person's message: it pings no one, not even the person replied to. */
export function messageReplyOptions(payload: MessagePayload): MessageReplyOptions {
  const options: MessageReplyOptions = { embeds: payload.embeds, components: payload.components, allowedMentions: { parse: [], repliedUser: false } };
  if (payload.content !== undefined) options.content = payload.content;
  return options;
}
