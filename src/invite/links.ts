import { ApplicationIntegrationType, OAuth2Routes, OAuth2Scopes } from 'discord.js';
import { ANSWER_PERMISSIONS } from './permissions.js';

/** The two ways to install the bot, as Discord authorization links. */
export interface InviteLinks {
  /** Adds the bot to a server, with the permissions it answers with (needs Manage Server there). */
  readonly server: string;
  /** Installs the commands to the person's own account: usable in any server, DM and group DM. */
  readonly user: string;
}

/**
 * The links for an application id (a Discord snowflake, checked by the caller). The
 * `integration_type` makes each link one kind of install, whatever the Developer Portal's
 * default install settings say; a user install takes no bot permissions.
 */
export function inviteLinks(applicationId: string): InviteLinks {
  return {
    server: authorizationLink({
      client_id: applicationId,
      scope: [OAuth2Scopes.Bot, OAuth2Scopes.ApplicationsCommands].join(' '),
      permissions: ANSWER_PERMISSIONS.bitfield.toString(),
      integration_type: String(ApplicationIntegrationType.GuildInstall),
    }),
    user: authorizationLink({
      client_id: applicationId,
      scope: OAuth2Scopes.ApplicationsCommands,
      integration_type: String(ApplicationIntegrationType.UserInstall),
    }),
  };
}

function authorizationLink(query: Readonly<Record<string, string>>): string {
  const url = new URL(OAuth2Routes.authorizationURL);
  for (const [name, value] of Object.entries(query)) url.searchParams.set(name, value);
  return url.toString();
}
