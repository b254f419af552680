import type { REST } from '@discordjs/rest';
import type { APIInteraction } from 'discord.js';
import { apologyFollowUp, type Ending, type Handled } from '../dispatch/index.js';
import type { Logger } from '../log/logger.js';
import { errorReference } from '../log/reference.js';
import { expiredInteraction, sendWebhookAction } from './webhook.js';

/** The language the person uses in Discord, for the bot's own words in an apology. */
export function localeOf(interaction: APIInteraction): string | undefined {
  return 'locale' in interaction ? interaction.locale : undefined;
}

/** Logs a failure the dispatcher caught (it answered with an apology), with the reference shown. */
export function logHandlerFailure(logger: Logger, handled: Pick<Handled, 'kind' | 'name'>, ending: Ending): void {
  if (ending.failure)
    logger.error(
      { err: ending.failure.error, ref: ending.failure.ref, kind: handled.kind, name: handled.name },
      'handler failed',
    );
}

/**
 * What comes after an interaction's response, once the response is in: the webhook's edits and
 * follow-ups, in order. One that cannot be sent is logged with a reference and apologised for in
 * a follow-up. Resolves with how it all ended; never rejects.
 */
export async function sendLater(
  rest: REST,
  logger: Logger,
  interaction: APIInteraction,
  handled: Handled,
): Promise<Ending> {
  const later = await handled.later;
  if (!later) return handled;
  logHandlerFailure(logger, handled, later);
  try {
    for (const action of later.actions) await sendWebhookAction(rest, interaction, action);
    return later;
  } catch (error) {
    return failedToSend(logger, handled, error, async (ref) => {
      await sendWebhookAction(rest, interaction, { followUp: apologyFollowUp(ref, localeOf(interaction)) });
    });
  }
}

/**
 * A reply that could not be sent: an expired interaction is only a warning (nothing can reach
 * the person any more); anything else is logged with a reference, and `apologise` tells the
 * person that reference, if it can.
 */
export async function failedToSend(
  logger: Logger,
  handled: Pick<Handled, 'kind' | 'name'>,
  error: unknown,
  apologise: (ref: string) => Promise<void>,
): Promise<Ending> {
  const { kind, name } = handled;
  const code = expiredInteraction(error);
  if (code !== undefined) {
    logger.warn({ kind, name, code }, 'interaction expired before it was answered');
    return { outcome: 'error', reason: 'expired before it was answered' };
  }
  const ref = errorReference();
  logger.error({ err: error, ref, kind, name }, 'handler failed');
  try {
    await apologise(ref);
  } catch (failure) {
    logger.warn({ err: failure, ref }, 'could not tell the user about the failure');
  }
  return { outcome: 'error', failure: { error, ref } };
}
