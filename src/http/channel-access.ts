import type { REST } from '@discordjs/rest';
import {
  OverwriteType,
  PermissionFlagsBits,
  PermissionsBitField,
  Routes,
  type APIChannel,
  type APIGuildMember,
  type APIOverwrite,
  type APIRole,
} from 'discord.js';
import {
  accessFrom,
  placeOf,
  UNKNOWN_ACCESS,
  type ChannelAccess,
  type ChannelAccessCheck,
} from '../dispatch/channel-access.js';

/** What a member's permissions in one channel are computed from, as Discord's REST API returns it. */
export interface PermissionSource {
  readonly guildId: string;
  readonly roles: readonly Pick<APIRole, 'id' | 'permissions'>[];
  readonly member: { readonly userId: string; readonly roleIds: readonly string[] };
  readonly overwrites: readonly APIOverwrite[];
}

/**
 * The member's permissions in the channel, as Discord documents the computation: @everyone and
 * the member's roles (Administrator holds all), then the @everyone overwrite, the overwrites of
 * the member's roles together (denials before grants), then the member's own. The server's owner
 * is not looked up: a bot is not one.
 */
export function channelPermissions({ guildId, roles, member, overwrites }: PermissionSource): bigint {
  const bitsOf = (id: string): bigint => BigInt(roles.find((role) => role.id === id)?.permissions ?? '0');
  let permissions = bitsOf(guildId);
  for (const roleId of member.roleIds) permissions |= bitsOf(roleId);
  if (permissions & PermissionFlagsBits.Administrator) return PermissionsBitField.All;
  const apply = (overwrite: APIOverwrite | undefined): void => {
    if (overwrite) permissions = (permissions & ~BigInt(overwrite.deny)) | BigInt(overwrite.allow);
  };
  apply(overwrites.find((o) => o.type === OverwriteType.Role && o.id === guildId));
  let allow = 0n;
  let deny = 0n;
  for (const o of overwrites) {
    if (o.type !== OverwriteType.Role || !member.roleIds.includes(o.id)) continue;
    allow |= BigInt(o.allow);
    deny |= BigInt(o.deny);
  }
  permissions = (permissions & ~deny) | allow;
  apply(overwrites.find((o) => o.type === OverwriteType.Member && o.id === member.userId));
  return permissions;
}

const overwritesOf = (channel: APIChannel): readonly APIOverwrite[] =>
  'permission_overwrites' in channel ? (channel.permission_overwrites ?? []) : [];

/**
 * The bot's access to a channel read over REST with its token, for a process without a gateway
 * cache: the server's roles, the bot's member, the channel (a thread's overwrites are its
 * parent's). Whatever Discord does not answer, or answers for another server, is "cannot tell".
 */
export function restChannelAccess(rest: REST, botId: string): ChannelAccessCheck {
  return async (guildId, channelId): Promise<ChannelAccess> => {
    try {
      const [roles, member, channel] = (await Promise.all([
        rest.get(Routes.guildRoles(guildId)),
        rest.get(Routes.guildMember(guildId, botId)),
        rest.get(Routes.channel(channelId)),
      ])) as [APIRole[], APIGuildMember, APIChannel];
      if (!('guild_id' in channel) || channel.guild_id !== guildId) return UNKNOWN_ACCESS;
      const parentId = placeOf(channel.type) === 'thread' ? channel.parent_id : undefined;
      const source = parentId ? ((await rest.get(Routes.channel(parentId))) as APIChannel) : channel;
      const held = channelPermissions({
        guildId,
        roles,
        member: { userId: botId, roleIds: member.roles },
        overwrites: overwritesOf(source),
      });
      return accessFrom(held, channel.type);
    } catch {
      return UNKNOWN_ACCESS;
    }
  };
}
