import type { Client } from 'discord.js';

/** The part of discord.js's private action registry this file replaces. */
interface Actions {
  readonly InteractionCreate: { handle(data: unknown): unknown };
  readonly MessageCreate: { handle(data: unknown): unknown };
}

/**
 * The bot reads INTERACTION_CREATE and MESSAGE_CREATE as Discord's JSON (`client.ws` emits every
 * dispatch as it arrives). discord.js would also build an Interaction or a Message for each, with
 * its user, member and channel, and emit it to no one: for every interaction and for every public
 * answer coming back as MESSAGE_CREATE. Those two actions are turned into nothing on this client;
 * the rest of discord.js (guilds, channels, the gateway) is left as it is.
 */
export function readRawEvents(client: Client): void {
  // discord.js types `actions` as private `unknown`; these two handlers are its whole use here.
  const actions = (client as unknown as { readonly actions: Actions }).actions;
  actions.InteractionCreate.handle = () => ({});
  actions.MessageCreate.handle = () => ({});
}
