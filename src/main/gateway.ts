/**
 * `npm start`: the bot against Discord, configured from `.env`. Stops cleanly on SIGINT/SIGTERM:
 * no new work, the replies under way finished, storage closed, exit 0.
 */
import 'dotenv/config';
import { readEnvironment } from './environment.js';
import { couldNotStart, logStrayRejections, readOrExit, stopOnSignals } from './process.js';
import { createLogger } from '../log/logger.js';
import { startBot } from '../gateway/start.js';

const environment = readOrExit(() => readEnvironment(process.env));

// Under `npm run start:sharded` every shard process writes to the same stdout: each line says which shard.
const shard = process.env['SHARDING_MANAGER'] ? Number(process.env['SHARDS']) : undefined;
const logger =
  shard === undefined ? createLogger(environment.logLevel) : createLogger(environment.logLevel).child({ shard });
logStrayRejections(logger);

try {
  const bot = await startBot({
    token: environment.token,
    applicationId: environment.applicationId,
    dataDir: environment.dataDir,
    databaseUrl: environment.databaseUrl,
    databaseSchema: environment.databaseSchema,
    privacyUrl: environment.privacyUrl,
    interactions: environment.interactions,
    logger,
    announce: (words) => process.stdout.write(`${words}\n`),
    ...(environment.restApi ? { restApi: environment.restApi } : {}),
  });
  const stop = stopOnSignals(logger, () => bot.stop());
  // A shard whose manager is gone (killed, crashed) stops too, or a restarted manager's shard would answer beside it.
  if (shard !== undefined) process.on('disconnect', () => stop('manager gone'));
} catch (error) {
  couldNotStart(logger, error);
}
