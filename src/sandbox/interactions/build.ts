import type { JsonObject } from '../json.js';
import { DEFAULT_LOCALE } from '../locales.js';
import { DM_APP_PERMISSIONS } from '../permissions.js';
import type { SandboxChannel, SandboxUser } from '../state/model.js';
import { channelJson, memberJson, userJson } from '../state/payloads.js';
import type { World } from '../state/world.js';
import { InteractionContext } from './access.js';

/** Where and by whom an interaction is made. */
export interface InteractionSite {
  readonly guildId: string | null;
  readonly channel: SandboxChannel;
  readonly user: SandboxUser;
  /** 0 guild, 1 bot DM, 2 private channel. */
  readonly context: number;
  readonly userInstall: boolean;
}

export interface InteractionInit {
  readonly id: string;
  readonly token: string;
  readonly type: number;
  readonly data: JsonObject;
  /** For component interactions: the message the component is on. */
  readonly message?: JsonObject;
  /** The person's client language (Discord sends it with every interaction); default en-US. */
  readonly locale?: string;
}

/**
 * INTERACTION_CREATE's payload with every field discord.js 14 reads: version, entitlements,
 * authorizing_integration_owners, context, app_permissions, channel + channel_id, and member
 * (with permissions) in a guild or user elsewhere.
 */
export function interactionPayload(
  world: World,
  applicationId: string,
  site: InteractionSite,
  init: InteractionInit,
): JsonObject {
  const { guildId, channel, user } = site;
  const inGuild = guildId !== null && site.context === InteractionContext.Guild;
  // Both "in the channel the interaction was sent from", overwrites included, as Discord computes them.
  const appPermissions = inGuild ? world.channelPermissionsOf(channel.id, world.bot.id) : DM_APP_PERMISSIONS;
  const userPermissions = inGuild ? world.channelPermissionsOf(channel.id, user.id) : 0n;
  const channelPayload: JsonObject = { ...channelJson(world, channel) };
  if (inGuild) channelPayload['permissions'] = userPermissions.toString();
  const payload: JsonObject = {
    id: init.id,
    application_id: applicationId,
    type: init.type,
    data: init.data,
    channel: channelPayload,
    channel_id: channel.id,
    token: init.token,
    version: 1,
    app_permissions: appPermissions.toString(),
    locale: init.locale ?? DEFAULT_LOCALE,
    entitlements: [],
    authorizing_integration_owners: integrationOwners(world, site),
    context: site.context,
    attachment_size_limit: 10 * 1024 * 1024,
  };
  if (inGuild) {
    const guild = world.guild(guildId);
    const member = guild?.members.get(user.id);
    const guildLocale = guild?.preferredLocale ?? DEFAULT_LOCALE;
    payload['guild_id'] = guildId;
    payload['guild_locale'] = guildLocale;
    payload['guild'] = { id: guildId, locale: guildLocale, features: [] };
    payload['member'] = member
      ? { ...memberJson(world, member), permissions: userPermissions.toString() }
      : {
          user: userJson(user),
          roles: [],
          joined_at: new Date().toISOString(),
          deaf: false,
          mute: false,
          flags: 0,
          permissions: '0',
        };
  } else {
    payload['user'] = userJson(user);
  }
  if (init.message) payload['message'] = init.message;
  return payload;
}

/** {"0": guild id} for a server install ("0" in DMs), {"1": user id} for a user install. */
function integrationOwners(world: World, site: InteractionSite): Record<string, string> {
  const owners: Record<string, string> = {};
  const botInGuild = site.guildId !== null && world.guild(site.guildId)?.members.has(world.bot.id) === true;
  if (!site.userInstall || botInGuild) owners['0'] = site.guildId ?? '0';
  if (site.userInstall) owners['1'] = site.user.id;
  return owners;
}
