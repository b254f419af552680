import {
  ComponentType,
  type APIAllowedMentions,
  type APIButtonComponent,
  type APIEmbed,
  type APIMessageTopLevelComponent,
} from 'discord.js';
import type { Article } from '../corpus/article.js';
import { formatCitation } from '../corpus/citation.js';
import { LIMITS } from './limits.js';
import { readQuotes } from './quote-markdown.js';

/**
 * The rules every message the bot sends must keep, as one checker for the tests that crawl the
 * commands, buttons and messages. Each rule returns what it found wrong, so a failing case
 * names the rule it broke.
 */

/** A message body as any of Discord's routes takes it: a response's data, an edit, a follow-up, a post. */
export interface MessageBody {
  readonly content?: string | null | undefined;
  readonly embeds?: readonly APIEmbed[] | null | undefined;
  readonly components?: readonly APIMessageTopLevelComponent[] | null | undefined;
  readonly allowed_mentions?: APIAllowedMentions | null | undefined;
  readonly flags?: number | null | undefined;
}

/** The buttons of each row: the bot writes no other component. */
export function buttonRows(
  body: MessageBody,
): { readonly row: number; readonly buttons: readonly APIButtonComponent[] }[] {
  return (body.components ?? []).map((component, row) => ({
    row,
    buttons:
      component.type === ComponentType.ActionRow
        ? component.components.filter((c): c is APIButtonComponent => c.type === ComponentType.Button)
        : [],
  }));
}

/** Every text a person reads in a message, with where it stands. */
export function texts(payload: MessageBody): { where: string; text: string }[] {
  return [
    { where: 'content', text: payload.content ?? '' },
    ...(payload.embeds ?? []).flatMap((e, i) => [
      { where: `embed ${i} title`, text: e.title ?? '' },
      { where: `embed ${i} description`, text: e.description ?? '' },
      { where: `embed ${i} footer`, text: e.footer?.text ?? '' },
      { where: `embed ${i} author`, text: e.author?.name ?? '' },
      ...(e.fields ?? []).flatMap((f, j) => [
        { where: `embed ${i} field ${j} name`, text: f.name },
        { where: `embed ${i} field ${j} value`, text: f.value },
      ]),
    ]),
    ...buttonRows(payload).flatMap(({ row, buttons }) =>
      buttons.map((b, j) => ({ where: `row ${row} button ${j} label`, text: 'label' in b ? (b.label ?? '') : '' })),
    ),
  ];
}

/** Discord's limits: what its API refuses with a 400. */
export function limitProblems(payload: MessageBody): string[] {
  const problems: string[] = [];
  const over = (what: string, length: number, max: number) =>
    length > max && problems.push(`${what}: ${length} > ${max}`);
  const embeds = payload.embeds ?? [];
  over('content', (payload.content ?? '').length, LIMITS.content);
  over('embeds', embeds.length, LIMITS.embeds);
  let total = 0;
  for (const embed of embeds) {
    const fields = embed.fields ?? [];
    over('title', (embed.title ?? '').length, LIMITS.embedTitle);
    over('description', (embed.description ?? '').length, LIMITS.embedDescription);
    over('footer', (embed.footer?.text ?? '').length, LIMITS.footer);
    over('fields', fields.length, LIMITS.fields);
    for (const field of fields) {
      over('field name', field.name.length, LIMITS.fieldName);
      over('field value', field.value.length, LIMITS.fieldValue);
    }
    total +=
      (embed.title ?? '').length +
      (embed.description ?? '').length +
      (embed.footer?.text ?? '').length +
      (embed.author?.name ?? '').length;
    total += fields.reduce((sum, f) => sum + f.name.length + f.value.length, 0);
  }
  over('characters across embeds', total, LIMITS.embedsTotal);
  const rows = payload.components ?? [];
  over('rows', rows.length, LIMITS.rows);
  const ids = new Set<string>();
  for (const component of rows) {
    if (component.type !== ComponentType.ActionRow) {
      problems.push(`a component of type ${component.type}: the bot writes only rows of buttons`);
      continue;
    }
    over('buttons in a row', component.components.length, LIMITS.buttonsPerRow);
    if (component.components.length === 0) problems.push('an empty row');
    for (const button of component.components) {
      if (button.type !== ComponentType.Button) {
        problems.push(`a component of type ${button.type} in a row: the bot writes only buttons`);
        continue;
      }
      const label = 'label' in button ? (button.label ?? '') : '';
      if (label.length < 1 || label.length > LIMITS.buttonLabel)
        problems.push(`label of ${label.length}: “${label.slice(0, 40)}”`);
      const id = 'custom_id' in button ? button.custom_id : '';
      if (id.length < 1 || id.length > LIMITS.customId) problems.push(`custom_id of ${id.length}: ${id.slice(0, 40)}`);
      // Discord refuses a message whose components repeat a custom_id.
      if (ids.has(id)) problems.push(`custom_id twice: ${id.slice(0, 40)}`);
      ids.add(id);
    }
  }
  return problems;
}

