import {
  BOT_ROLE_PERMISSIONS,
  EVERYONE_PERMISSIONS,
  Permission,
  basePermissions,
  channelPermissions,
  type PermissionSource,
} from '../permissions.js';
import { DEFAULT_LOCALE, requireLocale } from '../locales.js';
import type { SnowflakeGenerator } from '../snowflake.js';
import { GatewayIntent } from '../gateway/intents.js';
import {
  ChannelType,
  type SandboxChannel,
  type SandboxGuild,
  type SandboxRole,
  type SandboxUser,
  type StoredMessage,
} from './model.js';
import { channelJson, guildCreateJson, memberJson, roleJson } from './payloads.js';

/** Where world changes go: the gateway, which routes them to the guild's shard (null: DMs, shard 0). */
export interface WorldEventSink {
  dispatch(guildId: string | null, event: string, data: unknown, requiredIntent?: number): void;
}

export interface WorldOptions {
  readonly ids: SnowflakeGenerator;
  /** Shard count reported by /gateway/bot; new guilds are spread round-robin over it. */
  readonly shards: number;
  readonly applicationId: string;
  readonly botName: string;
  /** Older messages are forgotten past this, so benchmark bursts don't grow memory without bound. */
  readonly messagesPerChannel?: number;
}

export interface MemberOptions {
  /** Grants the Moderator role (Manage Server), as `as mod` does in scripts. */
  readonly manageGuild?: boolean;
  readonly administrator?: boolean;
  /** Defaults to the Sandbox guild. */
  readonly guildId?: string;
}

export type NewMessage = Omit<
  StoredMessage,
  'id' | 'timestamp' | 'editedTimestamp' | 'deleted' | 'guildId' | 'visibleTo'
> & {
  /** Who alone sees it (an ephemeral answer); everyone in the channel when left out. */
  readonly visibleTo?: string | null;
};

/**
 * The people, servers, channels and messages of the local Discord. Tests shape it through the
 * helpers below; every change the bot would hear about is dispatched through the event sink.
 */
export class World {
  readonly bot: SandboxUser;
  readonly owner: SandboxUser;
  readonly defaultGuild: SandboxGuild;
  readonly general: SandboxChannel;

  readonly #ids: SnowflakeGenerator;
  readonly #shards: number;
  readonly #messagesPerChannel: number;
  readonly #users = new Map<string, SandboxUser>();
  readonly #usersByName = new Map<string, SandboxUser>();
  readonly #guilds = new Map<string, SandboxGuild>();
  readonly #channels = new Map<string, SandboxChannel>();
  readonly #dmByUser = new Map<string, string>();
  readonly #privateByUser = new Map<string, string>();
  readonly #messages = new Map<string, Map<string, StoredMessage>>();
  #sink: WorldEventSink | null = null;

  constructor(options: WorldOptions) {
    this.#ids = options.ids;
    this.#shards = Math.max(1, options.shards);
    this.#messagesPerChannel = options.messagesPerChannel ?? 500;
    // A modern bot's user id is its application id.
    this.bot = this.#addUser({ id: options.applicationId, username: options.botName, globalName: null, bot: true });
    this.owner = this.#addUser({ id: this.#ids.next(), username: 'owner', globalName: 'Owner', bot: false });
    this.#usersByName.set('owner', this.owner);
    this.defaultGuild = this.addGuild('Sandbox', { shard: 0 });
    const general = this.#channels.get(this.defaultGuild.channelIds[0] ?? '');
    if (!general) throw new Error('the default guild has no #general');
    this.general = general;
  }

  /** Called once by the server: from then on world changes reach the connected bot. */
  connect(sink: WorldEventSink): void {
    this.#sink = sink;
  }

