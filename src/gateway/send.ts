import {
  Routes,
  type APIInteraction,
  type APIInteractionResponse,
  type GatewayMessageCreateDispatchData,
} from 'discord.js';
import {
  apologyResponse,
  cannotPostResponse,
  type Ending,
  type Handled,
  type MessageHandled,
} from '../dispatch/index.js';
import { errorReference } from '../log/reference.js';
import { failedToSend, localeOf, logHandlerFailure, sendLater } from '../transport/later.js';
import { permissionRefusal } from '../transport/post-refusals.js';
import type { Gateway } from './gateway.js';

/**
 * Sends what the dispatcher returned for an interaction: the response through the callback
 * route, then what comes after it through the webhook. A reply that cannot be sent is logged
 * with a reference and apologised for, once. Resolves with how it all ended; never rejects.
 */
export async function sendHandled(gateway: Gateway, interaction: APIInteraction, handled: Handled): Promise<Ending> {
  const { logger, client, refusals } = gateway;
  const sender = { rest: client.rest, logger, refusals };
  logHandlerFailure(logger, handled, handled);
  if (handled.response) {
    const callback = Routes.interactionCallback(interaction.id, interaction.token);
    const respond = async (body: APIInteractionResponse | undefined): Promise<void> => {
      if (body) await client.rest.post(callback, { body, auth: false });
    };
    try {
      await respond(handled.response);
    } catch (error) {
      return failedToSend(sender, handled, interaction, error, {
        apologise: (ref) => respond(apologyResponse(ref, localeOf(interaction))),
        cannotPost: () => respond(cannotPostResponse(interaction)),
      });
    }
  }
  return sendLater(sender, interaction, handled);
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
    // A reply to a message has no private way back to its author: the log alone says it.
    const refused = permissionRefusal(error);
    if (refused !== undefined) {
      await gateway.refusals.note(logger, { guild: message.guild_id, channel: handled.reply.channelId }, refused);
      return { outcome: 'error', reason: 'missing permission in the channel' };
    }
    const ref = errorReference();
    logger.error({ err: error, ref, channel: message.channel_id }, 'message reply failed');
    return { outcome: 'error', failure: { error, ref } };
  }
}
