import { Events, type Client, type Guild } from 'discord.js';
import { COMMANDS, EXTRA_DEFINITIONS } from '../../commands/index.js';
import { loadCorpus } from '../corpus/load.js';
import { sourceLine } from '../replies/source-line.js';
import { articleSearch } from '../search/search.js';
import { openSettingsStore } from '../settings/index.js';
import { createClient } from './client.js';
import { FairUse, type FairUseOptions } from './fair-use.js';
import { createLogger, type Logger } from './logger.js';
import { Router } from './router.js';

export interface BotOptions {
  readonly token: string;
  readonly applicationId: string;
  /** REST base of a local Discord; Discord's own when unset. */
  readonly restApi?: string;
  readonly dataDir: string;
  readonly logLevel?: string;
  readonly logger?: Logger;
  /** PUT the command definitions at start-up (the local Discord); production uses `npm run deploy-commands`. */
  readonly registerCommands?: boolean;
  /** The per-person answer limit (default 6 answers per 30 s); tests inject a clock here. */
  readonly fairUse?: FairUseOptions;
}

export interface RunningBot {
  readonly client: Client;
  /** Stops taking work, finishes the replies under way, and disconnects. */
  stop(): Promise<void>;
}

export async function startBot(options: BotOptions): Promise<RunningBot> {
  const logger = options.logger ?? createLogger(options.logLevel ?? 'info', 2);
  const corpus = loadCorpus();
  // An unreadable settings file stops the start here, with a message naming it.
  const settings = openSettingsStore({ dataDir: options.dataDir, logger });
  const context = { corpus, search: articleSearch(), settings };
  const local = options.restApi !== undefined;
  const client = createClient({ ...(options.restApi ? { restApi: options.restApi } : {}), fastIdentify: local });
  const router = new Router({
    context,
    logger,
    footer: sourceLine(corpus),
    fairUse: new FairUse(options.fairUse),
    botId: () => client.user?.id,
  });

  client.on(Events.InteractionCreate, (interaction) => void router.handle(interaction));
  client.on(Events.MessageCreate, (message) => void router.handleMessage(message));
  client.on(Events.Error, (error) => logger.error({ err: error }, 'client error'));
  // A listener must never reject inside discord.js's gateway handling: storage trouble is logged instead.
  const forget = (channelId: string): void => {
    settings.forgetChannel(channelId).then(
      (guilds) => {
        if (guilds.length) logger.info({ channel: channelId, guilds }, 'deleted channel removed from answer channels');
      },
      (error: unknown) =>
        logger.error({ err: error, channel: channelId }, 'could not remove a deleted channel from the answer channels'),
    );
  };
  client.on(Events.ChannelDelete, (channel) => forget(channel.id));
  // Channels deleted while the bot was away never send CHANNEL_DELETE: drop them when the guild is seen.
  const forgetDeletedChannels = (guild: Guild): void => {
    if (!guild.available) return;
    for (const channelId of settings.get(guild.id).answerChannels) {
      if (!guild.channels.cache.has(channelId)) forget(channelId);
    }
  };
  client.on(Events.GuildCreate, forgetDeletedChannels);
  client.on(Events.ShardDisconnect, (event, shard) => logger.warn({ code: event.code, shard }, 'gateway disconnected'));
  client.on(Events.ShardResume, (shard, replayed) => logger.info({ shard, replayed }, 'gateway resumed'));

  try {
    if (options.registerCommands ?? local) {
      client.rest.setToken(options.token);
      await client.rest.put(`/applications/${options.applicationId}/commands`, {
        body: [...COMMANDS.map((c) => c.definition), ...EXTRA_DEFINITIONS],
      });
    }
    const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
    await client.login(options.token);
    await ready;
    for (const guild of client.guilds.cache.values()) forgetDeletedChannels(guild);
  } catch (error) {
    settings.close();
    await client.destroy();
    throw error;
  }
  logger.info({ user: client.user?.tag, guilds: client.guilds.cache.size }, 'ready');

  return {
    client,
    async stop() {
      await router.drain();
      await client.destroy();
      settings.close();
      logger.info('stopped');
    },
  };
}
