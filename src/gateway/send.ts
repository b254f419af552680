import { Routes, type APIInteraction, type GatewayMessageCreateDispatchData } from 'discord.js';
import { apologyResponse, type Ending, type Handled, type MessageHandled } from '../dispatch/index.js';
import { errorReference } from '../log/reference.js';
import { failedToSend, localeOf, logHandlerFailure, sendLater } from '../transport/later.js';
import type { Gateway } from './gateway.js';

/**
 * Sends what the dispatcher returned for an interaction: the response through the callback
 * route, then what comes after it through the webhook. A reply that cannot be sent is logged
 * with a reference and apologised for, once. Resolves with how it all ended; never rejects.
 */
export async function sendHandled(gateway: Gateway, interaction: APIInteraction, handled: Handled): Promise<Ending> {
  const { logger, client } = gateway;
  logHandlerFailure(logger, handled, handled);
  if (handled.response) {
    const callback = Routes.interactionCallback(interaction.id, interaction.token);
    try {
      await client.rest.post(callback, { body: handled.response, auth: false });
    } catch (error) {
      return failedToSend(logger, handled, error, async (ref) => {
        await client.rest.post(callback, { body: apologyResponse(ref, localeOf(interaction)), auth: false });
      });
    }
  }
  return sendLater(client.rest, logger, interaction, handled);
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
