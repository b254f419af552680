import type { FileInfo } from '../collect.js';
import type { SandboxCore } from '../core.js';
import { GatewayIntent } from '../gateway/intents.js';
import { asArray, asNumber, asObject, asString, isObject, type JsonObject } from '../json.js';
import {
  ChannelType,
  MessageFlag,
  type SandboxChannel,
  type SandboxUser,
  type StoredAttachment,
  type StoredMessage,
} from '../state/model.js';
import { memberJson, messageJson, userJson } from '../state/payloads.js';
import type { World } from '../state/world.js';
import { Permission } from '../permissions.js';
import { FormErrors } from './errors.js';
import { storedComponents, storedEmbeds } from './message-parts.js';
import { validateMessage } from './validate.js';

/** Flags a bot may set itself on a message (the rest are Discord's to set). */
const SETTABLE_FLAGS =
  MessageFlag.SuppressEmbeds |
  MessageFlag.Ephemeral |
  MessageFlag.IsComponentsV2 |
  (1 << 12); /* SUPPRESS_NOTIFICATIONS */

export interface BotMessageOptions {
  readonly type: number;
  readonly webhookId: string | null;
  readonly interactionMetadata: Record<string, unknown> | null;
  /** Forces the ephemeral flag (deferred replies inherit it from the deferral). */
  readonly ephemeral?: boolean;
  /**
   * The person whose interaction this message answers: only an interaction's messages may be
   * ephemeral, and then only this person sees them. Without it the ephemeral flag is dropped.
   */
  readonly viewer?: SandboxUser;
  /** A deferred reply's "thinking" placeholder. */
  readonly loading?: boolean;
}

/** Validates and stores a message the bot sends; non-ephemeral ones are echoed on the gateway. */
export function createBotMessage(
  core: SandboxCore,
  channel: SandboxChannel,
  body: JsonObject,
  files: readonly FileInfo[],
  options: BotMessageOptions,
): StoredMessage {
  if (!options.loading) validateMessage(body, { partial: false, fileCount: files.length });
  const { world } = core;
  let flags = (asNumber(body['flags']) ?? 0) & SETTABLE_FLAGS;
  if (options.ephemeral) flags |= MessageFlag.Ephemeral;
  if (!options.viewer) flags &= ~MessageFlag.Ephemeral;
  if (options.loading) flags |= MessageFlag.Loading;
  const message = world.addMessage({
    channelId: channel.id,
    author: world.bot,
    content: options.loading ? '' : (asString(body['content']) ?? ''),
    embeds: options.loading ? [] : storedEmbeds(body['embeds']),
    components: options.loading ? [] : storedComponents(body['components']),
    flags,
    type: options.type,
    messageReference: readReference(world, channel, body['message_reference']),
    mentions: pingedUsers(world, asString(body['content']) ?? '', body['allowed_mentions']),
    attachments: attachmentsOf(world, body, files),
    webhookId: options.webhookId,
    interactionMetadata: options.interactionMetadata,
    visibleTo: flags & MessageFlag.Ephemeral && options.viewer ? options.viewer.id : null,
  });
  if (!(flags & MessageFlag.Ephemeral)) dispatchMessage(core, 'MESSAGE_CREATE', message);
  return message;
}

/** Applies an edit (PATCH) to a stored message; fields left out keep their value. */
export function editBotMessage(
  core: SandboxCore,
  message: StoredMessage,
  body: JsonObject,
  files: readonly FileInfo[],
): void {
  validateMessage(body, { partial: true, fileCount: files.length });
  if ('content' in body) message.content = asString(body['content']) ?? '';
  if ('embeds' in body) message.embeds = storedEmbeds(body['embeds']);
  if ('components' in body) message.components = storedComponents(body['components']);
  if ('flags' in body)
    message.flags =
      (message.flags & ~SETTABLE_FLAGS) |
      ((asNumber(body['flags']) ?? 0) & SETTABLE_FLAGS) |
      (message.flags & MessageFlag.Ephemeral);
  if ('attachments' in body || files.length > 0) message.attachments = attachmentsOf(core.world, body, files);
  const wasLoading = (message.flags & MessageFlag.Loading) !== 0;
  message.flags &= ~MessageFlag.Loading;
  if (!wasLoading) message.editedTimestamp = new Date().toISOString();
  if (!(message.flags & MessageFlag.Ephemeral)) dispatchMessage(core, 'MESSAGE_UPDATE', message);
}

