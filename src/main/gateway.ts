/**
 * `npm start`: the bot against Discord, configured from `.env`. Stops cleanly on SIGINT/SIGTERM:
 * no new work, the replies under way finished, storage closed, exit 0.
 */
import 'dotenv/config';
import { EnvironmentError, readEnvironment } from './environment.js';
import { createLogger } from '../log/logger.js';
import { startBot } from '../gateway/start.js';

let environment;
try {
  environment = readEnvironment(process.env);
} catch (error) {
  if (!(error instanceof EnvironmentError)) throw error;
  process.stderr.write(`policy-bot cannot start: ${error.message}\n`);
  process.exit(1);
}

// Under `npm run start:sharded` every shard process writes to the same stdout: each line says which shard.
const shard = process.env['SHARDING_MANAGER'] ? Number(process.env['SHARDS']) : undefined;
const logger =
  shard === undefined ? createLogger(environment.logLevel) : createLogger(environment.logLevel).child({ shard });
// A stray rejection is logged, never fatal: one bad reply must not take the bot down for everyone.
process.on('unhandledRejection', (reason) => logger.error({ err: reason }, 'unhandled rejection'));

try {
  const bot = await startBot({
    token: environment.token,
    applicationId: environment.applicationId,
    dataDir: environment.dataDir,
    databaseUrl: environment.databaseUrl,
    databaseSchema: environment.databaseSchema,
    interactions: environment.interactions,
    logger,
    ...(environment.restApi ? { restApi: environment.restApi } : {}),
  });
  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping');
    bot.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'stop failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
  // A shard whose manager is gone (killed, crashed) stops too, or a restarted manager's shard would answer beside it.
  if (shard !== undefined) process.on('disconnect', () => stop('manager gone'));
} catch (error) {
  logger.fatal({ err: error }, 'could not start');
  process.stderr.write(`policy-bot could not start: ${(error as Error).message}\n`);
  process.exit(1);
}
