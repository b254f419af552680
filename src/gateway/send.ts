import { Routes, type APIInteraction, type GatewayMessageCreateDispatchData } from 'discord.js';
import {
  apologyFollowUp,
  apologyResponse,
  type Ending,
  type Handled,
  type MessageHandled,
  type WebhookAction,
} from '../dispatch/index.js';
import { errorReference } from '../log/reference.js';
import type { Gateway } from './gateway.js';

/** Discord's "unknown interaction": the 3 s window passed, or the token expired. Nothing to answer. */
function unknownInteraction(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  return error.code === 10062 || error.code === 40060 ? error.code : undefined;
}

/** Tokens travel in the route: `auth: false`, and the routes are never logged as they are. */
function sendAction(gateway: Gateway, interaction: APIInteraction, action: WebhookAction): Promise<unknown> {
  const { rest } = gateway.client;
  const { application_id: app, token } = interaction;
  if ('edit' in action)
    return rest.patch(Routes.webhookMessage(app, token, action.edit), { body: action.body, auth: false });
  return rest.post(Routes.webhook(app, token), {
    body: action.followUp,
    auth: false,
    query: new URLSearchParams({ wait: 'true' }),
  });
}

/**
 * Sends what the dispatcher returned for an interaction: the response through the callback
 * route, then what comes after it through the webhook. A reply that cannot be sent is logged
 * with a reference and apologised for, once. Resolves with how it all ended; never rejects.
 */
export async function sendHandled(gateway: Gateway, interaction: APIInteraction, handled: Handled): Promise<Ending> {
  const { logger, client } = gateway;
  const { kind, name } = handled;
  if (handled.failure)
    logger.error({ err: handled.failure.error, ref: handled.failure.ref, kind, name }, 'handler failed');
  let responded = false;
  try {
    if (handled.response) {
      await client.rest.post(Routes.interactionCallback(interaction.id, interaction.token), {
        body: handled.response,
        auth: false,
      });
      responded = true;
    }
    const later = await handled.later;
    if (!later) return handled;
    if (later.failure) logger.error({ err: later.failure.error, ref: later.failure.ref, kind, name }, 'handler failed');
    for (const action of later.actions) await sendAction(gateway, interaction, action);
    return later;
  } catch (error) {
    const code = unknownInteraction(error);
    if (code !== undefined) {
      logger.warn({ kind, name, code }, 'interaction expired before it was answered');
      return { outcome: 'error', reason: 'expired before it was answered' };
    }
    const ref = errorReference();
    logger.error({ err: error, ref, kind, name }, 'handler failed');
    await apologise(gateway, interaction, ref, responded);
    return { outcome: 'error', failure: { error, ref } };
  }
}

async function apologise(
  gateway: Gateway,
  interaction: APIInteraction,
  ref: string,
  responded: boolean,
): Promise<void> {
  try {
    const locale = 'locale' in interaction ? interaction.locale : undefined;
    if (responded) await sendAction(gateway, interaction, { followUp: apologyFollowUp(ref, locale) });
    else
      await gateway.client.rest.post(Routes.interactionCallback(interaction.id, interaction.token), {
        body: apologyResponse(ref, locale),
        auth: false,
      });
  } catch (error) {
    gateway.logger.warn({ err: error, ref }, 'could not tell the user about the failure');
  }
}

/** Sends the reply to a message, if there is one. Resolves with how it ended; never rejects. */
export async function sendMessageReply(
  gateway: Gateway,
  message: GatewayMessageCreateDispatchData,
  handled: MessageHandled,
): Promise<Ending> {
  const { logger } = gateway;
  if (handled.failure) {
    logger.error(
      { err: handled.failure.error, ref: handled.failure.ref, channel: message.channel_id },
      'message handler failed',
    );
    return handled;
  }
  if (!handled.reply) return handled;
  try {
    await gateway.client.rest.post(Routes.channelMessages(handled.reply.channelId), { body: handled.reply.body });
    return handled;
  } catch (error) {
    const ref = errorReference();
    logger.error({ err: error, ref, channel: message.channel_id }, 'message reply failed');
    return { outcome: 'error', failure: { error, ref } };
  }
}
