import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Client } from 'discord.js';
import pino from 'pino';
import { afterAll, expect } from 'vitest';
import { formatCitation } from '../../src/corpus/citation.js';
import { readQuotes } from '../../src/replies/quote-markdown.js';
import { startBot, type RunningBot, type Settled } from '../../src/gateway/start.js';
import { startHttpBot, type RunningHttpBot } from '../../src/http/start.js';
import {
  LocalDiscord,
  type Exchange,
  type LocalDiscordOptions,
  type OptionInput,
  type Reply,
  type SandboxGuild,
  type SandboxUser,
  type StoredMessage,
} from '../../src/sandbox/index.js';

/** One pino line as the bot wrote it. */
export interface LogLine {
  readonly level: number;
  readonly msg?: string;
  readonly [field: string]: unknown;
}

export const LEVEL = { info: 30, warn: 40, error: 50 } as const;

/**
 * How interactions reach the bot: over the gateway (`npm start`), or POSTed to its HTTP
 * interactions endpoint (`npm run start:http`). DMs and @mentions come over the gateway only.
 */
export type Transport = 'gateway' | 'http';
export const TRANSPORTS: readonly Transport[] = ['gateway', 'http'];

/** A local Discord, the real bot on it, and every line the bot logged. */
export interface World {
  readonly transport: Transport;
  readonly discord: LocalDiscord;
  readonly dataDir: string;
  /** The bot now running (a new one after `restart`). */
  readonly bot: RunningBot | RunningHttpBot;
  /** The gateway bot's discord.js client (an HTTP bot has none). */
  readonly client: Client;
  readonly logs: LogLine[];
  /** The first line logged from index `since` on that `matches`, as soon as it is written. */
  logged(matches: (line: LogLine) => boolean, since?: number): Promise<LogLine>;
  /** What the bot's per-person answer limit reads as "now". */
  readonly now: number;
  /** Moves that clock (a world started with `manualClock`). */
  advanceClock(ms: number): void;
  /** How each interaction and message ended, as the bot reported it once all it sent had landed. */
  readonly settled: Settled[];
  /** Calls `watch` as each is reported, at that moment (before the test's exchange returns). */
  onSettled(watch: (settled: Settled) => void): void;
  /** The bot's report for `id`, as soon as it is made (for an event no exchange waits on: its own message). */
  reported(id: string): Promise<Settled>;
  /** Stops the bot and starts a new one on the same local Discord and data directory. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

export const START_TIME = 1_800_000_000_000;

/**
 * A test file's worlds, one per transport, each started the first time a block asks for it and
 * all stopped once the file is done.
 */
export function sharedWorlds(
  start: (transport: Transport) => Promise<World>,
): (transport: Transport) => Promise<World> {
  const started = new Map<Transport, Promise<World>>();
  afterAll(async () => {
    for (const world of started.values()) await (await world).stop();
  });
  return (transport) => {
    const known = started.get(transport);
    if (known) return known;
    const starting = start(transport);
    started.set(transport, starting);
    return starting;
  };
}

export interface WorldOptions extends LocalDiscordOptions {
  readonly transport?: Transport;
  /** The answer limit's clock stands at START_TIME and moves only when a test moves it. */
  readonly manualClock?: boolean;
}

/** A world for conversations and settings: the answer limit's clock moves only when a test moves it. */
export function startBotWorld(transport: Transport = 'gateway'): Promise<World> {
  return startWorld({ transport, manualClock: true });
}

/**
 * The real bot on a local Discord. Every exchange ends on the bot's report that it settled it
 * (`settlement: 'reported'`), never on a quiet window: silence is the bot's own `ignored`, with
 * its reason. The exchange's time limit is only the failure path of a report that never comes.
 */
export async function startWorld({
  transport = 'gateway',
  manualClock = false,
  ...options
}: WorldOptions = {}): Promise<World> {
  const discord = await LocalDiscord.start({ settlement: 'reported', timeoutMs: 10_000, ...options });
  const dataDir = await mkdtemp(join(tmpdir(), 'policy-bot-e2e-'));
  const logs: LogLine[] = [];
  const logWatchers = new Set<(line: LogLine) => void>();
  const logger = pino(
    { level: 'info' },
    {
      write: (text: string) => {
        const line = JSON.parse(text) as LogLine;
        logs.push(line);
        for (const watch of logWatchers) watch(line);
      },
    },
  );
  let clock = START_TIME;
  const now = (): number => (manualClock ? clock : Date.now());
  const settled: Settled[] = [];
  const watchers: ((settled: Settled) => void)[] = [];
  const onSettled = (done: Settled): void => {
    settled.push(done);
    discord.settle(done);
    for (const watch of watchers) watch(done);
  };
  const common = {
    token: discord.botToken,
    applicationId: discord.applicationId,
    restApi: discord.restApi,
    dataDir,
    logger,
    now,
    onSettled,
  };
  const launch = async (): Promise<RunningBot | RunningHttpBot> => {
    if (transport === 'gateway') {
      const running = await startBot(common);
      await discord.whenReady();
      return running;
    }
    const running = await startHttpBot({ ...common, publicKey: discord.publicKey });
    const saved = await discord.setInteractionsEndpoint(running.interactionsUrl);
    if (!saved.ok) throw new Error(`the local Discord refused the endpoint: ${saved.reason}`);
    return running;
  };
  let bot = await launch();
  return {
    transport,
    discord,
    dataDir,
    get bot() {
      return bot;
    },
    get client() {
      if (!('client' in bot)) throw new Error('an HTTP bot has no discord.js client');
      return bot.client;
    },
    logs,
    logged(matches, since = 0) {
      const found = logs.slice(since).find(matches);
      if (found) return Promise.resolve(found);
      return new Promise((resolve) => {
        const watch = (line: LogLine): void => {
          if (!matches(line)) return;
          logWatchers.delete(watch);
          resolve(line);
        };
        logWatchers.add(watch);
      });
    },
    get now() {
      return now();
    },
    advanceClock(ms: number) {
      clock += ms;
    },
    settled,
    onSettled(watch) {
      watchers.push(watch);
    },
    reported(id) {
      const found = settled.find((done) => done.id === id);
      if (found) return Promise.resolve(found);
      return new Promise((resolve) => {
        watchers.push((done) => {
          if (done.id === id) resolve(done);
        });
      });
    },
    async restart() {
      await bot.stop();
      bot = await launch();
    },
    async stop() {
      await bot.stop();
      await discord.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** What a message-creating reply carried: a callback's `data`, or the body of an edit or follow-up. */
export interface MessageData {
  readonly content?: string | null;
  readonly embeds?: readonly { title?: string; description?: string; footer?: { text?: string } }[];
  readonly components?: readonly { type: number; components: readonly ButtonData[] }[];
  readonly allowed_mentions?: { parse?: readonly string[]; users?: readonly string[]; replied_user?: boolean };
  readonly message_reference?: { message_id?: string };
  readonly flags?: number;
}

export interface ButtonData {
  readonly type: number;
  readonly label?: string;
  readonly custom_id?: string;
  readonly disabled?: boolean;
}

/** The callback type (4 reply, 5 deferred, 7 update, 8 autocomplete), or undefined for a non-callback reply. */
export function callbackType(reply: Reply | undefined): number | undefined {
  return reply?.kind === 'callback' ? (reply.body as { type?: number }).type : undefined;
}

export function dataOf(reply: Reply | undefined): MessageData {
  if (!reply) throw new Error('no reply');
  const body = reply.body as { data?: MessageData } & MessageData;
  return reply.kind === 'callback' ? (body.data ?? {}) : body;
}

export function buttonsOf(data: MessageData): ButtonData[] {
  return (data.components ?? []).flatMap((row) => row.components).filter((component) => component.type === 2);
}

export function descriptionOf(data: MessageData): string {
  return (data.embeds ?? []).map((embed) => embed.description ?? '').join('\n\n');
}

/** The block quotes of a description that a citation closes, as `{ text, citation }`, bold marks removed. */
export function quotesOf(description: string): { text: string; citation: string }[] {
  return readQuotes(description).flatMap((quote) =>
    quote.citation ? [{ text: quote.text, citation: formatCitation(quote.citation) }] : [],
  );
}

/** Checks `condition` up to `tries` times, `intervalMs` apart; true as soon as it holds. */
export async function eventually(condition: () => boolean, tries = 100, intervalMs = 20): Promise<boolean> {
  for (let i = 0; i < tries; i++) {
    if (condition()) return true;
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
  return condition();
}

let people = 0;

/**
 * A new person for each call: the bot limits how many answers one person gets in a while, and
 * a test must not depend on what earlier tests asked.
 */
export function person(world: World, options: { guildId?: string; manageGuild?: boolean } = {}): SandboxUser {
  return world.discord.world.member(`person-${++people}`, options);
}

type NewMessage = Parameters<LocalDiscord['world']['addMessage']>[0];

/**
 * A message already in #general, as the channel holds it, delivered to no one: the target of a
 * message command, or an old message of the bot's with the buttons it left.
 */
export function messageInGeneral(
  discord: LocalDiscord,
  author: SandboxUser,
  content: string,
  components: NewMessage['components'] = [],
): StoredMessage {
  return discord.world.addMessage({
    channelId: discord.world.general.id,
    author,
    content,
    embeds: [],
    components,
    flags: 0,
    type: 0,
    messageReference: null,
    mentions: [],
    attachments: [],
    webhookId: null,
    interactionMetadata: null,
  });
}

export const CALLBACK_ROUTE = 'POST /interactions/:id/:token/callback';

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

/** A server of its own, with a moderator, #general and #policy. */
export interface TestServer {
  readonly guild: SandboxGuild;
  readonly mod: SandboxUser;
  readonly general: string;
  readonly policy: string;
}

export function newServer(world: World, name: string): TestServer {
  const { discord } = world;
  const guild = discord.world.addGuild(name);
  return {
    guild,
    mod: person(world, { guildId: guild.id, manageGuild: true }),
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
export async function configure(world: World, server: TestServer, options: OptionInput[]): Promise<MessageData> {
  const exchange = await world.discord.command({ user: server.mod, guildId: server.guild.id, name: 'config', options });
  if (exchange.denied) throw new Error(`/config refused: ${exchange.denied}`);
  const edit = exchange.replies.find((reply) => reply.kind === 'edit');
  if (!edit)
    throw new Error(`/config gave no edited answer: ${JSON.stringify(exchange.replies.map((reply) => reply.body))}`);
  return dataOf(edit);
}

/** The refusal of an answer past the per-person limit, with the seconds to wait. */
export const SLOW_DOWN = /^You are asking faster than I can answer fairly for everyone: please try again in (\d+) s\.$/;

/** Whether the reply is an answer quoting ¶4, or else the "try again" refusal (private); nothing else. */
export function verdictOf(exchange: Exchange): 'answered' | 'refused' {
  expect(exchange.denied).toBeUndefined();
  const data = dataOf(exchange.replies[0]);
  if (SLOW_DOWN.test(data.content ?? '')) {
    expect(exchange.replies[0]?.ephemeral).toBe(true);
    return 'refused';
  }
  expect(quotesOf(descriptionOf(data))[0]?.citation).toMatch(/^¶4/);
  return 'answered';
}

/** The text a `/config` answer shows: its title and description. */
export function textOf(data: MessageData): string {
  return `${titleOf(data)}\n${descriptionOf(data)}\n${data.content ?? ''}`;
}
