import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GatewayIntentBits } from 'discord.js';
import { Agent } from 'undici';
import { REST_AGENT_OPTIONS } from '../../src/transport/rest-agent.js';
import { startBot } from '../../src/gateway/start.js';
import { startHttpBot } from '../../src/http/start.js';
import { createLogger } from '../../src/log/logger.js';
import type { RunningBot, RunningHttpBot } from '../../src/sandbox/index.js';
import { startNoopBotWith } from '../../tests/sandbox/noop-bot.js';
import { startNoopHttpBot } from './noop-http-bot.js';

/** Where a bot connects: one local Discord of the Discord process. */
export interface Endpoint {
  readonly restApi: string;
  readonly token: string;
  readonly applicationId: string;
  /** The application's public key (hex), for a bot served as HTTP interactions. */
  readonly publicKey: string;
}

export interface BotStartArgs {
  readonly endpoint: Endpoint;
  /** What the bot PUTs at start-up: the no-op bot registers policy-bot's definitions, so both PUT the same body. */
  readonly commands: readonly Record<string, unknown>[];
  /** PostgreSQL for settings and fair use (policy-bot over HTTP only), as several instances share them. */
  readonly database?: { readonly url: string; readonly schema: string };
}

export interface BotKind {
  /** What the table calls it. */
  readonly label: string;
  /** Its REST agent, as printed beside its figures. */
  readonly agent: string;
  /** How interactions reach it: INTERACTION_CREATE on its gateway socket, or signed POSTs to its endpoint. */
  readonly transport: 'gateway' | 'http';
  /** A baseline, which the others are compared with (of its transport). */
  readonly baseline: boolean;
  /**
   * Called in the bot's own process; resolves once discord.js emitted ClientReady, or, over HTTP,
   * once the endpoint listens (its URL is then saved with the local Discord).
   */
  start(args: BotStartArgs): Promise<RunningBot | RunningHttpBot>;
}

/** policy-bot's agent (src/transport/rest-agent.ts), which the pooled no-op bots get too for a fair variant. */
const POOLED_LABEL = `undici Agent, ${REST_AGENT_OPTIONS.connections} connections, keep-alive ${REST_AGENT_OPTIONS.keepAliveTimeout / 1000} s`;

/**
 * The bots measured. The fair-use limit (6 answers per person per 30 s) is raised for policy-bot:
 * the load comes from a few hundred people, and every interaction must get a real answer, not a
 * "slow down". Logs are policy-bot's own (pino, info, async) into the process's stdout, which
 * the benchmark points at /dev/null.
 */
export const BOT_KINDS = {
  noop: {
    label: 'no-op bot',
    agent: '@discordjs/rest default (undici global dispatcher)',
    transport: 'gateway',
    baseline: true,
    start: ({ endpoint, commands }) => startNoopBotWith({ ...endpoint, dataDir: '' }, { commands }),
  },
  'noop-pooled': {
    label: 'no-op bot, pooled agent',
    agent: POOLED_LABEL,
    transport: 'gateway',
    baseline: true,
    async start({ endpoint, commands }) {
      const bot = await startNoopBotWith({ ...endpoint, dataDir: '' }, { commands });
      // After the PUT and login; replies (everything measured) go through the pool.
      bot.client.rest.setAgent(new Agent(REST_AGENT_OPTIONS));
      return bot;
    },
  },
  'noop-echoed': {
    label: 'no-op bot, pooled agent, GuildMessages',
    agent: POOLED_LABEL,
    transport: 'gateway',
    baseline: true,
    async start({ endpoint, commands }) {
      // policy-bot's intents: its public replies come back to it as MESSAGE_CREATE, as policy-bot's do.
      const bot = await startNoopBotWith(
        { ...endpoint, dataDir: '' },
        {
          commands,
          intents: [GatewayIntentBits.Guilds, GatewayIntentBits.DirectMessages, GatewayIntentBits.GuildMessages],
        },
      );
      bot.client.rest.setAgent(new Agent(REST_AGENT_OPTIONS));
      return bot;
    },
  },
  policy: {
    label: 'policy-bot',
    agent: `${POOLED_LABEL} (src/transport/rest-agent.ts)`,
    transport: 'gateway',
    baseline: false,
    async start({ endpoint }) {
      const dataDir = mkdtempSync(join(tmpdir(), 'policy-bot-bench-'));
      const bot = await startBot({
        ...endpoint,
        dataDir,
        logger: createLogger('info', 1),
        fairUse: { answers: Number.MAX_SAFE_INTEGER },
      });
      return {
        client: bot.client,
        stop: async () => (await bot.stop(), rmSync(dataDir, { recursive: true, force: true })),
      };
    },
  },
  'noop-http': {
    label: 'no-op HTTP endpoint',
    agent: 'none (answers in the HTTP response)',
    transport: 'http',
    baseline: true,
    start: (args) => startNoopHttpBot(args),
  },
  'policy-http': {
    label: 'policy-bot over HTTP',
    agent: `${POOLED_LABEL}, for the webhook only`,
    transport: 'http',
    baseline: false,
    async start({ endpoint, database }) {
      const dataDir = mkdtempSync(join(tmpdir(), 'policy-bot-bench-'));
      const bot = await startHttpBot({
        ...endpoint,
        dataDir,
        ...(database ? { databaseUrl: database.url, databaseSchema: database.schema } : {}),
        logger: createLogger('info', 1),
        // PostgreSQL counts the limit in an integer column.
        fairUse: { answers: database ? 2 ** 31 - 1 : Number.MAX_SAFE_INTEGER },
      });
      return {
        interactionsUrl: bot.interactionsUrl,
        stop: async () => (await bot.stop(), rmSync(dataDir, { recursive: true, force: true })),
      };
    },
  },
} satisfies Record<string, BotKind>;

export type BotKindName = keyof typeof BOT_KINDS;

/** A bot to measure, by the name of its kind. */
export interface BotSpec {
  readonly id: string;
  readonly kind: BotKindName;
  readonly label: string;
}

export function parseBotSpec(id: string): BotSpec {
  if (!(id in BOT_KINDS)) throw new Error(`unknown bot ${id}: one of ${Object.keys(BOT_KINDS).join(', ')}`);
  const kind = id as BotKindName;
  return { id, kind, label: BOT_KINDS[kind].label };
}
