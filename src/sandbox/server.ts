import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { SandboxConfig, SandboxCore } from './core.js';
import { FaultPlan } from './faults.js';
import { GatewayServer } from './gateway/server.js';
import { InteractionTracker } from './interactions/tracker.js';
import { createRestHandler } from './rest/http.js';
import { RateLimiter, type RateLimitOptions } from './rest/rate-limits.js';
import { buildRoutes } from './rest/routes.js';
import { type SnowflakeGenerator } from './snowflake.js';
import { CommandRegistry } from './state/commands.js';
import { World } from './state/world.js';
import { Settlements, type SettlementMode } from './settlements.js';
import { SigningKeys } from './signing.js';
import { SandboxStats } from './stats.js';
import type { TrafficRecorder } from './traffic.js';
import { ChannelWatchers } from './watchers.js';

export interface ListeningSandbox {
  readonly core: SandboxCore;
  readonly port: number;
  /** "METHOD /route/:id" of every REST route served. */
  readonly routes: readonly string[];
  close(): Promise<void>;
}

export interface ListenOptions {
  readonly botName: string;
  /** 0 picks a free port. */
  readonly port: number;
  readonly traffic: TrafficRecorder | null;
  readonly rateLimits: RateLimitOptions | false;
  readonly settlement: SettlementMode;
}

/** Builds the shared state and serves REST and the gateway on one 127.0.0.1 port. */
export async function listen(
  config: SandboxConfig,
  ids: SnowflakeGenerator,
  { botName, port, traffic, rateLimits, settlement }: ListenOptions,
): Promise<ListeningSandbox> {
  const stats = new SandboxStats();
  const world = new World({ ids, shards: config.shards, applicationId: config.applicationId, botName });
  const gateway = new GatewayServer({
    world,
    botToken: config.botToken,
    applicationId: config.applicationId,
    heartbeatIntervalMs: config.heartbeatIntervalMs,
    stats,
    nextId: () => ids.next(),
    traffic,
  });
  world.connect(gateway);
  const core: SandboxCore = {
    config,
    world,
    commands: new CommandRegistry(() => ids.next()),
    interactions: new InteractionTracker(config.webhookLifetimeMs),
    watchers: new ChannelWatchers(),
    gateway,
    stats,
    faults: new FaultPlan(),
    settlements: new Settlements(settlement),
    http: { keys: new SigningKeys(), endpoint: null },
    rateLimits: rateLimits === false ? null : new RateLimiter(rateLimits),
    traffic,
  };
  const router = buildRoutes(core);
  const server: Server = createServer({ keepAlive: true, noDelay: true }, createRestHandler(core, router));
  // Longer than undici's idle timeout, so the bot's pooled connections are not cut under it.
  server.keepAliveTimeout = 60_000;
  server.on('connection', () => stats.sockets++);
  server.on('upgrade', (request, socket: Socket, head: Buffer) => gateway.handleUpgrade(request, socket, head));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const actualPort = (server.address() as AddressInfo).port;
  gateway.url = `ws://127.0.0.1:${actualPort}/gateway`;
  const sweeper = setInterval(() => core.interactions.sweep(), 60_000);
  sweeper.unref();
  return {
    core,
    port: actualPort,
    routes: router.routes.map((route) => `${route.method} ${route.bucket}`),
    close: async () => {
      clearInterval(sweeper);
      gateway.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await traffic?.close();
    },
  };
}
