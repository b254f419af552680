/**
 * `npm run start:sharded`: the bot under discord.js's ShardingManager, one process per shard.
 * Each process runs `gateway.ts` unchanged; its discord.js Client reads which shard it is from the
 * SHARDS / SHARD_COUNT variables the manager sets. Settings, logs and shutdown are as for
 * `npm start`: SIGINT/SIGTERM stop every shard (each finishes its replies), then exit 0.
 * SHARD_LIST (with SHARD_COUNT) runs only some of the shards, for a bot split across machines.
 */
import 'dotenv/config';
import type { ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import {
  DiscordAPIError,
  REST,
  Routes,
  ShardingManager,
  type RESTGetAPIGatewayBotResult,
  type Shard,
} from 'discord.js';
import { readEnvironment } from './environment.js';
import { logStrayRejections, readOrExit } from './process.js';
import { readShardPlan } from './shard-plan.js';
import { createLogger } from '../log/logger.js';

/** How long one shard may take from spawn to READY with all its guilds (discord.js default: 30 s). */
const SPAWN_TIMEOUT_MS = 120_000;
/** How long the shards get to finish their replies after SIGINT/SIGTERM before they are killed. */
const STOP_TIMEOUT_MS = 30_000;
/** discord.js's pause between two shard spawns: Discord lets a bot IDENTIFY once per 5 s. */
const SPAWN_DELAY_MS = 5_500;

/**
 * What /gateway/bot recommends, asked of `restApi` when set. ShardingManager's own 'auto' always
 * asks discord.com (fetchRecommendedShardCount ignores any REST base), hence this.
 */
async function recommendedShardCount(token: string, restApi: string | undefined): Promise<number> {
  const rest = new REST(restApi ? { api: restApi } : {}).setToken(token);
  const gateway = (await rest.get(Routes.gatewayBot())) as RESTGetAPIGatewayBotResult;
  if (!Number.isSafeInteger(gateway.shards) || gateway.shards < 1)
    throw new Error(`/gateway/bot recommended ${String(gateway.shards)} shards`);
  return gateway.shards;
}

const { environment, plan } = readOrExit(() => ({
  environment: readEnvironment(process.env),
  plan: readShardPlan(process.env),
}));

const logger = createLogger(environment.logLevel);
logStrayRejections(logger);

/** Every shard process alive now (a respawned shard is a new process). */
const live = new Set<ChildProcess>();
let whenAllExited: (() => void) | undefined;
let stopping = false;
let unclean = false;
let manager: ShardingManager | undefined;

async function stopAll(signal: string): Promise<number> {
  stopping = true;
  if (manager) manager.respawn = false;
  logger.info({ signal, shards: live.size }, 'stopping all shards');
  const deadline = setTimeout(() => {
    logger.error({ shards: live.size }, 'shards did not stop in time: killed');
    unclean = true;
    for (const child of live) child.kill('SIGKILL');
  }, STOP_TIMEOUT_MS);
  const exited = new Promise<void>((resolve) => (whenAllExited = resolve));
  for (const child of live) child.kill('SIGTERM');
  if (live.size > 0) await exited;
  clearTimeout(deadline);
  return unclean ? 1 : 0;
}

function stop(signal: string): void {
  if (stopping) return;
  stopAll(signal).then(
    (exitCode) => {
      logger.info('stopped');
      process.exit(exitCode);
    },
    (error: unknown) => {
      logger.error({ err: error }, 'stop failed');
      process.exit(1);
    },
  );
}
// Installed before anything is spawned, so a signal never leaves an orphaned shard behind.
process.on('SIGINT', () => stop('SIGINT'));
process.on('SIGTERM', () => stop('SIGTERM'));

function watch(shard: Shard): void {
  shard.on('spawn', (spawned) => {
    const child = spawned as ChildProcess;
    live.add(child);
    child.once('exit', () => {
      live.delete(child);
      if (live.size === 0) whenAllExited?.();
    });
    logger.info({ shard: shard.id, childPid: child.pid }, 'shard spawned');
    // A respawn racing a stop: it is stopped like the others.
    if (stopping) child.kill('SIGTERM');
  });
  shard.on('ready', () => logger.info({ shard: shard.id }, 'shard ready'));
  shard.on('death', (child) => {
    const { exitCode: code, signalCode: signal } = child as ChildProcess;
    if (stopping) logger.info({ shard: shard.id, code, signal }, 'shard stopped');
    else logger.error({ shard: shard.id, code, signal }, 'shard died; respawning');
    // Killed by the signal before it could handle it is fine; a shard whose own stop failed is not.
    if (stopping && code !== 0 && signal === null) unclean = true;
  });
  // A respawned shard that does not become ready: without a listener this 'error' would crash the manager.
  shard.on('error', (error) => {
    if (!stopping) logger.error({ err: error, shard: shard.id }, 'shard failed to respawn');
  });
}

const requested = plan.count;
// The machines that hold the other shards count answers and keep settings apart otherwise.
if (plan.list && !environment.databaseUrl)
  logger.warn(
    { shardList: plan.list },
    'SHARD_LIST without DATABASE_URL: these shards keep settings and fair use on this machine alone',
  );

try {
  const shards = requested === 'auto' ? await recommendedShardCount(environment.token, environment.restApi) : requested;
  const held = plan.list ?? Array.from({ length: shards }, (_, id) => id);
  logger.info(
    { shards, chosen: requested === 'auto' ? 'recommended by Discord' : 'SHARD_COUNT', held },
    'starting shards',
  );
  manager = new ShardingManager(fileURLToPath(new URL('./gateway.ts', import.meta.url)), {
    token: environment.token,
    totalShards: shards,
    shardList: [...held],
    mode: 'process',
    execArgv: ['--import', 'tsx'],
  });
  manager.on('shardCreate', watch);
  // The local Discord has no IDENTIFY rate limit to wait for.
  await manager.spawn({ delay: environment.restApi ? 0 : SPAWN_DELAY_MS, timeout: SPAWN_TIMEOUT_MS });
  if (!stopping) logger.info({ shards, held }, 'all shards ready');
} catch (error) {
  if (!stopping) {
    const refused = error instanceof DiscordAPIError && error.status === 401;
    const message = refused
      ? 'Discord refused DISCORD_TOKEN (401 Unauthorized): reset the token on the Bot page of the Developer Portal and update .env.'
      : (error as Error).message;
    logger.fatal({ err: error }, 'could not start');
    process.stderr.write(`policy-bot could not start: ${message}\n`);
    const code = await stopAll('start failed');
    process.exit(code === 0 ? 1 : code);
  }
}
