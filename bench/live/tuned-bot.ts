/**
 * policy-bot rebuilt from its own parts (the same Router, commands, corpus, search and settings
 * as src/bot/start.ts) with client changes switched on one by one, so the benchmark can show what a
 * proposed change to src/bot is worth before anyone makes it. Bench-only: the bot is src/bot/start.ts.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Client, Events, GatewayIntentBits, Partials, type ClientOptions } from 'discord.js';
import pino from 'pino';
import { Agent } from 'undici';
import { COMMANDS, EXTRA_DEFINITIONS } from '../../commands/index.js';
import { loadCorpus } from '../../src/corpus/load.js';
import { createLogger } from '../../src/bot/logger.js';
import { FairUse } from '../../src/bot/fair-use.js';
import { Router } from '../../src/bot/router.js';
import { sourceLine } from '../../src/replies/source-line.js';
import { articleSearch } from '../../src/search/search.js';
import { openSettingsStore } from '../../src/settings/index.js';
import type { RunningBot } from '../../src/sandbox/index.js';
import type { Endpoint } from './bots.js';

export const TWEAKS = {
  /**
   * Outgoing embeds/components are Discord JSON already (src/replies/render.ts): skip discord.js's
   * deep toSnakeCase (lodash.snakecase on every key of every reply). src/bot would do it in payload.ts.
   */
  'raw-json': 'jsonTransformer = identity (payloads are Discord JSON already)',
  /** Upper bound of the MESSAGE_CREATE echo's cost; not a proposal (mentions in servers need the intent). */
  'no-guild-messages': 'without the GuildMessages intent',
  /** Upper bound of the per-interaction info log's cost. */
  'warn-logs': 'log level warn',
  /** The same info lines, written 4 KB at a time instead of one write per line. */
  'buffered-logs': 'pino destination minLength 4096',
} as const;
export type Tweak = keyof typeof TWEAKS;

/** What each start-up step took, in ms. */
export type StartSteps = Record<string, number>;

export async function startTunedBot(endpoint: Endpoint, tweaks: readonly Tweak[], steps: StartSteps = {}): Promise<RunningBot> {
  const on = (tweak: Tweak): boolean => tweaks.includes(tweak);
  let mark = performance.now();
  const step = (name: string): void => {
    const now = performance.now();
    steps[name] = (steps[name] ?? 0) + now - mark;
    mark = now;
  };
  const logger = on('buffered-logs')
    ? pino({ level: 'info', redact: { paths: ['token', '*.token', 'headers.authorization'], censor: '[redacted]' } }, pino.destination({ fd: 1, sync: false, minLength: 4096 }))
    : createLogger(on('warn-logs') ? 'warn' : 'info', 1);
  const dataDir = mkdtempSync(join(tmpdir(), 'policy-bot-bench-'));
  const corpus = loadCorpus();
  step('corpus');
  const settings = openSettingsStore({ dataDir });
  step('settings');
  const context = { corpus, search: articleSearch(), settings };
  step('search index');

  const options: ClientOptions = {
    intents: [GatewayIntentBits.Guilds, GatewayIntentBits.DirectMessages, ...(on('no-guild-messages') ? [] : [GatewayIntentBits.GuildMessages])],
    partials: [Partials.Channel],
    allowedMentions: { parse: [], repliedUser: false },
    rest: { api: endpoint.restApi, agent: new Agent({ connections: 8, pipelining: 1, keepAliveTimeout: 30_000 }) },
    ws: { buildIdentifyThrottler: () => Promise.resolve({ waitForIdentify: async () => undefined }) } as ClientOptions['ws'],
    ...(on('raw-json') ? { jsonTransformer: (value: unknown) => value } : {}),
  };
  const client = new Client(options);
  const router = new Router({ context, logger, footer: sourceLine(corpus), fairUse: new FairUse({ answers: Number.MAX_SAFE_INTEGER }), botId: () => client.user?.id });
  client.on(Events.InteractionCreate, (interaction) => void router.handle(interaction));
  client.on(Events.MessageCreate, (message) => void router.handleMessage(message));
  client.on(Events.Error, (error) => logger.error({ err: error }, 'client error'));
  step('client');
  client.rest.setToken(endpoint.token);
  await client.rest.put(`/applications/${endpoint.applicationId}/commands`, { body: [...COMMANDS.map((c) => c.definition), ...EXTRA_DEFINITIONS] });
  step('PUT commands');
  const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
  await client.login(endpoint.token);
  await ready;
  step('login → ready');
  return {
    client,
    async stop() {
      await router.drain();
      await client.destroy();
      settings.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
