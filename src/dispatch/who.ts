import { InteractionContextType, MessageFlags, type APIInteraction, type APIMessage, type APIUser } from 'discord.js';
import type { Presser } from '../answers/buttons.js';
import { languageOf, type Language } from '../i18n/words.js';

/** Who made the interaction: the member's user in a server, the user elsewhere. */
export function userOf(interaction: APIInteraction): APIUser | undefined {
  return interaction.member?.user ?? interaction.user;
}

/** The member's permissions as Discord computed them for this interaction; none outside servers. */
function permissionsOf(interaction: APIInteraction): bigint | undefined {
  const bits = interaction.member?.permissions;
  if (bits === undefined || !/^\d{1,30}$/.test(bits)) return undefined;
  return BigInt(bits);
}

/**
 * The language to answer in: the person's Discord client language (`locale`), or where an
 * interaction carries none, the server's (`guild_locale`); English for any other than Chinese.
 */
export function languageOfAsker(interaction: APIInteraction): Language {
  const locale = 'locale' in interaction ? interaction.locale : undefined;
  return languageOf(locale ?? interaction.guild_locale);
}

export function presserOf(interaction: APIInteraction): Presser {
  return {
    userId: userOf(interaction)?.id ?? '',
    guildId: interaction.guild_id ?? null,
    permissions: permissionsOf(interaction),
  };
}

export function isEphemeral(message: APIMessage): boolean {
  return ((message.flags ?? 0) & MessageFlags.Ephemeral) !== 0;
}

/**
 * Whether the person pressing a button on this message is the person it was for: only they may
 * redraw it. An ephemeral message is only ever pressed by its own person, and a DM with the bot
 * holds no one else; elsewhere the message names who made the interaction it answers.
 */
export function pressedByOwner(interaction: APIInteraction & { readonly message: APIMessage }): boolean {
  const { message } = interaction;
  if (isEphemeral(message) || interaction.context === InteractionContextType.BotDM) return true;
  const owner = message.interaction_metadata?.user.id;
  return owner !== undefined && owner === userOf(interaction)?.id;
}
