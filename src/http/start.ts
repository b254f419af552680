import type { AddressInfo } from 'node:net';
import { REST } from '@discordjs/rest';
import { Routes } from 'discord.js';
import { Agent } from 'undici';
import { definitions, dispatchDeps, MemoryLedger, shippedArticle } from '../dispatch/index.js';
import { Activity } from '../log/activity.js';
import { InFlight } from '../transport/in-flight.js';
import { PostRefusals } from '../transport/post-refusals.js';
import { REST_AGENT_OPTIONS } from '../transport/rest-agent.js';
import type { Settled } from '../transport/settle.js';
import { botLogger, openBotStorage, type CommonBotOptions } from '../transport/bot-options.js';
import { warmChinese } from '../search/search.js';
import { restChannelAccess } from './channel-access.js';
import { answerInteraction } from './interactions.js';
import { pageRoutes, type PageHandler } from './pages.js';
import { createHttpServer } from './server.js';
import { InteractionSignature } from './signature.js';
import type { HttpTransport } from './transport.js';

export interface HttpBotOptions extends CommonBotOptions {
  /** DISCORD_PUBLIC_KEY: the application's Ed25519 public key, 64 hex digits. */
  readonly publicKey: string;
  /**
   * Answering needs no token. With one, the bot reads its own permissions in a channel over REST
   * (for `/config`), and can register the commands at start-up (the local Discord).
   */
  readonly token?: string | undefined;
  /** 0 (the default) takes a free port. */
  readonly port?: number;
  /** Where to listen: every interface unless set (the local Discord's bot: 127.0.0.1). */
  readonly host?: string;
  /**
   * The bot's clock (ms since the epoch): the dispatcher's, and when a setting was changed; tests
   * inject one. The signature's timestamp is always read against the real one.
   */
  readonly now?: () => number;
  /** Called once per interaction, after its response and every request made for it have completed. */
  readonly onSettled?: (settled: Settled) => void;
  /** PRIVACY_CONTACT, named on /privacy and /terms. */
  readonly privacyContact?: string | undefined;
  /** Pages beside the usual ones (or in their place), by path. */
  readonly pages?: Readonly<Record<string, PageHandler>>;
}

export interface RunningHttpBot {
  /** `http://HOST:PORT/interactions`: the Interactions Endpoint URL, behind whatever HTTPS front. */
  readonly interactionsUrl: string;
  readonly port: number;
  /**
   * Stops taking requests (each is refused with 503, the health check's too), finishes those under
   * way and what comes after their responses, then stops listening and closes storage.
   */
  stop(): Promise<void>;
}

/** Interactions remembered, to refuse one sent again; the signature's timestamp bounds how long a replay can come. */
const ANSWERED_LIMIT = 100_000;

/**
 * The bot over HTTP interactions: a node:http server verifying each POST's signature and answering
 * it from the dispatcher in the HTTP response, with what may take longer sent after it through the
 * interaction webhook. It holds no connection to Discord: any number of instances can answer
 * behind a load balancer, sharing settings and fair use through PostgreSQL (DATABASE_URL).
 */
export async function startHttpBot(options: HttpBotOptions): Promise<RunningHttpBot> {
  const logger = botLogger(options);
  const signature = new InteractionSignature(options.publicKey);
  const context = shippedArticle();
  const storage = await openBotStorage(options, logger);
  const rest = new REST({ ...(options.restApi ? { api: options.restApi } : {}), agent: new Agent(REST_AGENT_OPTIONS) });
  const local = options.restApi !== undefined;
  const http: HttpTransport = {
    logger,
    activity: new Activity(logger),
    onSettled: options.onSettled,
    deps: dispatchDeps({
      privacyUrl: options.privacyUrl,
      settings: storage.settings,
      // A bot's user id is its application's: only messages (never over HTTP) need it.
      botId: options.applicationId,
      context,
      fairUse: storage.fairUse,
      ...(options.now ? { now: options.now } : {}),
      ...(options.token
        ? {
            channelAccess: restChannelAccess(
              new REST({
                ...(options.restApi ? { api: options.restApi } : {}),
                agent: new Agent(REST_AGENT_OPTIONS),
              }).setToken(options.token),
              options.applicationId,
            ),
          }
        : {}),
    }),
    rest,
    signature,
    work: new InFlight(),
    refusals: new PostRefusals(),
    answered: new MemoryLedger(ANSWERED_LIMIT),
    clock: Date.now,
  };
  const pages = new Map(
    pageRoutes({ privacyContact: options.privacyContact, applicationId: options.applicationId, context }),
  );
  for (const [path, page] of Object.entries(options.pages ?? {})) pages.set(path, page);
  if (!local && !options.privacyContact?.trim())
    logger.warn('PRIVACY_CONTACT is not set: /privacy and /terms name no contact for server owners');
  const server = createHttpServer({
    interactions: (req, res) => answerInteraction(http, req, res),
    pages,
    work: http.work,
    logger,
  });

  try {
    if (options.registerCommands ?? local) {
      if (!options.token) throw new Error('registering the commands needs the bot token');
      const admin = new REST(options.restApi ? { api: options.restApi } : {}).setToken(options.token);
      await admin.put(Routes.applicationCommands(options.applicationId), { body: definitions() });
    }
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 0, options.host ?? (local ? '127.0.0.1' : undefined), () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (error) {
    await storage.end();
    throw error;
  }
  const { port, address, family } = server.address() as AddressInfo;
  const shown = address === '::' || address === '0.0.0.0' ? '127.0.0.1' : family === 'IPv6' ? `[${address}]` : address;
  logger.info({ port }, 'ready');
  // The Chinese tables load after the first answers can be given, not before.
  setImmediate(warmChinese);

  let stopped: Promise<void> | undefined;
  const stop = async (): Promise<void> => {
    // Still listening while it drains: a load balancer's health check reads 503, and a request
    // sent meanwhile is refused with 503 rather than a refused connection.
    await http.work.drain();
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeAllConnections();
    await closed;
    http.activity.stop();
    await storage.end();
    logger.info('stopped');
  };
  return {
    interactionsUrl: `http://${shown}:${port}/interactions`,
    port,
    stop: () => (stopped ??= stop()),
  };
}
