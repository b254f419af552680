import { Events, GatewayDispatchEvents, type Client } from 'discord.js';
import { definitions, dispatchDeps, shippedArticle, type DispatchDeps } from '../dispatch/index.js';
import { Activity } from '../log/activity.js';
import { warmChinese } from '../search/search.js';
import { inviteLinks } from '../invite/links.js';
import { warnUnanswerable } from './answer-reach.js';
import { cachedChannelAccess } from './channel-access.js';
import { createClient } from './client.js';
import { onChannelDelete } from './events/channel-delete.js';
import { onClientError } from './events/client-error.js';
import { forgetDeletedChannels, onGuildCreate } from './events/guild-create.js';
import { onGuildDelete } from './events/guild-delete.js';
import { onInteractionCreate } from './events/interaction-create.js';
import { onMessageCreate } from './events/message-create.js';
import { onReady } from './events/ready.js';
import { onShardDisconnect } from './events/shard-disconnect.js';
import { onShardResume } from './events/shard-resume.js';
import type { Gateway, Settled } from './gateway.js';
import { botLogger, openBotStorage, type CommonBotOptions } from '../transport/bot-options.js';
import { InFlight } from '../transport/in-flight.js';
import { PostRefusals } from '../transport/post-refusals.js';

export type { Settled };

export interface BotOptions extends CommonBotOptions {
  readonly token: string;
  /** The bot's clock (ms since the epoch): the dispatcher's, and when a setting was changed; tests inject one. */
  readonly now?: () => number;
  /**
   * Called once per interaction (with its id) and per message (with its id), after every REST
   * request made for it has completed: how it ended, and why when nothing was sent.
   */
  readonly onSettled?: (settled: Settled) => void;
  /**
   * Where interactions are answered: here (the default), or by `npm run start:http` instances, when
   * this process is the one gateway connection that answers DMs and @mentions beside them.
   */
  readonly interactions?: 'gateway' | 'http';
  /** Where words for the operator go besides the log (`npm start`: stdout): the invite link, when the bot is in no server. */
  readonly announce?: (words: string) => void;
}

export interface RunningBot {
  readonly client: Client;
  /** Stops taking work, finishes the replies under way, and disconnects. */
  stop(): Promise<void>;
}

/**
 * The bot over Discord's gateway: a discord.js client feeding the dispatcher Discord's JSON and
 * sending what it returns through the client's REST manager, one handler per event.
 */
export async function startBot(options: BotOptions): Promise<RunningBot> {
  const logger = botLogger(options);
  // The article is verified and indexed before the gateway connects: a bad corpus stops the start here.
  const context = shippedArticle();
  const storage = await openBotStorage(options, logger);
  const { settings, fairUse } = storage;
  const local = options.restApi !== undefined;
  const client = createClient({ ...(options.restApi ? { restApi: options.restApi } : {}), fastIdentify: local });
  let deps: DispatchDeps | undefined;
  const gateway: Gateway = {
    client,
    logger,
    settings,
    activity: new Activity(logger),
    work: new InFlight(),
    refusals: new PostRefusals(),
    deps: () => deps,
    onSettled: options.onSettled,
    interactions: (options.interactions ?? 'gateway') === 'gateway',
  };
  // Every channel the bot is in is in the client's cache (Guilds intent): a thread's parent is there.
  const threadParent = (channelId: string): string | null | undefined => {
    const channel = client.channels.cache.get(channelId);
    return channel?.isThread() ? channel.parentId : undefined;
  };
  const known = (botId: string): void => {
    deps ??= dispatchDeps({
      settings,
      botId,
      context,
      fairUse,
      threadParent,
      privacyUrl: options.privacyUrl,
      channelAccess: (guildId, channelId) => Promise.resolve(cachedChannelAccess(client, guildId, channelId)),
      ...(options.now ? { now: options.now } : {}),
    });
  };

  client.ws.on(GatewayDispatchEvents.Ready, onReady(known));
  client.ws.on(GatewayDispatchEvents.InteractionCreate, onInteractionCreate(gateway));
  client.ws.on(GatewayDispatchEvents.MessageCreate, onMessageCreate(gateway));
  client.on(Events.ChannelDelete, onChannelDelete(gateway));
  client.on(Events.GuildCreate, onGuildCreate(gateway));
  client.on(Events.GuildDelete, onGuildDelete(gateway));
  client.on(Events.ShardDisconnect, onShardDisconnect(gateway));
  client.on(Events.ShardResume, onShardResume(gateway));
  client.on(Events.Error, onClientError(gateway));

  try {
    if (options.registerCommands ?? local) {
      client.rest.setToken(options.token);
      await client.rest.put(`/applications/${options.applicationId}/commands`, { body: definitions() });
    }
    const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
    await client.login(options.token);
    await ready;
    for (const guild of client.guilds.cache.values()) forgetDeletedChannels(gateway, guild);
  } catch (error) {
    await storage.end();
    await client.destroy();
    throw error;
  }
  logger.info({ user: client.user?.tag, guilds: client.guilds.cache.size }, 'ready');
  warnUnanswerable(client, settings, logger);
  // One shard of several sees only its own servers: none there says nothing of the others.
  const alone = (client.shard?.count ?? 1) === 1;
  const invite = alone && client.guilds.cache.size === 0 ? inviteLinks(options.applicationId).server : undefined;
  if (invite) {
    logger.info({ invite }, 'in no server yet: add the bot to one with the invite link');
    options.announce?.(`policy-bot is in no server yet. Add it to one (you need Manage Server there):\n  ${invite}`);
  }
  // Once answering has begun: the first Chinese question then does not wait for OpenCC's tables.
  setImmediate(warmChinese);

  return {
    client,
    async stop() {
      await gateway.work.drain();
      gateway.activity.stop();
      await client.destroy();
      await storage.end();
      logger.info('stopped');
    },
  };
}