export function deleteMessage(core: SandboxCore, message: StoredMessage): void {
  message.deleted = true;
  if (message.flags & MessageFlag.Ephemeral) return;
  const data: JsonObject = { id: message.id, channel_id: message.channelId };
  if (message.guildId) data['guild_id'] = message.guildId;
  core.gateway.send(message.guildId, 'MESSAGE_DELETE', data, {
    requiredIntent: intentFor(core.world, message.channelId),
  });
}

/**
 * MESSAGE_CREATE/UPDATE as Discord sends them: GuildMessages or DirectMessages intent
 * required, and without MessageContent a guild message arrives blank unless it mentions the bot.
 */
export function dispatchMessage(
  core: SandboxCore,
  event: 'MESSAGE_CREATE' | 'MESSAGE_UPDATE',
  message: StoredMessage,
  onDelivered?: () => void,
): number {
  const { world } = core;
  // Discord sends a channel's messages only to members who can see the channel.
  if (message.guildId && !(world.channelPermissionsOf(message.channelId, world.bot.id) & Permission.ViewChannel))
    return 0;
  const full = messageJson(world, message);
  if (message.guildId) {
    const guild = world.guild(message.guildId);
    const member = guild?.members.get(message.author.id);
    if (member && !message.webhookId) full['member'] = memberJson(world, member, { withUser: false });
    full['mentions'] = message.mentions.map((user) => {
      const mentioned = guild?.members.get(user.id);
      return mentioned
        ? { ...userJson(user), member: memberJson(world, mentioned, { withUser: false }) }
        : userJson(user);
    });
  }
  const exempt =
    !message.guildId || message.author.id === world.bot.id || message.mentions.some((user) => user.id === world.bot.id);
  // Built only when some session lacks MessageContent: the bot's own answers never need it.
  let blank: JsonObject | undefined;
  const blanked = (): JsonObject =>
    (blank ??= { ...full, content: '', embeds: [], attachments: [], components: [], poll: undefined });
  return core.gateway.send(message.guildId, event, full, {
    requiredIntent: intentFor(world, message.channelId),
    shape: exempt ? undefined : (intents) => ((intents & GatewayIntent.MessageContent) !== 0 ? full : blanked()),
    onDelivered,
  });
}

function intentFor(world: World, channelId: string): number {
  return world.getChannel(channelId)?.type === ChannelType.DM
    ? GatewayIntent.DirectMessages
    : GatewayIntent.GuildMessages;
}

function readReference(world: World, channel: SandboxChannel, value: unknown): StoredMessage['messageReference'] {
  if (!isObject(value)) return null;
  const messageId = asString(value['message_id']);
  if (!messageId) return null;
  const channelId = asString(value['channel_id']) ?? channel.id;
  if (!world.message(channelId, messageId)) {
    if (value['fail_if_not_exists'] === false) return null;
    const errors = new FormErrors();
    errors.add('message_reference', 'MESSAGE_REFERENCE_UNKNOWN_MESSAGE', 'Unknown message');
    errors.throwIfAny();
  }
  return channel.guildId
    ? { message_id: messageId, channel_id: channelId, guild_id: channel.guildId }
    : { message_id: messageId, channel_id: channelId };
}

/** Users a message actually pings: `<@id>` in the content, filtered by allowed_mentions. */
function pingedUsers(world: World, content: string, allowedMentions: unknown): SandboxUser[] {
  const ids = [...new Set([...content.matchAll(/<@!?(\d{17,20})>/g)].map((match) => match[1] ?? ''))];
  let allowed: (id: string) => boolean = () => true;
  if (isObject(allowedMentions)) {
    const parse = asArray(allowedMentions['parse']);
    const users = asArray(allowedMentions['users']).map(String);
    allowed = (id) => parse.includes('users') || users.includes(id);
  }
  return ids.filter(allowed).flatMap((id) => {
    const user = world.user(id);
    return user ? [user] : [];
  });
}

function attachmentsOf(world: World, body: JsonObject, files: readonly FileInfo[]): StoredAttachment[] {
  const described = asArray(body['attachments']).map(asObject);
  return files.map((file, index) => ({
    id: world.nextId(),
    filename: asString(described[index]?.['filename']) ?? file.filename,
    size: file.size,
    contentType: file.contentType,
    description: asString(described[index]?.['description']) ?? null,
  }));
}
