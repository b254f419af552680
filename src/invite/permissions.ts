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
