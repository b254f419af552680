import type { World } from './world.js';
import {
  ChannelType,
  type SandboxChannel,
  type SandboxGuild,
  type SandboxMember,
  type SandboxRole,
  type SandboxUser,
  type StoredMessage,
} from './model.js';

/**
 * World records → the JSON shapes Discord sends: every field Discord's OpenAPI spec says a
 * response always carries (the sandbox's tests check each response against it), even those
 * discord.js does not read.
 */

export type Payload = Record<string, unknown>;

export function userJson(user: SandboxUser): Payload {
  const json: Payload = {
    id: user.id,
    username: user.username,
    global_name: user.globalName,
    discriminator: '0',
    avatar: null,
    public_flags: 0,
    flags: 0,
    banner: null,
    accent_color: null,
    avatar_decoration_data: null,
    collectibles: null,
    primary_guild: null,
  };
  if (user.bot) json['bot'] = true;
  return json;
}

export function roleJson(role: SandboxRole): Payload {
  return {
    id: role.id,
    name: role.name,
    color: 0,
    colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
    hoist: false,
    icon: null,
    unicode_emoji: null,
    position: role.position,
    permissions: role.permissions.toString(),
    managed: role.managed,
    mentionable: false,
    flags: 0,
  };
}

export function memberJson(world: World, member: SandboxMember, options: { withUser?: boolean } = {}): Payload {
  const json: Payload = {
    nick: null,
    avatar: null,
    banner: null,
    communication_disabled_until: null,
    roles: member.roleIds,
    joined_at: member.joinedAt,
    premium_since: null,
    deaf: false,
    mute: false,
    flags: 0,
    pending: false,
  };
  const user = world.user(member.userId);
  if (options.withUser !== false && user) json['user'] = userJson(user);
  return json;
}

export function channelJson(world: World, channel: SandboxChannel, options: { inGuildCreate?: boolean } = {}): Payload {
  if (channel.type === ChannelType.DM) {
    const recipient = channel.recipientId ? world.user(channel.recipientId) : undefined;
    return {
      id: channel.id,
      type: channel.type,
      last_message_id: channel.lastMessageId,
      recipients: recipient ? [userJson(recipient)] : [],
      flags: 0,
    };
  }
  const json: Payload = {
    id: channel.id,
    type: channel.type,
    name: channel.name,
    position: channel.position,
    parent_id: channel.parentId,
    permission_overwrites: channel.overwrites.map((o) => ({
      id: o.id,
      type: o.type,
      allow: o.allow.toString(),
      deny: o.deny.toString(),
    })),
    nsfw: false,
    flags: 0,
  };
  if (!options.inGuildCreate) json['guild_id'] = channel.guildId;
  if (channel.type === ChannelType.GuildText || channel.type === ChannelType.GuildAnnouncement) {
    json['topic'] = null;
    json['last_message_id'] = channel.lastMessageId;
    json['rate_limit_per_user'] = 0;
  }
  if (channel.type === ChannelType.GuildVoice) {
    json['bitrate'] = 64_000;
    json['user_limit'] = 0;
    json['rtc_region'] = null;
  }
  return json;
}

/** The full guild sent in GUILD_CREATE: `unavailable: false`, or discord.js waits 15 s for it. */
export function guildCreateJson(world: World, guild: SandboxGuild): Payload {
  const channels = guild.channelIds.flatMap((id) => {
    const channel = world.getChannel(id);
    return channel ? [channelJson(world, channel, { inGuildCreate: true })] : [];
  });
  return {
    ...guildJson(guild),
    unavailable: false,
    joined_at: guild.joinedAt,
    large: false,
    member_count: guild.members.size,
    members: [...guild.members.values()].map((member) => memberJson(world, member)),
    channels,
    threads: [],
    presences: [],
    voice_states: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
  };
}

/** The guild object of REST `GET /guilds/:id`. */
export function guildJson(guild: SandboxGuild): Payload {
  return {
    id: guild.id,
    name: guild.name,
    icon: null,
    home_header: null,
    splash: null,
    discovery_splash: null,
    owner_id: guild.ownerId,
    region: 'deprecated',
    afk_channel_id: null,
    afk_timeout: 300,
    widget_enabled: false,
    widget_channel_id: null,
    verification_level: 0,
    default_message_notifications: 0,
    explicit_content_filter: 0,
    roles: [...guild.roles.values()].map(roleJson),
    emojis: [],
    stickers: [],
    features: [],
    mfa_level: 0,
    max_presences: null,
    max_members: 25_000_000,
    max_stage_video_channel_users: 50,
    max_video_channel_users: 25,
    application_id: null,
    system_channel_id: guild.channelIds[0] ?? null,
    system_channel_flags: 0,
    rules_channel_id: null,
    vanity_url_code: null,
    description: null,
    banner: null,
    premium_tier: 0,
    premium_subscription_count: 0,
    preferred_locale: guild.preferredLocale,
    public_updates_channel_id: null,
    nsfw: false,
    nsfw_level: 0,
    premium_progress_bar_enabled: false,
    safety_alerts_channel_id: null,
    incidents_data: null,
  };
}

export function messageJson(world: World, message: StoredMessage): Payload {
  const json: Payload = {
    id: message.id,
    type: message.type,
    channel_id: message.channelId,
    author: userJson(message.author),
    content: message.content,
    timestamp: message.timestamp,
    edited_timestamp: message.editedTimestamp,
    tts: false,
    mention_everyone: false,
    mentions: message.mentions.map(userJson),
    mention_roles: [],
    attachments: message.attachments.map((file) => ({
      id: file.id,
      filename: file.filename,
      size: file.size,
      content_type: file.contentType ?? undefined,
      description: file.description ?? undefined,
      url: `https://cdn.sandbox.invalid/attachments/${message.channelId}/${file.id}/${file.filename}`,
      proxy_url: `https://media.sandbox.invalid/attachments/${message.channelId}/${file.id}/${file.filename}`,
    })),
    embeds: message.embeds,
    components: message.components,
    pinned: false,
    flags: message.flags,
  };
  if (message.guildId) json['guild_id'] = message.guildId;
  if (message.webhookId) {
    json['webhook_id'] = message.webhookId;
    json['application_id'] = message.webhookId;
  }
  if (message.messageReference) json['message_reference'] = { type: 0, ...message.messageReference };
  if (message.interactionMetadata) json['interaction_metadata'] = message.interactionMetadata;
  const channel = world.getChannel(message.channelId);
  if (channel?.type === ChannelType.DM) json['channel_type'] = ChannelType.DM;
  return json;
}
