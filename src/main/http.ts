/**
 * `npm run start:http`: the bot as an HTTP interactions endpoint on PORT, configured from `.env`.
 * On SIGINT/SIGTERM it stops taking requests (503, the health check's too), finishes those under
 * way and what comes after them, closes storage and exits 0.
 */
import 'dotenv/config';
import { readHttpEnvironment } from './environment.js';
import { couldNotStart, logStrayRejections, readOrExit, stopOnSignals } from './process.js';
import { createLogger } from '../log/logger.js';
import { startHttpBot } from '../http/start.js';

/** How long the requests under way get to finish after SIGINT/SIGTERM; every wait inside is bounded well below. */
const STOP_TIMEOUT_MS = 30_000;

const environment = readOrExit(() => readHttpEnvironment(process.env));

const logger = createLogger(environment.logLevel);
logStrayRejections(logger);

try {
  const bot = await startHttpBot({
    publicKey: environment.publicKey,
    applicationId: environment.applicationId,
    port: environment.port,
    dataDir: environment.dataDir,
    databaseUrl: environment.databaseUrl,
    databaseSchema: environment.databaseSchema,
    privacyContact: environment.privacyContact,
    privacyUrl: environment.privacyUrl,
    // Commands are registered by `npm run deploy-commands`; the endpoint needs no token, and
    // uses one when given only to read the bot's permissions in a channel.
    token: environment.token,
    registerCommands: false,
    logger,
    ...(environment.restApi ? { restApi: environment.restApi } : {}),
  });
  stopOnSignals(logger, () => bot.stop(), STOP_TIMEOUT_MS);
} catch (error) {
  couldNotStart(logger, error);
}
