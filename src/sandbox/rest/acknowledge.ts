import type { FileInfo } from '../collect.js';
import type { SandboxCore } from '../core.js';
import { CallbackType, InteractionType, type InteractionRecord } from '../interactions/tracker.js';
import { asNumber, asObject, type JsonObject } from '../json.js';
import { MessageFlag, type StoredMessage } from '../state/model.js';
import { messageJson } from '../state/payloads.js';
import { ApiError, Errors, FormErrors } from './errors.js';
import { createBotMessage, editBotMessage } from './messages.js';
import { validateChoices } from './validate.js';

/** Which callback types each interaction type accepts. */
const ALLOWED_CALLBACKS: Record<number, readonly number[]> = {
  [InteractionType.ApplicationCommand]: [4, 5, 9, 12],
  [InteractionType.MessageComponent]: [4, 5, 6, 7, 9, 12],
  [InteractionType.Autocomplete]: [8],
  [InteractionType.ModalSubmit]: [4, 5, 6, 7],
};

/**
 * The bot's answer to an interaction — a callback `{ type, data }` — whether it came as a REST
 * call or as the HTTP response of the interactions endpoint: checked as Discord checks it
 * (once only, a type the interaction allows, the message's limits), then stored and recorded.
 * Returns the callback resource (what `with_response=true` answers).
 */
export function acknowledge(
  core: SandboxCore,
  record: InteractionRecord,
  body: unknown,
  files: readonly FileInfo[],
  arrivedAt: number,
): JsonObject {
  const { world, config } = core;
  if (record.acknowledgedWith !== null) throw Errors.alreadyAcknowledged();
  const request = asObject(body);
  const type = asNumber(request['type']) ?? 0;
  if (!(ALLOWED_CALLBACKS[record.type] ?? []).includes(type)) {
    throw new ApiError(400, 50035, 'Invalid Form Body', {
      type: {
        _errors: [
          {
            code: 'INTERACTION_RESPONSE_TYPE_INVALID',
            message: `Callback type ${type} is not valid for interaction type ${record.type}`,
          },
        ],
      },
    });
  }
  const data = asObject(request['data']);
  const channel = world.getChannel(record.channelId);
  if (!channel) throw Errors.unknownChannel();
  let message: StoredMessage | undefined;
  const ephemeralAsked = ((asNumber(data['flags']) ?? 0) & MessageFlag.Ephemeral) !== 0;
  const responseOptions = {
    type: record.responseMessageType,
    webhookId: config.applicationId,
    interactionMetadata: record.interactionMetadata,
    ephemeral: ephemeralAsked,
    viewer: record.user,
  };
  if (type === CallbackType.ChannelMessageWithSource) {
    message = createBotMessage(core, channel, data, files, responseOptions);
    record.originalMessageId = message.id;
  } else if (type === CallbackType.DeferredChannelMessageWithSource) {
    message = createBotMessage(core, channel, data, files, { ...responseOptions, loading: true });
    record.originalMessageId = message.id;
    record.awaitingFill = true;
  } else if (type === CallbackType.DeferredUpdateMessage) {
    record.originalMessageId = record.componentMessageId;
    record.awaitingFill = true;
  } else if (type === CallbackType.UpdateMessage) {
    message = record.componentMessageId ? world.message(record.channelId, record.componentMessageId) : undefined;
    if (!message) throw Errors.unknownMessage();
    editBotMessage(core, message, data, files);
    record.originalMessageId = message.id;
  } else if (type === CallbackType.AutocompleteResult) {
    validateChoices(data);
  } else if (type === CallbackType.Modal) {
    const errors = new FormErrors();
    if (!data['custom_id']) errors.add('data.custom_id', 'BASE_TYPE_REQUIRED', 'This field is required');
    if (!data['title']) errors.add('data.title', 'BASE_TYPE_REQUIRED', 'This field is required');
    errors.throwIfAny();
  }
  record.acknowledgedWith = type;
  const deferred =
    type === CallbackType.DeferredChannelMessageWithSource || type === CallbackType.DeferredUpdateMessage;
  record.collector.callbackReceived(deferred, arrivedAt);
  const ephemeral = message ? (message.flags & MessageFlag.Ephemeral) !== 0 : ephemeralAsked;
  record.collector.add({
    kind: 'callback',
    ephemeral,
    body,
    ...(message ? { messageId: message.id, channelId: message.channelId } : {}),
    ...(files.length > 0 ? { files } : {}),
  });
  const resource: JsonObject = { type };
  if (message) resource['message'] = messageJson(world, message);
  return {
    interaction: {
      id: record.id,
      type: record.type,
      activity_instance_id: null,
      response_message_id: message?.id ?? null,
      response_message_loading: type === CallbackType.DeferredChannelMessageWithSource,
      response_message_ephemeral: ephemeral,
    },
    resource,
  };
}
