import { asArray, type JsonObject } from '../json.js';
import { Permission } from '../permissions.js';
import type { SandboxChannel } from '../state/model.js';
import type { World } from '../state/world.js';
import { Errors } from './errors.js';

/**
 * Refuses a message the bot may not post in a guild channel, as Discord does: a channel it
 * cannot see is 50001 Missing Access; one where it may not send, or may not send what the
 * message holds (embeds, a reply to another message, files), is 50013 Missing Permissions.
 */
export function requirePostable(world: World, channel: SandboxChannel, payload: JsonObject, fileCount: number): void {
  if (channel.guildId === null) return;
  const held = world.channelPermissionsOf(channel.id, world.bot.id);
  const lacks = (bit: bigint): boolean => (held & bit) !== bit;
  if (lacks(Permission.ViewChannel)) throw Errors.missingAccess();
  const needs: bigint[] = [Permission.SendMessages];
  if (asArray(payload['embeds']).length > 0) needs.push(Permission.EmbedLinks);
  if (payload['message_reference']) needs.push(Permission.ReadMessageHistory);
  if (fileCount > 0) needs.push(Permission.AttachFiles);
  if (needs.some(lacks)) throw Errors.missingPermissions();
}
