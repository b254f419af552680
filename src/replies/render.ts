import type { APIActionRowComponent, APIButtonComponent, APIEmbed } from 'discord.js';
import { ButtonStyle, ComponentType, MessageFlags } from 'discord.js';
import { t, type Language } from '../i18n/words.js';
import type { Answer, Button, Line, Problem } from './answer.js';
import { encodeAction } from './custom-id.js';
import { clip, LIMITS } from './limits.js';
import { splitQuote } from './quote-markdown.js';

/** The JSON body of a message the bot sends: what Discord's API receives. */
export interface MessagePayload {
  content?: string;
  embeds: APIEmbed[];
  components: APIActionRowComponent<APIButtonComponent>[];
  allowed_mentions: { parse: [] };
  flags?: number;
}

export interface RenderOptions {
  /** The language of the bot's own words around the answer (page buttons, Share). */
  readonly language: Language;
  /** Only the person who asked sees it. */
  readonly ephemeral?: boolean;
  /** Offer "Share" on an ephemeral answer. */
  readonly shareable?: boolean;
  /** Names the source under every answer. */
  readonly footer: string;
  /** A line above the answer, in the bot's words (e.g. where it answers publicly). */
  readonly notice?: string;
}

/** The custom_id of "Share", and of the spent button it becomes once pressed. */
export const SHARE_ACTION = 'share';
export const SHARED_ACTION = 'shared';
/** Room kept in a page for the title and footer within Discord's 6000 across a message. */
const PAGE_SIZE = 3800;
const ACCENT = 0x2b6cb0;

const STYLES = {
  primary: ButtonStyle.Primary,
  secondary: ButtonStyle.Secondary,
  success: ButtonStyle.Success,
} as const;

function blocksOf(line: Line): string[] {
  return 'quote' in line ? splitQuote(line.quote, PAGE_SIZE) : [clip(line.note, PAGE_SIZE)];
}

/** Lays the answer's lines into pages that each fit one embed description. */
export function paginate(answer: Answer): string[] {
  const blocks: string[] = [];
  if (answer.intro) blocks.push(clip(answer.intro, PAGE_SIZE));
  for (const section of answer.sections) {
    const lines = section.lines.flatMap(blocksOf);
    if (section.heading) lines[0] = `**${clip(section.heading, 200)}**\n${lines[0] ?? ''}`;
    blocks.push(...lines);
  }
  const pages: string[] = [];
  let page = '';
  for (const block of blocks) {
    if (page && page.length + 2 + block.length > PAGE_SIZE) {
      pages.push(page);
      page = '';
    }
    page = page ? `${page}\n\n${block}` : block;
  }
  pages.push(page);
  return pages;
}

function button({ label, action, style = 'secondary', disabled = false }: Button): APIButtonComponent {
  const json: APIButtonComponent = {
    type: ComponentType.Button,
    style: STYLES[style],
    label: clip(label, LIMITS.buttonLabel),
    custom_id: action,
  };
  return disabled ? { ...json, disabled } : json;
}

function rows(buttons: readonly Button[]): APIActionRowComponent<APIButtonComponent>[] {
  const out: APIActionRowComponent<APIButtonComponent>[] = [];
  const limited = buttons.slice(0, LIMITS.buttonsPerRow * LIMITS.rows);
  for (let i = 0; i < limited.length; i += LIMITS.buttonsPerRow) {
    out.push({ type: ComponentType.ActionRow, components: limited.slice(i, i + LIMITS.buttonsPerRow).map(button) });
  }
  return out;
}

/** An answer as one embed with its buttons; a long answer shows one page and buttons to the others. */
export function renderAnswer(answer: Answer, options: RenderOptions): MessagePayload {
  const pages = paginate(answer);
  const canPage = pages.length > 1 && answer.pageAction !== undefined;
  const index = canPage ? Math.min(Math.max(answer.page ?? 0, 0), pages.length - 1) : 0;
  let description = pages[index] ?? '';
  // Without a way to page, whole blocks are kept while they fit: a quote never loses its citation.
  if (pages.length > 1 && !canPage) description = `${pages[0] ?? ''}\n\n${t(options.language, 'render.longer')}`;

  const status = [
    answer.status,
    canPage ? t(options.language, 'render.page', { page: index + 1, count: pages.length }) : undefined,
  ]
    .filter(Boolean)
    .join(' · ');
  const embed: APIEmbed = {
    title: clip(answer.title, LIMITS.embedTitle),
    description: description || undefined,
    color: ACCENT,
    footer: { text: clip(status ? `${options.footer} · ${status}` : options.footer, 300) },
  };

  const buttons: Button[] = [];
  if (canPage && answer.pageAction) {
    if (index > 0)
      buttons.push({ label: t(options.language, 'render.previousPage'), action: answer.pageAction(index - 1) });
    if (index < pages.length - 1)
      buttons.push({ label: t(options.language, 'render.nextPage'), action: answer.pageAction(index + 1) });
  }
  buttons.push(...(answer.buttons ?? []));
  if (options.ephemeral && options.shareable)
    buttons.push({ label: t(options.language, 'render.share'), action: encodeAction(SHARE_ACTION), style: 'success' });

  const payload: MessagePayload = { embeds: [embed], components: rows(buttons), allowed_mentions: { parse: [] } };
  if (options.notice) payload.content = clip(options.notice, LIMITS.content);
  if (options.ephemeral) payload.flags = MessageFlags.Ephemeral;
  return payload;
}

/** A person's mistake: said plainly, only to them, with any choices offered instead. */
export function renderProblem(problem: Problem): MessagePayload {
  return {
    content: clip(problem.problem, LIMITS.content),
    embeds: [],
    components: rows(problem.buttons ?? []),
    allowed_mentions: { parse: [] },
    flags: MessageFlags.Ephemeral,
  };
}
