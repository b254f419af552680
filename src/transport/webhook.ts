import type { REST } from '@discordjs/rest';
import { Routes, type APIInteraction } from 'discord.js';
import type { WebhookAction } from '../dispatch/index.js';

/**
 * Sends one message through the interaction's webhook: an edit of the response, or a follow-up.
 * The token travels in the route, so `auth: false` (no bot token is needed or sent), and routes
 * are never logged as they are.
 */
export function sendWebhookAction(
  rest: REST,
  interaction: Pick<APIInteraction, 'application_id' | 'token'>,
  action: WebhookAction,
): Promise<unknown> {
  const { application_id: app, token } = interaction;
  if ('edit' in action)
    return rest.patch(Routes.webhookMessage(app, token, action.edit), { body: action.body, auth: false });
  return rest.post(Routes.webhook(app, token), {
    body: action.followUp,
    auth: false,
    query: new URLSearchParams({ wait: 'true' }),
  });
}

/** Discord's "unknown interaction" or "already acknowledged": the 3 s window passed, or the token expired. */
export function expiredInteraction(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  return error.code === 10062 || error.code === 40060 ? error.code : undefined;
}
