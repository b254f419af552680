/**
 * `npm start`: the bot against Discord, configured from `.env`. Stops cleanly on SIGINT/SIGTERM:
 * no new work, the replies under way finished, storage closed, exit 0.
 */
import 'dotenv/config';
import { ConfigError, readConfig } from './config.js';
import { createLogger } from './logger.js';
import { startBot } from './start.js';

let config;
try {
  config = readConfig(process.env);
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  process.stderr.write(`policy-bot cannot start: ${error.message}\n`);
  process.exit(1);
}

const logger = createLogger(config.logLevel);
// A stray rejection is logged, never fatal: one bad reply must not take the bot down for everyone.
process.on('unhandledRejection', (reason) => logger.error({ err: reason }, 'unhandled rejection'));

try {
  const bot = await startBot({ token: config.token, applicationId: config.applicationId, dataDir: config.dataDir, logger });
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
} catch (error) {
  logger.fatal({ err: error }, 'could not start');
  process.stderr.write(`policy-bot could not start: ${(error as Error).message}\n`);
  process.exit(1);
}
