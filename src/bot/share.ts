import { ComponentType, type APIActionRowComponent, type APIButtonComponent, type ButtonInteraction } from 'discord.js';
import { SHARE_ACTION, type MessagePayload } from '../replies/render.js';

/**
 * "Share" posts, for everyone in the channel, the very answer the presser saw privately: the
 * message's own embeds and buttons (the bot wrote them), without the Share button itself.
 * The mention of who shared it renders as a name and pings no one.
 */
export function sharedAnswer(interaction: ButtonInteraction): MessagePayload {
  const rows = interaction.message.components
    .map((row) => row.toJSON())
    .filter((row): row is APIActionRowComponent<APIButtonComponent> => row.type === ComponentType.ActionRow)
    .map((row) => ({
      ...row,
      components: row.components.filter((c) => !('custom_id' in c) || c.custom_id !== SHARE_ACTION),
    }))
    .filter((row) => row.components.length > 0);
  return {
    content: `Shared by <@${interaction.user.id}>`,
    embeds: interaction.message.embeds.map((embed) => embed.toJSON()),
    components: rows,
    allowed_mentions: { parse: [] },
  };
}
