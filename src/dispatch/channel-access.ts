import { ChannelType } from 'discord.js';
import { missingIn, type AnswerPermission, type AnswerPlace } from '../invite/permissions.js';

/**
 * Whether the bot can answer in one channel: what it lacks there (nothing: it can), or that this
 * process cannot tell (an HTTP instance has no gateway cache, and a channel may not be cached).
 */
export type ChannelAccess =
  { readonly known: true; readonly missing: readonly AnswerPermission[] } | { readonly known: false };

/** The transport's answer for a channel of a server, from whatever it knows of Discord's state. */
export type ChannelAccessCheck = (guildId: string, channelId: string) => Promise<ChannelAccess>;

/** What a process that knows nothing of channels answers. */
export const UNKNOWN_ACCESS: ChannelAccess = { known: false };
export const cannotTell: ChannelAccessCheck = () => Promise.resolve(UNKNOWN_ACCESS);

const THREAD_TYPES: ReadonlySet<number> = new Set([
  ChannelType.PublicThread,
  ChannelType.PrivateThread,
  ChannelType.AnnouncementThread,
]);

export const placeOf = (channelType: number | undefined): AnswerPlace =>
  channelType !== undefined && THREAD_TYPES.has(channelType) ? 'thread' : 'channel';

/** The access a permission bitfield gives in a channel of this type. */
export function accessFrom(held: bigint, channelType: number | undefined): ChannelAccess {
  return { known: true, missing: missingIn(placeOf(channelType), held) };
}
