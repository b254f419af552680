import { Client, Events, GatewayIntentBits, Partials, type Interaction } from 'discord.js';
import type { LocalDiscord } from '../../src/sandbox/index.js';
import type { BotOptions, RunningBot } from '../../src/sandbox/bot-contract.js';

export interface NoopBotOptions {
  /** Command definitions registered (PUT) at start-up, like a real bot's deploy. */
  readonly commands?: readonly Record<string, unknown>[];
  /** Replaces the default handler (every chat command → reply "ok"). */
  readonly handle?: (interaction: Interaction) => Promise<void>;
  readonly shards?: readonly number[];
  readonly shardCount?: number;
  readonly intents?: readonly GatewayIntentBits[];
}

/** The baseline bot: `/ping` and every other chat command is answered "ok"; nothing else. */
export const NOOP_COMMANDS: readonly Record<string, unknown>[] = [{ name: 'ping', description: 'Replies ok' }];

/**
 * A real discord.js client against the local Discord, answering every chat command with
 * `interaction.reply('ok')`. Same shape as `startBot` (src/gateway/start.ts), so tests and
 * benchmarks can swap one for the other.
 */
export function startNoopBot(discord: LocalDiscord, options: NoopBotOptions = {}): Promise<RunningBot> {
  return startNoopBotWith(
    { token: discord.botToken, applicationId: discord.applicationId, restApi: discord.restApi, dataDir: '' },
    options,
  );
}

/** The same bot started from `startBot`'s options (what the CLI passes). */
export async function startNoopBotWith(bot: BotOptions, options: NoopBotOptions = {}): Promise<RunningBot> {
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
    (async (interaction: Interaction) => {
      if (interaction.isChatInputCommand()) await interaction.reply('ok');
    });
  client.on(Events.InteractionCreate, (interaction) => {
    handle(interaction).catch(() => undefined);
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
