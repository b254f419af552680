import { Client, GatewayIntentBits, Options, type ClientOptions } from 'discord.js';
import { Agent } from 'undici';
import { REST_AGENT_OPTIONS } from '../transport/rest-agent.js';
import { readRawEvents } from './raw-events.js';

export interface ClientSettings {
  /** REST base, e.g. the local Discord's `http://127.0.0.1:PORT/api`; Discord's own when unset. */
  readonly restApi?: string;
  /** Skip discord.js's 5 s wait between IDENTIFYs: only the local Discord allows that. */
  readonly fastIdentify?: boolean;
}

/**
 * A discord.js client with only what the bot needs: Guilds, DirectMessages and GuildMessages
 * (for @mentions; no privileged intent: DMs and mentions carry their content without Message
 * Content), and no mention ever parsed unless a reply names one. The bot reads interactions and
 * messages as Discord's JSON (see ./raw-events.ts); the client keeps the gateway and the guilds
 * and channels the bot is in.
 */
export function createClient(settings: ClientSettings = {}): Client {
  const options: ClientOptions = {
    intents: [GatewayIntentBits.Guilds, GatewayIntentBits.DirectMessages, GatewayIntentBits.GuildMessages],
    allowedMentions: { parse: [], repliedUser: false },
    // Nothing reads old messages back (buttons carry their message), and the bot's own public
    // answers arrive as MESSAGE_CREATE: caching them would only grow memory. Every interaction
    // and message carries its own user and member, so only the bot's own are kept: otherwise
    // everyone who ever asked would stay in memory for the life of the process.
    makeCache: Options.cacheWithLimits({
      ...Options.DefaultMakeCacheSettings,
      MessageManager: 0,
      UserManager: { maxSize: 0, keepOverLimit: (user) => user.id === user.client.user.id },
      GuildMemberManager: { maxSize: 0, keepOverLimit: (member) => member.id === member.client.user.id },
    }),
    rest: {
      ...(settings.restApi ? { api: settings.restApi } : {}),
      agent: new Agent(REST_AGENT_OPTIONS),
    },
  };
  if (settings.fastIdentify)
    options.ws = { buildIdentifyThrottler: () => Promise.resolve({ waitForIdentify: () => Promise.resolve() }) };
  const client = new Client(options);
  readRawEvents(client);
  return client;
}
