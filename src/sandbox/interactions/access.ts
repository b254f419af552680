import { ALL_PERMISSIONS, Permission } from '../permissions.js';
import { CommandType, type CommandDefinition } from '../state/commands.js';
import type { SandboxUser } from '../state/model.js';
import type { World } from '../state/world.js';

/** Where an interaction happens: a server, the DM with the bot, or another private channel. */
export const InteractionContext = { Guild: 0, BotDM: 1, PrivateChannel: 2 } as const;

/** How the app is installed for this use: 0 in the server, 1 for the user. */
export const IntegrationType = { GuildInstall: 0, UserInstall: 1 } as const;

export interface Invocation {
  readonly guildId: string | null;
  readonly user: SandboxUser;
  readonly context: number;
  readonly userInstall: boolean;
}

const CONTEXT_NAMES = ['this server', 'direct messages with the bot', 'private channels'];

const PERMISSION_NAMES: [bigint, string][] = [
  [Permission.Administrator, 'Administrator'],
  [Permission.ManageGuild, 'Manage Server'],
  [Permission.ManageChannels, 'Manage Channels'],
  [Permission.ManageMessages, 'Manage Messages'],
  [Permission.SendMessages, 'Send Messages'],
  [Permission.ViewChannel, 'View Channels'],
];

/**
 * Why Discord would not let this person run this command here, or null if it would.
 * The checks are the client's: registered name, contexts, install type, default permissions.
 */
export function refusal(
  world: World,
  command: CommandDefinition | undefined,
  invocation: Invocation,
  label: string,
): string | null {
  if (!command) return `unknown command ${label}: the bot has not registered it`;
  if (command.guildId !== null && command.guildId !== invocation.guildId)
    return `unknown command ${label}: it is registered for another server`;
  const contexts = command.contexts ?? defaultContexts(command);
  if (!contexts.includes(invocation.context))
    return `${label} is not available in ${CONTEXT_NAMES[invocation.context] ?? 'this place'}`;
  const installType = invocation.userInstall ? IntegrationType.UserInstall : IntegrationType.GuildInstall;
  if (command.guildId === null && !command.integrationTypes.includes(installType)) {
    return `${label} is not available when the app is ${invocation.userInstall ? 'installed for the user' : 'installed in the server'}`;
  }
  // default_member_permissions only applies where a server's permissions exist.
  if (invocation.context === InteractionContext.Guild && invocation.guildId && !invocation.userInstall) {
    const required = command.defaultMemberPermissions === null ? null : BigInt(command.defaultMemberPermissions);
    if (required !== null) {
      const held = world.permissionsOf(invocation.guildId, invocation.user.id);
      // "0" hides the command from everyone but administrators.
      const allowed = required === 0n ? held === ALL_PERMISSIONS : (held & required) === required;
      if (!allowed)
        return `${label} requires the ${permissionNames(required)} permission, which ${invocation.user.username} does not have`;
    }
  }
  return null;
}

function defaultContexts(command: CommandDefinition): number[] {
  if (command.guildId !== null) return [InteractionContext.Guild];
  const contexts: number[] = [InteractionContext.Guild];
  if (command.dmPermission) contexts.push(InteractionContext.BotDM);
  if (command.integrationTypes.includes(IntegrationType.UserInstall))
    contexts.push(InteractionContext.BotDM, InteractionContext.PrivateChannel);
  return contexts;
}

function permissionNames(bits: bigint): string {
  if (bits === 0n) return 'Administrator';
  const names = PERMISSION_NAMES.filter(([bit]) => (bits & bit) === bit).map(([, name]) => name);
  return names.length > 0 ? names.join(' + ') : `bitfield ${bits.toString()}`;
}

export function commandLabel(name: string, type: number): string {
  return type === CommandType.ChatInput ? `/${name}` : `"${name}"`;
}
