import { Routes, type RESTPostAPIApplicationCommandsJSONBody } from 'discord.js';

/** What the deploy script needs from the environment; the token is never logged. */
export interface DeploySettings {
  readonly token: string;
  readonly clientId: string;
  /** Register to this one server only: instant, for development. */
  readonly guildId?: string;
  /** REST base URL instead of Discord's, e.g. the local sandbox. */
  readonly api?: string;
}

export interface DeployPlan {
  readonly scope: 'guild' | 'global';
  readonly route: `/${string}`;
  readonly body: readonly RESTPostAPIApplicationCommandsJSONBody[];
}

/** Reads the settings, or names what is missing so the person can fix their `.env`. */
export function readDeploySettings(
  env: Readonly<Record<string, string | undefined>>,
): DeploySettings | { readonly missing: string[] } {
  const value = (name: string): string | undefined => env[name]?.trim() || undefined;
  const token = value('DISCORD_TOKEN');
  const clientId = value('DISCORD_CLIENT_ID');
  if (!token || !clientId)
    return { missing: [...(token ? [] : ['DISCORD_TOKEN']), ...(clientId ? [] : ['DISCORD_CLIENT_ID'])] };
  const guildId = value('GUILD_ID');
  const api = value('DISCORD_API');
  return { token, clientId, ...(guildId ? { guildId } : {}), ...(api ? { api } : {}) };
}

/**
 * One PUT replaces the whole set, so commands removed from the code disappear from Discord too.
 * A guild's commands update at once; global ones are for production.
 */
export function deployPlan(
  settings: DeploySettings,
  definitions: readonly RESTPostAPIApplicationCommandsJSONBody[],
): DeployPlan {
  return settings.guildId
    ? { scope: 'guild', route: Routes.applicationGuildCommands(settings.clientId, settings.guildId), body: definitions }
    : { scope: 'global', route: Routes.applicationCommands(settings.clientId), body: definitions };
}
