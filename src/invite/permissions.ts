import { PermissionFlagsBits, PermissionsBitField } from 'discord.js';

/**
 * What the bot needs in a channel to answer there, and nothing more: the server invite asks for
 * exactly these. Slash commands, buttons and DMs need neither View Channel nor Send Messages
 * (Discord takes the reply from the interaction itself); the set is for answering an @mention in a
 * channel or a thread, and for the embeds every answer is made of.
 *
 * - View Channel: Discord delivers a channel's messages, mentions included, only to members who see it.
 * - Send Messages: to post the reply to a mention in a channel (it does not cover threads).
 * - Send Messages in Threads: the same in a thread.
 * - Embed Links: answers are embeds; Discord also applies it when the bot edits its reply to an
 *   interaction (as `/config` does) or sends a follow-up.
 * - Read Message History: Discord requires it to send a message as a reply to another.
 *
 * A channel needs Send Messages and a thread Send Messages in Threads; the invite asks for both.
 * Frozen: adding to it or removing from it makes a new set.
 */
export const ANSWER_PERMISSIONS: Readonly<PermissionsBitField> = new PermissionsBitField([
  PermissionFlagsBits.ViewChannel,
  PermissionFlagsBits.SendMessages,
  PermissionFlagsBits.SendMessagesInThreads,
  PermissionFlagsBits.EmbedLinks,
  PermissionFlagsBits.ReadMessageHistory,
]).freeze();

/** One of the permissions the bot answers with, by discord.js's flag name. */
export type AnswerPermission =
  'ViewChannel' | 'SendMessages' | 'SendMessagesInThreads' | 'EmbedLinks' | 'ReadMessageHistory';

/** A channel or a thread: each needs one of the two ways of sending, not both. */
export type AnswerPlace = 'channel' | 'thread';

/** What answering needs in one place: the set above, with Send Messages in a channel, Send Messages in Threads in a thread. */
export function neededIn(place: AnswerPlace): AnswerPermission[] {
  const other: AnswerPermission = place === 'thread' ? 'SendMessages' : 'SendMessagesInThreads';
  return ANSWER_PERMISSIONS.toArray().filter((name): name is AnswerPermission => name !== other);
}

/** Of what answering needs in a place, what `held` (a permission bitfield) lacks; empty when the bot can answer. */
export function missingIn(place: AnswerPlace, held: bigint): AnswerPermission[] {
  const permissions = new PermissionsBitField(held);
  return neededIn(place).filter((name) => !permissions.has(PermissionFlagsBits[name]));
}