/** Whether some `[…](` opens a masked link Discord would render: a `[` after an even run of backslashes. */
export function liveMaskedLink(text: string): boolean {
  for (const match of text.matchAll(/(\\*)\[[^\]\n]*\]\(/g)) if (match[1]!.length % 2 === 0) return true;
  return false;
}

/**
 * No ping, no live mention, no masked link: the article has none, so any would come from a
 * person's text. The bot writes mentions of its own only in /config (`<#channel>`, `<@moderator>`)
 * and under a shared answer (`<@sharer>`), for ids it was given as ids: those exact tokens are `allowed`.
 */
export function mentionProblems(payload: MessageBody, allowed: ReadonlySet<string> = new Set()): string[] {
  const problems: string[] = [];
  const { parse, users, roles, replied_user: repliedUser } = payload.allowed_mentions ?? {};
  // `parse: []` and nothing named; a reply to a message may say `replied_user: false`, never true.
  if (parse?.length !== 0 || users?.length || roles?.length || repliedUser === true)
    problems.push(`allowed_mentions ${JSON.stringify(payload.allowed_mentions)}`);
  for (const { where, text } of texts(payload)) {
    const everyone = /@(everyone|here)/.exec(text);
    if (everyone)
      problems.push(
        `live ${everyone[0]} in ${where}: ${JSON.stringify(text.slice(Math.max(0, everyone.index - 30), everyone.index + 30))}`,
      );
    for (const mention of text.matchAll(/<(@[!&]?|#)/g)) {
      const token = /^<(?:@[!&]?|#)\d+>/.exec(text.slice(mention.index))?.[0];
      if (token === undefined || !allowed.has(token))
        problems.push(
          `live ${mention[0]} in ${where}: ${JSON.stringify(text.slice(mention.index, mention.index + 40))}`,
        );
    }
    if (liveMaskedLink(text)) problems.push(`masked link in ${where}: ${JSON.stringify(text.slice(0, 120))}`);
  }
  return problems;
}

/**
 * Every block quote holds only the article's words (`**` bold and `…` elisions aside), as plain
 * `> ` lines, and is closed by a citation naming a paragraph (or sentence) that holds those words.
 */
export function quoteProblems(payload: MessageBody, article: Article): string[] {
  const problems: string[] = [];
  for (const { where, text } of texts(payload)) {
    for (const quote of readQuotes(text)) {
      for (const line of quote.lines) {
        if (!line.startsWith('> ') || line.startsWith('>>> '))
          problems.push(`not a plain block quote in ${where}: ${JSON.stringify(line.slice(0, 60))}`);
      }
      const { citation } = quote;
      const paragraph = citation ? article.paragraphs[citation.paragraph] : undefined;
      const holder =
        citation?.sentence === undefined ? paragraph?.text : paragraph?.sentences[citation.sentence - 1]?.text;
      if (holder === undefined) {
        problems.push(
          `quote without a valid citation in ${where} (${quote.after ?? 'end of text'}): ${JSON.stringify(quote.text.slice(0, 60))}`,
        );
      }
      for (const line of quote.lines) {
        for (const piece of line.slice(2).replaceAll('**', '').split('…')) {
          if (piece.trim() !== '' && !(holder ?? article.text).includes(piece))
            problems.push(
              `not verbatim in ${citation ? formatCitation(citation) : 'the article'} (${where}): “${piece.slice(0, 100)}”`,
            );
        }
      }
    }
  }
  return problems;
}

export function payloadProblems(payload: MessageBody, article: Article, allowed?: ReadonlySet<string>): string[] {
  return [...limitProblems(payload), ...mentionProblems(payload, allowed), ...quoteProblems(payload, article)];
}
