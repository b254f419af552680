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
