/**
 * `npm run start:http`: the bot as an HTTP interactions endpoint on PORT, configured from `.env`.
 * On SIGINT/SIGTERM it stops taking requests (503, the health check's too), finishes those under
 * way and what comes after them, closes storage and exits 0.
 */
import 'dotenv/config';
import { EnvironmentError, readHttpEnvironment } from './environment.js';
import { createLogger } from '../log/logger.js';
import { startHttpBot } from '../http/start.js';

/** How long the requests under way get to finish after SIGINT/SIGTERM; every wait inside is bounded well below. */
const STOP_TIMEOUT_MS = 30_000;

let environment;
try {
  environment = readHttpEnvironment(process.env);
} catch (error) {
  if (!(error instanceof EnvironmentError)) throw error;
  process.stderr.write(`policy-bot cannot start: ${error.message}\n`);
  process.exit(1);
}

const logger = createLogger(environment.logLevel);
// A stray rejection is logged, never fatal: one bad reply must not take the bot down for everyone.
process.on('unhandledRejection', (reason) => logger.error({ err: reason }, 'unhandled rejection'));

try {
  const bot = await startHttpBot({
    publicKey: environment.publicKey,
    applicationId: environment.applicationId,
    port: environment.port,
    dataDir: environment.dataDir,
    databaseUrl: environment.databaseUrl,
    databaseSchema: environment.databaseSchema,
    privacyContact: environment.privacyContact,
    // Commands are registered by `npm run deploy-commands`; the endpoint needs no token.
    registerCommands: false,
    logger,
    ...(environment.restApi ? { restApi: environment.restApi } : {}),
  });
  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping');
    const deadline = setTimeout(() => {
      logger.error('requests did not finish in time: exiting');
      process.exit(1);
    }, STOP_TIMEOUT_MS);
    bot.stop().then(
      () => {
        clearTimeout(deadline);
        process.exit(0);
      },
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
