import { Client, Events, GatewayIntentBits, Partials, type Interaction, type Message } from 'discord.js';
import type { BotOptions, LocalDiscord, RunningBot, Settlement } from '../../src/sandbox/index.js';

export interface NoopBotOptions {
  /** Command definitions registered (PUT) at start-up, like a real bot's deploy. */
  readonly commands?: readonly Record<string, unknown>[];
  /**
   * Replaces the default handler (every chat command → reply "ok"). What it returns is reported
   * as the interaction's settlement ('answered' when it returns nothing, 'error' when it throws).
   */
  readonly handle?: (interaction: Interaction) => Promise<Settlement | void>;
  /** Handles people's messages (none by default: each is reported ignored). */
  readonly handleMessage?: (message: Message) => Promise<Settlement>;
  readonly shards?: readonly number[];
  readonly shardCount?: number;
  readonly intents?: readonly GatewayIntentBits[];
}

/** A started no-op bot: its discord.js client is the tests' to inspect. */
export interface NoopBot extends RunningBot {
  readonly client: Client;
}

/** The baseline bot: `/ping` and every other chat command is answered "ok"; nothing else. */
export const NOOP_COMMANDS: readonly Record<string, unknown>[] = [{ name: 'ping', description: 'Replies ok' }];

/**
 * A real discord.js client against the local Discord, answering every chat command with
 * `interaction.reply('ok')` and reporting each event settled once its handler is done. Same
 * shape as `startBot` (src/bot/start.ts), so tests and benchmarks can swap one for the other.
 */
export function startNoopBot(discord: LocalDiscord, options: NoopBotOptions = {}): Promise<NoopBot> {
  return startNoopBotWith(
    {
      token: discord.botToken,
      applicationId: discord.applicationId,
      restApi: discord.restApi,
      dataDir: '',
      onSettled: (report) => void discord.settle(report),
    },
    options,
  );
}

/** The same bot started from `startBot`'s options (what the CLI passes). */
export async function startNoopBotWith(bot: BotOptions, options: NoopBotOptions = {}): Promise<NoopBot> {
  const client = new Client({
    intents: [...(options.intents ?? [GatewayIntentBits.Guilds, GatewayIntentBits.DirectMessages])],
    partials: [Partials.Channel],
    rest: bot.restApi ? { api: bot.restApi } : {},
    ...(options.shards ? { shards: [...options.shards], shardCount: options.shardCount ?? options.shards.length } : {}),
    // discord.js waits ~5 s between two IDENTIFYs of a shard; the sandbox has no such limit.
    ws: { buildIdentifyThrottler: () => ({ waitForIdentify: () => Promise.resolve() }) },
  });
  const handle =
    options.handle ??
    (async (interaction: Interaction): Promise<Settlement | void> => {
      if (!interaction.isChatInputCommand()) return { outcome: 'ignored', reason: 'not a slash command' };
      await interaction.reply('ok');
    });
  const report = (id: string, settlement: Settlement): void => bot.onSettled?.({ id, ...settlement });
  client.on(Events.InteractionCreate, (interaction) => {
    handle(interaction).then(
      (settlement) => report(interaction.id, settlement ?? { outcome: 'answered' }),
      () => report(interaction.id, { outcome: 'error' }),
    );
  });
  client.on(Events.MessageCreate, (message) => {
    if (message.author.bot) return;
    const handled = options.handleMessage?.(message) ?? Promise.resolve({ outcome: 'ignored', reason: 'no-op bot' });
    handled.then(
      (settlement) => report(message.id, settlement),
      () => report(message.id, { outcome: 'error' }),
    );
  });
  client.rest.setToken(bot.token);
  await client.rest.put(`/applications/${bot.applicationId}/commands`, { body: options.commands ?? NOOP_COMMANDS });
  const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
  await client.login(bot.token);
  await ready;
  return {
    client,
    stop: async () => {
      await client.destroy();
    },
  };
}
