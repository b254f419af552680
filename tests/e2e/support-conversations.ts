import {
  callbackType,
  dataOf,
  descriptionOf,
  START_TIME,
  startWorld,
  type MessageData,
  type World,
} from './support.js';
import {
  type LocalDiscord,
  type Exchange,
  type OptionInput,
  type Reply,
  type SandboxGuild,
  type SandboxUser,
  type StoredMessage,
} from '../../src/sandbox/index.js';

/**
 * A local Discord with the real bot on it, a data directory of its own, and the clock of the
 * per-person answer limit, which only moves when a test moves it.
 */
export type BotWorld = World;
export { START_TIME };

export function startBotWorld(): Promise<BotWorld> {
  // Quiet windows wider still: plain messages are answered after a longer silence.
  return startWorld({ quietMs: 200, messageQuietMs: 300, manualClock: true });
}

export { buttonsOf, callbackType, dataOf, descriptionOf, type ButtonData, type MessageData } from './support.js';

export function titleOf(data: MessageData): string {
  return data.embeds?.[0]?.title ?? '';
}

/** The replies a person sees: the deferral ("thinking…") left out. */
export function shown(exchange: Exchange): Reply[] {
  return exchange.replies.filter((reply) => callbackType(reply) !== 5);
}

/** The one reply a person sees; fails when there is none or more than one. */
export function onlyReply(exchange: { readonly replies: readonly Reply[] }): Reply {
  const replies = 'interactionId' in exchange ? shown(exchange as Exchange) : [...exchange.replies];
  if (replies.length !== 1)
    throw new Error(`expected one reply, got ${replies.length}: ${JSON.stringify(replies.map((reply) => reply.body))}`);
  return replies[0]!;
}

/** The stored message a reply created or edited. */
export function storedOf(discord: LocalDiscord, reply: Reply | undefined): StoredMessage {
  const message = discord.world.message(reply?.channelId ?? '', reply?.messageId ?? '');
  if (!message) throw new Error('the reply left no stored message');
  return message;
}

let people = 0;

/**
 * A new person for each call: the bot limits answers per person and greets each person once,
 * so a test must not depend on what earlier tests did.
 */
export function newPerson(
  discord: LocalDiscord,
  options: { guildId?: string; manageGuild?: boolean } = {},
): SandboxUser {
  return discord.world.member(`conv-person-${++people}`, options);
}

/** A server of its own, with a moderator, #general and #policy. */
export interface TestServer {
  readonly guild: SandboxGuild;
  readonly mod: SandboxUser;
  readonly general: string;
  readonly policy: string;
}

export function newServer(discord: LocalDiscord, name: string): TestServer {
  const guild = discord.world.addGuild(name);
  return {
    guild,
    mod: newPerson(discord, { guildId: guild.id, manageGuild: true }),
    general: discord.world.channel(guild.id, 'general').id,
    policy: discord.world.channel(guild.id, 'policy').id,
  };
}

/** `/config …` options in the shape Discord sends: a subcommand group, then a subcommand. */
export const configOptions = {
  channels: (sub: 'add' | 'remove' | 'list' | 'clear', channelId?: string): OptionInput[] => [
    {
      name: 'channels',
      options: [{ name: sub, options: channelId === undefined ? [] : [{ name: 'channel', value: channelId }] }],
    },
  ],
  visibility: (mode: 'public' | 'ephemeral'): OptionInput[] => [
    { name: 'visibility', options: [{ name: 'mode', value: mode }] },
  ],
  mentions: (enabled: boolean): OptionInput[] => [{ name: 'mentions', options: [{ name: 'enabled', value: enabled }] }],
  share: (enabled: boolean): OptionInput[] => [{ name: 'share', options: [{ name: 'enabled', value: enabled }] }],
  show: (): OptionInput[] => [{ name: 'show' }],
  reset: (): OptionInput[] => [{ name: 'reset' }],
};

/** A moderator's `/config`: Discord lets it through, the bot defers, then edits in its answer. */
export async function configure(
  discord: LocalDiscord,
  server: TestServer,
  options: OptionInput[],
): Promise<MessageData> {
  const exchange = await discord.command({ user: server.mod, guildId: server.guild.id, name: 'config', options });
  if (exchange.denied) throw new Error(`/config refused: ${exchange.denied}`);
  const edit = exchange.replies.find((reply) => reply.kind === 'edit');
  if (!edit)
    throw new Error(`/config gave no edited answer: ${JSON.stringify(exchange.replies.map((reply) => reply.body))}`);
  return dataOf(edit);
}

/** The text a `/config` answer shows: its title and description. */
export function textOf(data: MessageData): string {
  return `${titleOf(data)}\n${descriptionOf(data)}\n${data.content ?? ''}`;
}
