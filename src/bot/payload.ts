import { MessagePayload as DiscordPayload, type MessageReplyOptions, type MessageTarget } from 'discord.js';
import type { MessagePayload } from '../replies/render.js';

/**
 * The reply builders already speak Discord's JSON. A discord.js payload whose body is set is
 * sent as it is: discord.js skips re-casing every key of every reply and checking options it
 * has not seen, which took nearly a tenth of the bot's CPU under load.
 */
function prepared(target: MessageTarget, body: NonNullable<DiscordPayload['body']>): DiscordPayload {
  const payload = new DiscordPayload(target, {});
  payload.body = body;
  payload.files = [];
  return payload;
}

/** A new message answering an interaction: its flags say whether only the asker sees it. */
export function replyPayload(target: MessageTarget, payload: MessagePayload): DiscordPayload {
  return prepared(target, payload);
}

/**
 * A message rewritten in place: an update after a button press, or the edit of a deferred reply.
 * Its visibility was fixed when it was first sent (Discord refuses to change it), so no flags;
 * an empty content clears the old one.
 */
export function rewritePayload(target: MessageTarget, payload: MessagePayload): DiscordPayload {
  const { flags: _fixed, ...body } = payload;
  return prepared(target, { ...body, content: payload.content ?? '' });
}

/** A reply to a person's message: it pings no one, not even the person replied to. */
export function messageReplyOptions(payload: MessagePayload): MessageReplyOptions {
  const options: MessageReplyOptions = {
    embeds: payload.embeds,
    components: payload.components,
    allowedMentions: { parse: [], repliedUser: false },
  };
  if (payload.content !== undefined) options.content = payload.content;
  return options;
}