  get guilds(): readonly SandboxGuild[] {
    return [...this.#guilds.values()];
  }

  guild(id: string): SandboxGuild | undefined {
    return this.#guilds.get(id);
  }

  user(id: string): SandboxUser | undefined {
    return this.#users.get(id);
  }

  getChannel(id: string): SandboxChannel | undefined {
    return this.#channels.get(id);
  }

  /** A new guild with @everyone, #general, the bot and the owner as members. */
  addGuild(name: string, options: { shard?: number; locale?: string } = {}): SandboxGuild {
    const shard = (options.shard ?? this.#guilds.size) % this.#shards;
    const id = this.#ids.nextOnShard(shard, this.#shards);
    const now = new Date().toISOString();
    const guild: SandboxGuild = {
      id,
      name,
      ownerId: this.owner.id,
      roles: new Map(),
      members: new Map(),
      channelIds: [],
      joinedAt: now,
      preferredLocale: options.locale === undefined ? DEFAULT_LOCALE : requireLocale(options.locale),
    };
    guild.roles.set(id, { id, name: '@everyone', permissions: EVERYONE_PERMISSIONS, position: 0, managed: false });
    const botRole: SandboxRole = {
      id: this.#ids.next(),
      name: this.bot.username,
      permissions: BOT_ROLE_PERMISSIONS,
      position: 1,
      managed: true,
    };
    guild.roles.set(botRole.id, botRole);
    guild.members.set(this.bot.id, { userId: this.bot.id, roleIds: [botRole.id], joinedAt: now });
    guild.members.set(this.owner.id, { userId: this.owner.id, roleIds: [], joinedAt: now });
    this.#guilds.set(id, guild);
    this.#createChannel(guild, 'general', ChannelType.GuildText, null);
    this.#sink?.dispatch(id, 'GUILD_CREATE', guildCreateJson(this, guild), GatewayIntent.Guilds);
    return guild;
  }

  /** The text channel `name` of a guild, created (and announced) on first use. */
  channel(guildId: string, name: string): SandboxChannel {
    const wanted = normalizeChannelName(name);
    const guild = this.#requireGuild(guildId);
    for (const id of guild.channelIds) {
      const channel = this.#channels.get(id);
      if (channel?.name === wanted && channel.type === ChannelType.GuildText) return channel;
    }
    return this.createChannel(guildId, { name: wanted, type: ChannelType.GuildText });
  }

  /** Any guild channel type (voice, category, forum...); always a new channel. */
  createChannel(guildId: string, spec: { name: string; type: number; parentId?: string }): SandboxChannel {
    const guild = this.#requireGuild(guildId);
    const channel = this.#createChannel(guild, normalizeChannelName(spec.name), spec.type, spec.parentId ?? null);
    this.#sink?.dispatch(guildId, 'CHANNEL_CREATE', channelJson(this, channel), GatewayIntent.Guilds);
    return channel;
  }

  deleteChannel(id: string): void {
    const channel = this.#channels.get(id);
    if (!channel || channel.guildId === null) throw new Error(`no guild channel ${id}`);
    const guild = this.#requireGuild(channel.guildId);
    guild.channelIds.splice(guild.channelIds.indexOf(id), 1);
    this.#channels.delete(id);
    this.#messages.delete(id);
    this.#sink?.dispatch(channel.guildId, 'CHANNEL_DELETE', channelJson(this, channel), GatewayIntent.Guilds);
  }

  /** The bot is removed from a guild (kicked, or the server deleted): GUILD_DELETE without `unavailable`. */
  removeBotFrom(guildId: string): void {
    const guild = this.#requireGuild(guildId);
    this.#sink?.dispatch(guildId, 'GUILD_DELETE', { id: guildId }, GatewayIntent.Guilds);
    for (const id of guild.channelIds) {
      this.#channels.delete(id);
      this.#messages.delete(id);
    }
    this.#guilds.delete(guildId);
  }

  /** A distinct person: the same name always gives the same user. Joins the guild on first use. */
  member(name: string, options: MemberOptions = {}): SandboxUser {
    let user = this.#usersByName.get(name);
    if (!user) {
      user = this.#addUser({ id: this.#ids.next(), username: name, globalName: null, bot: false });
      this.#usersByName.set(name, user);
    }
    const guild = this.#requireGuild(options.guildId ?? this.defaultGuild.id);
    let member = guild.members.get(user.id);
    const isNew = !member;
    if (!member) {
      member = { userId: user.id, roleIds: [], joinedAt: new Date().toISOString() };
      guild.members.set(user.id, member);
    }
    const roleIds: string[] = [];
    if (options.manageGuild) roleIds.push(this.#role(guild, 'Moderator', Permission.ManageGuild).id);
    if (options.administrator) roleIds.push(this.#role(guild, 'Admin', Permission.Administrator).id);
    const added = roleIds.filter((id) => !member.roleIds.includes(id));
    member.roleIds.push(...added);
    if (isNew) {
      this.#sink?.dispatch(
        guild.id,
        'GUILD_MEMBER_ADD',
        { ...memberJson(this, member), guild_id: guild.id },
        GatewayIntent.GuildMembers,
      );
    } else if (added.length > 0) {
      this.#sink?.dispatch(
        guild.id,
        'GUILD_MEMBER_UPDATE',
        { ...memberJson(this, member), guild_id: guild.id },
        GatewayIntent.GuildMembers,
      );
    }
    return user;
  }

  /** The DM channel between `user` and the bot (Discord does not announce DM channels to bots). */
  dmChannel(user: SandboxUser | string): SandboxChannel {
    const userId = typeof user === 'string' ? user : user.id;
    const existing = this.#dmByUser.get(userId);
    if (existing) {
      const channel = this.#channels.get(existing);
      if (channel) return channel;
    }
    const channel: SandboxChannel = {
      id: this.#ids.next(),
      type: ChannelType.DM,
      name: null,
      guildId: null,
      parentId: null,
      position: 0,
      recipientId: userId,
      lastMessageId: null,
      overwrites: [],
    };
    this.#channels.set(channel.id, channel);
    this.#dmByUser.set(userId, channel.id);
    return channel;
  }

  /**
   * A DM between `user` and someone else, where the bot is not a member: where a
   * user-installed app is used in context 2 (private channel).
   */
  privateChannel(user: SandboxUser | string): SandboxChannel {
    const userId = typeof user === 'string' ? user : user.id;
    const existing = this.#channels.get(this.#privateByUser.get(userId) ?? '');
    if (existing) return existing;
    const channel: SandboxChannel = {
      id: this.#ids.next(),
      type: ChannelType.DM,
      name: null,
      guildId: null,
      parentId: null,
      position: 0,
      recipientId: userId,
      lastMessageId: null,
      overwrites: [],
    };
    this.#channels.set(channel.id, channel);
    this.#privateByUser.set(userId, channel.id);
    return channel;
  }

  /** Guild permissions from roles; the owner and administrators hold every permission. */
  permissionsOf(guildId: string, userId: string): bigint {
    const source = this.#permissionSource(guildId, userId);
    return source ? basePermissions(source) : 0n;
  }

  /** Permissions in one channel: the guild's, then the channel's overwrites (a DM's: none). */
  channelPermissionsOf(channelId: string, userId: string): bigint {
    const channel = this.#channels.get(channelId);
    const source = channel?.guildId ? this.#permissionSource(channel.guildId, userId) : undefined;
    return source && channel ? channelPermissions(source, channel.overwrites) : 0n;
  }

  /** The bot's own role in a guild (Discord's managed role, made when the bot joined). */
  botRole(guildId: string): SandboxRole {
    const guild = this.#requireGuild(guildId);
    const roleId = guild.members.get(this.bot.id)?.roleIds.find((id) => guild.roles.get(id)?.managed);
    const role = roleId === undefined ? undefined : guild.roles.get(roleId);
    if (!role) throw new Error(`the bot has no role in guild ${guildId}`);
    return role;
  }

  /** A moderator changes what a role may do server-wide: GUILD_ROLE_UPDATE. */
  setRolePermissions(guildId: string, roleId: string, permissions: bigint): void {
    const guild = this.#requireGuild(guildId);
    const role = guild.roles.get(roleId);
    if (!role) throw new Error(`no role ${roleId} in guild ${guildId}`);
    role.permissions = permissions;
    this.#sink?.dispatch(
      guildId,
      'GUILD_ROLE_UPDATE',
      { guild_id: guildId, role: roleJson(role) },
      GatewayIntent.Guilds,
    );
  }

  /**
   * A moderator sets a channel's overwrite for a role or a member (replacing the one it had), or
   * removes it with `null`: CHANNEL_UPDATE, as when it is saved in the channel's settings.
   */
  setOverwrite(
    channelId: string,
    target: { id: string; type: 0 | 1 },
    bits: { allow?: bigint; deny?: bigint } | null,
  ): void {
    const channel = this.#channels.get(channelId);
    if (!channel || channel.guildId === null) throw new Error(`no guild channel ${channelId}`);
    const others = channel.overwrites.filter((o) => !(o.id === target.id && o.type === target.type));
    channel.overwrites = bits
      ? [...others, { id: target.id, type: target.type, allow: bits.allow ?? 0n, deny: bits.deny ?? 0n }]
      : others;
    this.#sink?.dispatch(channel.guildId, 'CHANNEL_UPDATE', channelJson(this, channel), GatewayIntent.Guilds);
  }

  /** Stores a new message in its channel; the caller decides whether to dispatch it. */
  addMessage(init: NewMessage): StoredMessage {
    const channel = this.#channels.get(init.channelId);
    // The new fields before the spread: V8 (Node 20) takes about 1.5 µs for each property written
    // after a spread, on every message. Of these keys NewMessage may only carry visibleTo, which
    // is meant to win over its default.
    const message: StoredMessage = {
      id: this.#ids.next(),
      guildId: channel?.guildId ?? null,
      timestamp: new Date().toISOString(),
      editedTimestamp: null,
      deleted: false,
      visibleTo: null,
      ...init,
    };
    let store = this.#messages.get(init.channelId);
    if (!store) {
      store = new Map();
      this.#messages.set(init.channelId, store);
    }
    store.set(message.id, message);
    if (store.size > this.#messagesPerChannel) {
      const oldest = store.keys().next();
      if (!oldest.done) store.delete(oldest.value);
    }
    if (channel) channel.lastMessageId = message.id;
    return message;
  }

  message(channelId: string, messageId: string): StoredMessage | undefined {
    const message = this.#messages.get(channelId)?.get(messageId);
    return message && !message.deleted ? message : undefined;
  }

  /** The channel's remembered messages, oldest first. */
  messages(channelId: string): StoredMessage[] {
    return [...(this.#messages.get(channelId)?.values() ?? [])].filter((message) => !message.deleted);
  }

  nextId(): string {
    return this.#ids.next();
  }

  #addUser(user: SandboxUser): SandboxUser {
    this.#users.set(user.id, user);
    return user;
  }

  #permissionSource(guildId: string, userId: string): PermissionSource | undefined {
    const guild = this.#guilds.get(guildId);
    const member = guild?.members.get(userId);
    if (!guild || (!member && guild.ownerId !== userId)) return undefined;
    return { guildId, ownerId: guild.ownerId, roles: guild.roles, memberRoleIds: member?.roleIds ?? [], userId };
  }

  #requireGuild(id: string): SandboxGuild {
    const guild = this.#guilds.get(id);
    if (!guild) throw new Error(`no guild ${id}`);
    return guild;
  }

  #role(guild: SandboxGuild, name: string, permissions: bigint): SandboxRole {
    for (const role of guild.roles.values()) if (role.name === name) return role;
    const role: SandboxRole = { id: this.#ids.next(), name, permissions, position: guild.roles.size, managed: false };
    guild.roles.set(role.id, role);
    this.#sink?.dispatch(
      guild.id,
      'GUILD_ROLE_CREATE',
      { guild_id: guild.id, role: roleJson(role) },
      GatewayIntent.Guilds,
    );
    return role;
  }

  #createChannel(guild: SandboxGuild, name: string, type: number, parentId: string | null): SandboxChannel {
    const channel: SandboxChannel = {
      id: this.#ids.next(),
      type,
      name,
      guildId: guild.id,
      parentId,
      position: guild.channelIds.length,
      recipientId: null,
      lastMessageId: null,
      overwrites: [],
    };
    this.#channels.set(channel.id, channel);
    guild.channelIds.push(channel.id);
    return channel;
  }
}

/** Discord channel names are lowercase with dashes; "#Policy Talk" names "policy-talk". */
export function normalizeChannelName(name: string): string {
  return name.replace(/^#/, '').trim().toLowerCase().replace(/\s+/g, '-');
}
