/**
 * What every `npm start…` entry point does the same way as a process: refuse a bad environment
 * in words, log stray rejections, stop once on a signal, and say why it could not start.
 */
import { EnvironmentError } from './environment.js';
import type { Logger } from '../log/logger.js';

/** The environment as `read` makes it, or the process ends with the problem in words (exit 1). */
export function readOrExit<T>(read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (!(error instanceof EnvironmentError)) throw error;
    process.stderr.write(`policy-bot cannot start: ${error.message}\n`);
    process.exit(1);
  }
}

/** A stray rejection is logged, never fatal: one bad reply must not take the bot down for everyone. */
export function logStrayRejections(logger: Logger): void {
  process.on('unhandledRejection', (reason) => logger.error({ err: reason }, 'unhandled rejection'));
}

/**
 * On SIGINT or SIGTERM (or whatever else calls the returned function), `stop` runs once and the
 * process exits 0 when it resolves, 1 when it fails or (with `deadlineMs`) takes too long.
 */
export function stopOnSignals(
  logger: Logger,
  stop: () => Promise<void>,
  deadlineMs?: number,
): (reason: string) => void {
  let stopping = false;
  const stopFor = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping');
    const deadline =
      deadlineMs === undefined
        ? undefined
        : setTimeout(() => {
            logger.error('requests did not finish in time: exiting');
            process.exit(1);
          }, deadlineMs);
    stop().then(
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
  process.on('SIGINT', () => stopFor('SIGINT'));
  process.on('SIGTERM', () => stopFor('SIGTERM'));
  return stopFor;
}

/** A start that failed: logged, said on stderr, exit 1. */
export function couldNotStart(logger: Logger, error: unknown): never {
  logger.fatal({ err: error }, 'could not start');
  process.stderr.write(`policy-bot could not start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
