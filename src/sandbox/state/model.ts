import type { Overwrite } from '../permissions.js';

/** The sandbox's own records of users, guilds, channels and messages (not API shapes). */

export interface SandboxUser {
  readonly id: string;
  readonly username: string;
  readonly globalName: string | null;
  readonly bot: boolean;
}

export interface SandboxRole {
  readonly id: string;
  name: string;
  permissions: bigint;
  position: number;
  managed: boolean;
}

export interface SandboxMember {
  readonly userId: string;
  roleIds: string[];
  readonly joinedAt: string;
}

export interface SandboxGuild {
  readonly id: string;
  name: string;
  ownerId: string;
  /** Keyed by role id; the @everyone role has the guild's id. */
  readonly roles: Map<string, SandboxRole>;
  readonly members: Map<string, SandboxMember>;
  /** In creation order. */
  readonly channelIds: string[];
  readonly joinedAt: string;
  /** The server's language (`guild_locale` of its interactions); Discord's default is en-US. */
  preferredLocale: string;
}

/** Discord channel types used by the sandbox. */
export const ChannelType = {
  GuildText: 0,
  DM: 1,
  GuildVoice: 2,
  GroupDM: 3,
  GuildCategory: 4,
  GuildAnnouncement: 5,
  GuildForum: 15,
} as const;

export interface SandboxChannel {
  readonly id: string;
  readonly type: number;
  name: string | null;
  readonly guildId: string | null;
  parentId: string | null;
  position: number;
  /** For DMs: the person the bot talks to. */
  readonly recipientId: string | null;
  lastMessageId: string | null;
  /** Guild channels only; at most one per role or member, as Discord keeps them. */
  overwrites: Overwrite[];
}

/** Discord message flags the sandbox reads. */
export const MessageFlag = {
  SuppressEmbeds: 1 << 2,
  Ephemeral: 1 << 6,
  Loading: 1 << 7,
  IsComponentsV2: 1 << 15,
} as const;

export interface StoredAttachment {
  readonly id: string;
  readonly filename: string;
  readonly size: number;
  readonly contentType: string | null;
  readonly description: string | null;
}

export interface StoredMessage {
  readonly id: string;
  readonly channelId: string;
  readonly guildId: string | null;
  readonly author: SandboxUser;
  content: string;
  embeds: unknown[];
  components: unknown[];
  flags: number;
  /** 0 default, 19 reply, 20 chat-input command response, 23 context-menu response. */
  readonly type: number;
  readonly timestamp: string;
  editedTimestamp: string | null;
  readonly messageReference: { message_id: string; channel_id: string; guild_id?: string } | null;
  readonly mentions: SandboxUser[];
  attachments: StoredAttachment[];
  /** Set for interaction responses and follow-ups: the application id. */
  readonly webhookId: string | null;
  readonly interactionMetadata: Record<string, unknown> | null;
  /** An ephemeral message is seen by one person only, the one whose interaction it answers. */
  readonly visibleTo: string | null;
  deleted: boolean;
}
