import type { Reply, Settlement } from './collect.js';
import { asArray, asNumber, asObject, asString, isObject, type JsonObject } from './json.js';

/** How each reply kind is introduced when shown to a person. */
const KIND_LABELS: Record<Reply['kind'], string> = {
  callback: 'reply',
  edit: 'edit',
  followup: 'follow-up',
  message: 'message',
};

/**
 * A reply as a person would read it in Discord: the text, embeds laid out as text (title,
 * description, fields, footer), buttons as `[Label]`, and "(only you can see this)" for ephemeral.
 */
export function renderReply(reply: Reply): string {
  const body = asObject(reply.body);
  const lines: string[] = [];
  if (reply.ephemeral) lines.push('(only you can see this)');
  let message: JsonObject = body;
  if (reply.kind === 'callback') {
    const type = asNumber(body['type']);
    message = asObject(body['data']);
    if (type === 5) return [...lines, '(the bot is thinking…)'].join('\n');
    if (type === 6) return '(the bot acknowledged the click)';
    if (type === 8) return renderChoices(message);
    if (type === 9) return `(opens a form: ${asString(message['title']) ?? 'untitled'})`;
    if (type === 7) lines.push('(updates the message)');
  }
  lines.push(...renderMessage(message));
  for (const file of reply.files ?? []) lines.push(`(file: ${file.filename})`);
  return lines.join('\n');
}

function renderMessage(message: JsonObject): string[] {
  const lines: string[] = [];
  const content = asString(message['content']);
  if (content) lines.push(content);
  for (const embed of asArray(message['embeds'])) {
    if (lines.length > 0) lines.push('');
    lines.push(...renderEmbed(asObject(embed)).map((line) => `│ ${line}`.trimEnd()));
  }
  const components = renderComponents(asArray(message['components']));
  if (components.length > 0 && lines.length > 0) lines.push('');
  lines.push(...components);
  return lines.length > 0 ? lines : ['(empty message)'];
}

function renderEmbed(embed: JsonObject): string[] {
  const lines: string[] = [];
  const author = asString(asObject(embed['author'])['name']);
  if (author) lines.push(author);
  const title = asString(embed['title']);
  if (title) lines.push(`**${title}**`);
  const description = asString(embed['description']);
  if (description) lines.push(...description.split('\n'));
  for (const field of asArray(embed['fields'])) {
    const entry = asObject(field);
    lines.push(
      '',
      asString(entry['name']) ?? '',
      ...(asString(entry['value']) ?? '').split('\n').map((line) => `  ${line}`),
    );
  }
  const footer = asString(asObject(embed['footer'])['text']);
  if (footer) lines.push('', `— ${footer}`);
  return lines;
}

/** Action rows become one line of `[Label]`s; Components V2 text and containers are laid out in order. */
function renderComponents(components: unknown[]): string[] {
  const lines: string[] = [];
  for (const component of components.filter(isObject)) {
    const type = asNumber(component['type']);
    const children = asArray(component['components']);
    if (type === 1) {
      lines.push(children.filter(isObject).map(renderControl).join(' '));
    } else if (type === 10) {
      lines.push(...(asString(component['content']) ?? '').split('\n'));
    } else if (type === 9) {
      lines.push(...renderComponents(children));
      if (isObject(component['accessory'])) lines.push(renderControl(component['accessory']));
    } else if (type === 17) {
      lines.push(...renderComponents(children).map((line) => `│ ${line}`.trimEnd()));
    } else if (type === 14) {
      lines.push('');
    } else if (type === 2 || type === 3 || (type !== undefined && type >= 5 && type <= 8)) {
      lines.push(renderControl(component));
    }
  }
  return lines;
}

function renderControl(component: JsonObject): string {
  const type = asNumber(component['type']);
  if (type === 2) {
    const label = asString(component['label']) ?? asString(asObject(component['emoji'])['name']) ?? '?';
    const link = component['style'] === 5 ? ' ↗' : '';
    const disabled = component['disabled'] === true ? ' (disabled)' : '';
    return `[${label}${link}]${disabled}`;
  }
  return `[${asString(component['placeholder']) ?? 'Select…'} ▾]`;
}

function renderChoices(data: JsonObject): string {
  const choices = asArray(data['choices']).filter(isObject);
  if (choices.length === 0) return '(no suggestions)';
  return [
    'suggestions:',
    ...choices.map((choice) => `  ${asString(choice['name']) ?? ''} → ${String(choice['value'])}`),
  ].join('\n');
}

/** One script line's outcome for a person: each reply under a "bot (kind):" header. */
export function renderResult(
  result: { readonly input: string } & (
    | {
        readonly replies: readonly Reply[];
        readonly rejected?: readonly string[];
        readonly settlement?: Settlement;
        readonly timedOut?: true;
      }
    | { readonly denied: string }
    | { readonly error: string }
    | { readonly help: string }
    | { readonly note: string }
  ),
): string {
  if ('help' in result) return result.help;
  if ('note' in result) return result.note;
  if ('error' in result) return `✗ ${result.error}`;
  if ('denied' in result) return `✗ Discord refused: ${result.denied}`;
  const parts = result.replies.map((reply) => `bot (${KIND_LABELS[reply.kind]}):\n${indent(renderReply(reply))}`);
  for (const rejection of result.rejected ?? []) parts.push(`✗ Discord rejected a request of the bot: ${rejection}`);
  const { settlement } = result;
  const outcome = settlement ? `${settlement.outcome}${settlement.reason ? `: ${settlement.reason}` : ''}` : null;
  if (parts.length === 0) parts.push(outcome ? `(no reply — ${outcome})` : '(no reply)');
  else if (outcome && settlement?.outcome !== 'answered') parts.push(`(${outcome})`);
  if (result.timedOut) parts.push('(still waiting when the sandbox gave up: the replies may be incomplete)');
  return parts.join('\n');
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((line) => (line ? `  ${line}` : line))
    .join('\n');
}
