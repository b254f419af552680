import { ButtonStyle, type APIEmbed } from 'discord.js';
import type { MessagePayload } from '../replies/render.js';
import { inlineToHtml, markdownToHtml } from './discord-markdown.js';
import { escapeHtml } from './html.js';

const STYLE_NAMES: Readonly<Record<number, string>> = {
  [ButtonStyle.Primary]: 'primary',
  [ButtonStyle.Secondary]: 'secondary',
  [ButtonStyle.Success]: 'success',
  [ButtonStyle.Danger]: 'danger',
  [ButtonStyle.Link]: 'secondary',
};

/** An embed's colour as six hex digits, the name of its accent class; Discord's grey when it has none. */
export const accentOf = (embed: APIEmbed): string => (embed.color ?? 0x1e1f22).toString(16).padStart(6, '0').slice(-6);

/** The stylesheet rules for the accents the payloads use: a class each, since the page allows no inline style. */
export function accentRules(payloads: readonly MessagePayload[]): string {
  const accents = new Set(payloads.flatMap((payload) => payload.embeds.map(accentOf)));
  return [...accents].map((hex) => `.accent-${hex}{border-left-color:#${hex}}`).join('');
}

/** A title or a field's name: inline marks only, as Discord shows them. */
const lines = (text: string): string => text.split('\n').map(inlineToHtml).join('<br>');

function embedHtml(embed: APIEmbed): string {
  const parts: string[] = [];
  // Discord renders markdown in an embed's title, description and fields, not in its footer.
  if (embed.title) parts.push(`<h3 class="embed-title">${lines(embed.title)}</h3>`);
  if (embed.description) parts.push(`<div class="embed-description">${markdownToHtml(embed.description)}</div>`);
  for (const field of embed.fields ?? [])
    parts.push(`<div class="embed-field"><h4>${lines(field.name)}</h4>${markdownToHtml(field.value)}</div>`);
  if (embed.footer?.text) parts.push(`<p class="embed-footer">${escapeHtml(embed.footer.text)}</p>`);
  return `<div class="embed accent-${accentOf(embed)}">${parts.join('')}</div>`;
}

/** The buttons under the message, drawn as Discord draws them; on the page they do nothing. */
function buttonsHtml(payload: MessagePayload): string {
  const rows = payload.components.map(
    (row) =>
      `<div class="button-row">${row.components
        .map((button) => {
          const style = STYLE_NAMES[button.style] ?? 'secondary';
          const label = 'label' in button && button.label ? button.label : '';
          return `<span class="discord-button ${style}">${escapeHtml(label)}</span>`;
        })
        .join('')}</div>`,
  );
  return rows.length ? `<div class="buttons">${rows.join('')}</div>` : '';
}

/** A message the bot sends, as Discord's JSON has it, drawn as a card of safe HTML. */
export function messageCard(payload: MessagePayload, author: string): string {
  return [
    '<div class="message">',
    `<p class="author">${escapeHtml(author)} <span class="app-tag">APP</span></p>`,
    payload.content ? `<div class="content">${markdownToHtml(payload.content)}</div>` : '',
    ...payload.embeds.map(embedHtml),
    buttonsHtml(payload),
    '</div>',
  ].join('');
}
