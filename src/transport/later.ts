import type { REST } from '@discordjs/rest';
import type { APIInteraction, RESTPostAPIWebhookWithTokenJSONBody } from 'discord.js';
import { apologyFollowUp, cannotPostFollowUp, type Ending, type Handled } from '../dispatch/index.js';
import type { Logger } from '../log/logger.js';
import { errorReference } from '../log/reference.js';
import { permissionRefusal, type PostRefusals } from './post-refusals.js';
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
  { rest, logger, refusals }: Sender,
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
    const tell = async (followUp: RESTPostAPIWebhookWithTokenJSONBody | undefined): Promise<void> => {
      if (followUp) await sendWebhookAction(rest, interaction, { followUp });
    };
    return failedToSend({ logger, refusals }, handled, interaction, error, {
      apologise: (ref) => tell(apologyFollowUp(ref, localeOf(interaction))),
      cannotPost: () => tell(cannotPostFollowUp(interaction)),
    });
  }
}

/** What sends a transport's replies: its REST client, its log, and the channels that refused a post. */
export interface Sender {
  readonly rest: REST;
  readonly logger: Logger;
  readonly refusals: PostRefusals;
}

/** How the person hears that their reply could not be sent: an apology with a reference, or which channel refused it. */
export interface Telling {
  apologise(ref: string): Promise<void>;
  cannotPost(): Promise<void>;
}

/**
 * A reply that could not be sent: an expired interaction is only a warning (nothing can reach
 * the person any more); a post refused for lack of permission in the channel is logged once per
 * channel, and the person is told privately that the bot cannot post there; anything else is
 * logged with a reference, and the person is told that reference, if they can be.
 */
export async function failedToSend(
  { logger, refusals }: Pick<Sender, 'logger' | 'refusals'>,
  handled: Pick<Handled, 'kind' | 'name'>,
  interaction: APIInteraction,
  error: unknown,
  telling: Telling,
): Promise<Ending> {
  const { kind, name } = handled;
  const code = expiredInteraction(error);
  if (code !== undefined) {
    logger.warn({ kind, name, code }, 'interaction expired before it was answered');
    return { outcome: 'error', reason: 'expired before it was answered' };
  }
  const refused = permissionRefusal(error);
  if (refused !== undefined) {
    const channel = interaction.channel?.id ?? interaction.channel_id;
    if (channel) await refusals.note(logger, { guild: interaction.guild_id, channel }, refused);
    await tellOrWarn(logger, () => telling.cannotPost(), {});
    return { outcome: 'error', reason: 'missing permission in the channel' };
  }
  const ref = errorReference();
  logger.error({ err: error, ref, kind, name }, 'handler failed');
  await tellOrWarn(logger, () => telling.apologise(ref), { ref });
  return { outcome: 'error', failure: { error, ref } };
}

async function tellOrWarn(logger: Logger, tell: () => Promise<void>, fields: Record<string, string>): Promise<void> {
  try {
    await tell();
  } catch (failure) {
    logger.warn({ err: failure, ...fields }, 'could not tell the user about the failure');
  }
}
