import { performance } from 'node:perf_hooks';
import type { SandboxCore } from '../core.js';
import { asNumber, asObject } from '../json.js';
import { CallbackType, type InteractionRecord } from '../interactions/tracker.js';
import { MessageFlag, type StoredMessage } from '../state/model.js';
import { messageJson } from '../state/payloads.js';
import { acknowledge } from './acknowledge.js';
import { Errors } from './errors.js';
import type { RestRequest, RestResponse, RouteHandler } from './http.js';
import { createBotMessage, deleteMessage, editBotMessage } from './messages.js';
import type { Router } from './router.js';
import { validateMessage } from './validate.js';

/**
 * Interaction callbacks and the interaction webhook (edits of @original, follow-ups). No bot
 * token needed: the interaction token is the credential, valid 15 minutes.
 */
export function addInteractionRoutes(router: Router<RouteHandler>, core: SandboxCore): void {
  const { interactions, world, config } = core;
  const byIdCollectors = (params: Readonly<Record<string, string>>) => {
    const record = interactions.byId(params['interactionId'] ?? '');
    return record && !record.collector.finished ? [record.collector] : [];
  };
  const byTokenCollectors = (params: Readonly<Record<string, string>>) => {
    const record = interactions.byToken(params['token'] ?? '');
    return record && !record.collector.finished ? [record.collector] : [];
  };

  router.add('POST', '/interactions/:interactionId/:token/callback', {
    auth: false,
    collectors: byIdCollectors,
    handle: (request) => callback(core, request),
  });

  const webhook = async (params: Readonly<Record<string, string>>): Promise<InteractionRecord> => {
    const record = interactions.byToken(params['token'] ?? '');
    if (!record || params['applicationId'] !== config.applicationId) throw Errors.unknownWebhook();
    await record.answering;
    return record;
  };
  const messageOf = (record: InteractionRecord, messageId: string): StoredMessage => {
    const id =
      messageId === '@original'
        ? record.originalMessageId
        : record.followupIds.has(messageId) || messageId === record.originalMessageId
          ? messageId
          : null;
    const message = id ? world.message(record.channelId, id) : undefined;
    if (!message) throw Errors.unknownMessage();
    return message;
  };
  const base = '/webhooks/:applicationId/:token';

  router.add('POST', base, {
    auth: false,
    collectors: byTokenCollectors,
    handle: async ({ params, body, files, query }) => {
      const record = await webhook(params);
      if (record.acknowledgedWith === null) throw Errors.unknownWebhook();
      const payload = asObject(body);
      let message: StoredMessage;
      if (record.awaitingFill && record.originalMessageId) {
        // Discord: the first follow-up after a deferred reply replaces the "thinking" message.
        message = messageOf(record, '@original');
        validateMessage(payload, { partial: false, fileCount: files.length });
        editBotMessage(core, message, payload, files);
        record.awaitingFill = false;
        record.collector.deferralFilled();
      } else {
        const channel = world.getChannel(record.channelId);
        if (!channel) throw Errors.unknownChannel();
        const ephemeral = ((asNumber(payload['flags']) ?? 0) & MessageFlag.Ephemeral) !== 0;
        message = createBotMessage(core, channel, payload, files, {
          type: 0,
          webhookId: config.applicationId,
          interactionMetadata: record.originalMessageId
            ? { ...record.interactionMetadata, original_response_message_id: record.originalMessageId }
            : record.interactionMetadata,
          ephemeral,
          viewer: record.user,
        });
        record.followupIds.add(message.id);
        // A deferred update (type 6) is done once the bot says anything more.
        if (record.acknowledgedWith === CallbackType.DeferredUpdateMessage) record.collector.deferralFilled();
      }
      record.collector.add({
        kind: 'followup',
        ephemeral: isEphemeral(message),
        body,
        messageId: message.id,
        channelId: message.channelId,
        ...(files.length > 0 ? { files } : {}),
      });
      return query.get('wait') === 'false' ? { status: 204 } : { status: 200, body: messageJson(world, message) };
    },
  });

  router.add('GET', `${base}/messages/:messageId`, {
    auth: false,
    handle: async ({ params }) => ({
      status: 200,
      body: messageJson(world, messageOf(await webhook(params), params['messageId'] ?? '')),
    }),
  });

  router.add('PATCH', `${base}/messages/:messageId`, {
    auth: false,
    collectors: byTokenCollectors,
    handle: async ({ params, body, files }) => {
      const record = await webhook(params);
      if (record.acknowledgedWith === null) throw Errors.unknownMessage();
      const message = messageOf(record, params['messageId'] ?? '');
      editBotMessage(core, message, asObject(body), files);
      if (message.id === record.originalMessageId && record.awaitingFill) {
        record.awaitingFill = false;
        record.collector.deferralFilled();
      }
      record.collector.add({
        kind: 'edit',
        ephemeral: isEphemeral(message),
        body,
        messageId: message.id,
        channelId: message.channelId,
        ...(files.length > 0 ? { files } : {}),
      });
      return { status: 200, body: messageJson(world, message) };
    },
  });

  router.add('DELETE', `${base}/messages/:messageId`, {
    auth: false,
    collectors: byTokenCollectors,
    handle: async ({ params }) => {
      const record = await webhook(params);
      deleteMessage(core, messageOf(record, params['messageId'] ?? ''));
      return { status: 204 };
    },
  });
}

function callback(core: SandboxCore, { params, body, files, query }: RestRequest): RestResponse {
  const arrivedAt = performance.now(); // the body has been read and parsed: what a benchmark times
  const record = core.interactions.byId(params['interactionId'] ?? '');
  if (!record || record.token !== params['token']) throw Errors.unknownInteraction();
  if (Date.now() - (record.deliveredAt ?? record.createdAt) > core.config.interactionDeadlineMs)
    throw Errors.unknownInteraction();
  const response = acknowledge(core, record, body, files, arrivedAt);
  return query.get('with_response') === 'true' ? { status: 200, body: response } : { status: 204 };
}

function isEphemeral(message: StoredMessage): boolean {
  return (message.flags & MessageFlag.Ephemeral) !== 0;
}
