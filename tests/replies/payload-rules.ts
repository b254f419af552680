import type { Article } from '../../src/corpus/article.js';
import { LIMITS } from '../../src/replies/limits.js';
import type { MessagePayload } from '../../src/replies/render.js';

/**
 * The rules every message the bot sends must keep, as one checker the property and crawl tests
 * share. Each returns what it found wrong, so a failing case names the rule it broke.
 */

/** Discord's size limits: what its API refuses with a 400. */
export function limitProblems(payload: MessagePayload): string[] {
  const problems: string[] = [];
  const fail = (what: string) => problems.push(what);
  if ((payload.content ?? '').length > LIMITS.content) fail(`content ${payload.content?.length}`);
  if (payload.embeds.length > LIMITS.embeds) fail(`${payload.embeds.length} embeds`);
  let total = 0;
  for (const embed of payload.embeds) {
    const fields = embed.fields ?? [];
    if ((embed.title ?? '').length > LIMITS.embedTitle) fail(`title ${embed.title?.length}`);
    if ((embed.description ?? '').length > LIMITS.embedDescription) fail(`description ${embed.description?.length}`);
    if ((embed.footer?.text ?? '').length > LIMITS.footer) fail(`footer ${embed.footer?.text.length}`);
    if (fields.length > LIMITS.fields) fail(`${fields.length} fields`);
    for (const field of fields) {
      if (field.name.length > LIMITS.fieldName) fail(`field name ${field.name.length}`);
      if (field.value.length > LIMITS.fieldValue) fail(`field value ${field.value.length}`);
    }
    total +=
      (embed.title ?? '').length +
      (embed.description ?? '').length +
      (embed.footer?.text ?? '').length +
      (embed.author?.name ?? '').length;
    total += fields.reduce((sum, f) => sum + f.name.length + f.value.length, 0);
  }
  if (total > LIMITS.embedsTotal) fail(`${total} characters across embeds`);
  if (payload.components.length > LIMITS.rows) fail(`${payload.components.length} rows`);
  const ids = new Set<string>();
  for (const row of payload.components) {
    if (row.components.length > LIMITS.buttonsPerRow) fail(`${row.components.length} buttons in a row`);
    for (const button of row.components) {
      const label = 'label' in button ? (button.label ?? '') : '';
      if (label.length < 1 || label.length > LIMITS.buttonLabel) fail(`label “${label}”`);
      const id = 'custom_id' in button ? button.custom_id : '';
      if (id.length < 1 || id.length > LIMITS.customId) fail(`custom_id ${id.length}: ${id}`);
      // Discord refuses a message whose components repeat a custom_id.
      if (ids.has(id)) fail(`custom_id twice: ${id}`);
      ids.add(id);
    }
  }
  return problems;
}

/** Everything a person reads in the message. */
export function visibleText(payload: MessagePayload): string[] {
  return [
    payload.content ?? '',
    ...payload.embeds.flatMap((e) => [
      e.title ?? '',
      e.description ?? '',
      e.footer?.text ?? '',
      ...(e.fields ?? []).flatMap((f) => [f.name, f.value]),
    ]),
    ...payload.components.flatMap((row) => row.components.map((b) => ('label' in b ? (b.label ?? '') : ''))),
  ];
}

/** Whether some `[…](` opens a masked link Discord would render: a `[` after an even run of backslashes. */
export function liveMaskedLink(text: string): boolean {
  for (const match of text.matchAll(/(\\*)\[[^\]\n]*\]\(/g)) if (match[1]!.length % 2 === 0) return true;
  return false;
}

/** No ping, no live mention, no masked link: the article has none, so any would come from a person's text. */
export function mentionProblems(payload: MessagePayload): string[] {
  const problems: string[] = [];
  if (JSON.stringify(payload.allowed_mentions) !== JSON.stringify({ parse: [] }))
    problems.push(`allowed_mentions ${JSON.stringify(payload.allowed_mentions)}`);
  for (const text of visibleText(payload)) {
    const live = /@everyone|@here|<@/.exec(text);
    if (live) problems.push(`live mention “${live[0]}” in: ${text.slice(0, 120)}`);
    if (liveMaskedLink(text)) problems.push(`masked link in: ${text.slice(0, 120)}`);
  }
  return problems;
}

const CITATION = /^— ¶(\d+)(?:\.(\d+))?$/;

/**
 * Every block-quote line holds only the article's words (bold and `…` aside), and a citation
 * follows each quote naming a paragraph (and sentence) that really holds those words.
 */
export function quoteProblems(payload: MessagePayload, article: Article): string[] {
  const problems: string[] = [];
  const texts = [payload.content ?? '', ...payload.embeds.map((e) => e.description ?? '')];
  for (const text of texts) {
    const lines = text.split('\n');
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i]!;
      if (!line.startsWith('>')) continue;
      if (!line.startsWith('> ')) {
        problems.push(`not a plain block quote: ${line.slice(0, 80)}`);
        continue;
      }
      let end = i;
      while (lines[end + 1]?.startsWith('> ')) end++;
      const cited = CITATION.exec(lines[end + 1] ?? '');
      const paragraph = cited ? article.paragraphs[Number(cited[1])] : undefined;
      const sentence = cited?.[2] === undefined ? undefined : paragraph?.sentences[Number(cited[2]) - 1];
      const holder = cited?.[2] === undefined ? paragraph?.text : sentence?.text;
      if (!holder)
        problems.push(`quote without a valid citation (${lines[end + 1] ?? 'end of text'}): ${line.slice(0, 80)}`);
      for (const quoted of lines.slice(i, end + 1)) {
        for (const piece of quoted.slice(2).replaceAll('**', '').split('…')) {
          if (piece.trim() !== '' && !(holder ?? article.text).includes(piece))
            problems.push(`not verbatim in ${lines[end + 1]}: “${piece.slice(0, 100)}”`);
        }
      }
      i = end;
    }
  }
  return problems;
}

export function payloadProblems(payload: MessagePayload, article: Article): string[] {
  return [...limitProblems(payload), ...mentionProblems(payload), ...quoteProblems(payload, article)];
}
