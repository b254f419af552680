/** Permission bits the sandbox reasons about (Discord's bit positions). */
export const Permission = {
  CreateInstantInvite: 1n << 0n,
  Administrator: 1n << 3n,
  ManageChannels: 1n << 4n,
  ManageGuild: 1n << 5n,
  AddReactions: 1n << 6n,
  ViewChannel: 1n << 10n,
  SendMessages: 1n << 11n,
  ManageMessages: 1n << 13n,
  EmbedLinks: 1n << 14n,
  AttachFiles: 1n << 15n,
  ReadMessageHistory: 1n << 16n,
  UseExternalEmojis: 1n << 18n,
  Connect: 1n << 20n,
  Speak: 1n << 21n,
  ChangeNickname: 1n << 26n,
  UseApplicationCommands: 1n << 31n,
  CreatePublicThreads: 1n << 35n,
  SendMessagesInThreads: 1n << 38n,
} as const;

/** Every bit Discord defines today (0..50); owners and administrators hold all of them. */
export const ALL_PERMISSIONS = (1n << 51n) - 1n;

/** What a fresh server's @everyone role may do. */
export const EVERYONE_PERMISSIONS =
  Permission.CreateInstantInvite |
  Permission.AddReactions |
  Permission.ViewChannel |
  Permission.SendMessages |
  Permission.EmbedLinks |
  Permission.AttachFiles |
  Permission.ReadMessageHistory |
  Permission.UseExternalEmojis |
  Permission.Connect |
  Permission.Speak |
  Permission.ChangeNickname |
  Permission.UseApplicationCommands |
  Permission.CreatePublicThreads |
  Permission.SendMessagesInThreads;

/** What the bot's managed role grants on top of @everyone. */
export const BOT_ROLE_PERMISSIONS = EVERYONE_PERMISSIONS | Permission.ManageMessages;

/** Permissions an app has in a DM (Discord sends a fixed set there). */
export const DM_APP_PERMISSIONS = EVERYONE_PERMISSIONS;

/** Parses a bitfield string as Discord sends it ("32"); anything unparsable grants nothing. */
export function parsePermissions(value: string | null | undefined): bigint | null {
  if (value === null || value === undefined) return null;
  try {
    return BigInt(value);
  } catch {
    return 0n;
  }
}

/** What permissions are computed from: the server's roles and owner, the member's roles, a channel's overwrites. */
export interface PermissionSource {
  readonly guildId: string;
  readonly ownerId: string;
  readonly roles: ReadonlyMap<string, { readonly permissions: bigint }>;
  readonly memberRoleIds: readonly string[];
  readonly userId: string;
}

export interface Overwrite {
  readonly id: string;
  /** 0 a role (the @everyone role's id is the guild's), 1 a member. */
  readonly type: 0 | 1;
  readonly allow: bigint;
  readonly deny: bigint;
}

/** A member's server-wide permissions: @everyone and every role they hold; the owner and administrators hold all. */
export function basePermissions(source: PermissionSource): bigint {
  if (source.userId === source.ownerId) return ALL_PERMISSIONS;
  let permissions = source.roles.get(source.guildId)?.permissions ?? 0n;
  for (const roleId of source.memberRoleIds) permissions |= source.roles.get(roleId)?.permissions ?? 0n;
  return permissions & Permission.Administrator ? ALL_PERMISSIONS : permissions;
}

/**
 * A member's permissions in one channel, as Discord documents the computation: the base, then
 * the @everyone overwrite, then every overwrite of the member's roles together (denials before
 * grants), then the member's own. Administrators are above overwrites.
 */
export function channelPermissions(source: PermissionSource, overwrites: readonly Overwrite[]): bigint {
  const base = basePermissions(source);
  if (base === ALL_PERMISSIONS) return base;
  let permissions = base;
  const everyone = overwrites.find((o) => o.type === 0 && o.id === source.guildId);
  if (everyone) permissions = (permissions & ~everyone.deny) | everyone.allow;
  let allow = 0n;
  let deny = 0n;
  for (const overwrite of overwrites) {
    if (overwrite.type === 0 && source.memberRoleIds.includes(overwrite.id)) {
      allow |= overwrite.allow;
      deny |= overwrite.deny;
    }
  }
  permissions = (permissions & ~deny) | allow;
  const own = overwrites.find((o) => o.type === 1 && o.id === source.userId);
  if (own) permissions = (permissions & ~own.deny) | own.allow;
  return permissions;
}

/** Permissions as Discord's channel settings name them, for the script's `deny` and `allow`. */
const NAMED: readonly (readonly [string, bigint])[] = [
  ['View Channel', Permission.ViewChannel],
  ['Send Messages', Permission.SendMessages],
  ['Send Messages in Threads', Permission.SendMessagesInThreads],
  ['Embed Links', Permission.EmbedLinks],
  ['Attach Files', Permission.AttachFiles],
  ['Read Message History', Permission.ReadMessageHistory],
  ['Add Reactions', Permission.AddReactions],
  ['Use Application Commands', Permission.UseApplicationCommands],
];

export const PERMISSION_NAMES: readonly string[] = NAMED.map(([name]) => name);

/** "send messages", "SendMessages" or "Send Messages": the one permission meant, or undefined. */
export function permissionNamed(text: string): { readonly name: string; readonly bit: bigint } | undefined {
  const key = (words: string): string => words.replace(/[\s_-]+/g, '').toLowerCase();
  const found = NAMED.find(([name]) => key(name) === key(text));
  return found && { name: found[0], bit: found[1] };
}
