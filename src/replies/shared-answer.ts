import {
  ButtonStyle,
  ComponentType,
  type APIActionRowComponent,
  type APIButtonComponent,
  type APIEmbed,
  type APIMessage,
} from 'discord.js';
import { t, type Language } from '../i18n/words.js';
import { SHARE_ACTION, SHARED_ACTION, type MessagePayload } from './render.js';

/**
 * An embed as the bot wrote it. Discord sends a message back with fields of its own (`type`,
 * image sizes); only what a message may be sent with is kept.
 */
function asWritten(embed: APIEmbed): APIEmbed {
  const { title, description, url, color, footer, fields, author, timestamp } = embed;
  const written: APIEmbed = {};
  if (title !== undefined) written.title = title;
  if (description !== undefined) written.description = description;
  if (url !== undefined) written.url = url;
  if (color !== undefined) written.color = color;
  if (footer !== undefined) written.footer = { text: footer.text };
  if (fields !== undefined)
    written.fields = fields.map(({ name, value, inline }) => (inline ? { name, value, inline } : { name, value }));
  if (author !== undefined) written.author = { name: author.name };
  if (timestamp !== undefined) written.timestamp = timestamp;
  return written;
}

/** The message's buttons as the bot wrote them (without the `id`s Discord numbers them with). */
function buttonRows(message: APIMessage): APIActionRowComponent<APIButtonComponent>[] {
  const rows: APIActionRowComponent<APIButtonComponent>[] = [];
  for (const row of message.components ?? []) {
    if (row.type !== ComponentType.ActionRow) continue;
    const buttons: APIButtonComponent[] = [];
    for (const component of row.components) {
      if (component.type !== ComponentType.Button || !('custom_id' in component)) continue;
      const { style, label, custom_id, disabled } = component;
      const button: APIButtonComponent = { type: ComponentType.Button, style, custom_id };
      if (label !== undefined) button.label = label;
      if (disabled) button.disabled = true;
      buttons.push(button);
    }
    if (buttons.length > 0) rows.push({ type: ComponentType.ActionRow, components: buttons });
  }
  return rows;
}

const isShare = (button: APIButtonComponent): boolean => 'custom_id' in button && button.custom_id === SHARE_ACTION;

/**
 * "Share" posts, for everyone in the channel, the very answer the presser saw privately: the
 * message's own embeds and buttons, without the Share button itself. The mention of who shared
 * it renders as a name and pings no one.
 */
export function sharedAnswer(message: APIMessage, sharerId: string, language: Language): MessagePayload {
  const components = buttonRows(message)
    .map((row) => ({ ...row, components: row.components.filter((b) => !isShare(b)) }))
    .filter((row) => row.components.length > 0);
  return {
    content: t(language, 'share.sharedBy', { user: sharerId }),
    embeds: message.embeds.map(asWritten),
    components,
    allowed_mentions: { parse: [] },
  };
}

/** The private answer once shared: the same, its Share button spent, so it is shared once. */
export function spentShare(message: APIMessage, language: Language): MessagePayload {
  const components = buttonRows(message).map((row) => ({
    ...row,
    components: row.components.map((button): APIButtonComponent =>
      isShare(button)
        ? {
            type: ComponentType.Button,
            style: ButtonStyle.Success,
            label: t(language, 'share.shared'),
            custom_id: SHARED_ACTION,
            disabled: true,
          }
        : button,
    ),
  }));
  const payload: MessagePayload = {
    embeds: message.embeds.map(asWritten),
    components,
    allowed_mentions: { parse: [] },
  };
  if (message.content) payload.content = message.content;
  return payload;
}
