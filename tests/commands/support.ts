import { InteractionResponseType } from 'discord.js';
import type { AnswerContext } from '../../src/answers/context.js';
import { loadCorpus } from '../../src/corpus/load.js';
import type { Command } from '../../src/dispatch/command.js';
import { isSlash } from '../../src/dispatch/registry.js';
import { isProblem, type Reply } from '../../src/replies/answer.js';
import { buttonRows, type MessageBody } from '../../src/replies/payload-rules.js';
import { citationsOf } from '../../src/replies/quote-markdown.js';
import { renderAnswer, renderProblem, type MessagePayload } from '../../src/replies/render.js';
import { sourceLine } from '../../src/replies/source-line.js';
import { articleSearch } from '../../src/search/search.js';
import { botMessage, buttonPress, commandData, type OptionInput } from '../support/discord-json.js';
import { exchange, testDeps } from '../support/dispatcher.js';

/** The shipped article and its search: commands are tested on the real text, never a stand-in. */
export const corpus = loadCorpus();
export const context: AnswerContext = { corpus, search: articleSearch(), language: 'en' };
export const footer = sourceLine(corpus, 'en');

/** Someone in a DM with the bot, where every message is theirs. */
export const ASKER = '100000000000000009';

/** An answer command's reply to these options, read and checked as the dispatcher reads them. */
export function run(command: Command, options: Readonly<Record<string, OptionInput | undefined>> = {}): Reply {
  const { definition } = command;
  if (command.kind === 'admin' || !isSlash(definition))
    throw new Error(`${definition.name}: test it through the dispatcher`);
  const asked = command.read(commandData(definition, options), context.language);
  return 'problem' in asked ? asked : asked.answer(context);
}

/** What a press did: redrew the message it is on (`update`), or answered with a new one (`reply`). */
export interface Pressed {
  readonly mode: 'update' | 'reply';
  readonly body: MessageBody;
}

const deps = testDeps();

/**
 * Presses a button through the real dispatcher, in a DM with the bot, on a message of the bot's
 * that carries it: the verb's own reading of the custom_id decides, as it does for everyone.
 */
export async function press(customId: string): Promise<Pressed> {
  const on = botMessage({ components: [] }, ASKER);
  const { sent } = await exchange(buttonPress({ userId: ASKER }, customId, on), deps);
  const [response] = sent;
  if (!response || sent.length !== 1) throw new Error(`${customId}: sent ${sent.length} messages`);
  return { mode: response.type === InteractionResponseType.UpdateMessage ? 'update' : 'reply', body: response.body };
}

export function render(reply: Reply, ephemeral = false): MessagePayload {
  return isProblem(reply)
    ? renderProblem(reply)
    : renderAnswer(reply, { language: 'en', footer, ephemeral, shareable: ephemeral });
}

const bodyOf = (shown: Reply | MessageBody): MessageBody =>
  'problem' in shown || 'sections' in shown ? render(shown) : shown;

/** All a person reads in a message: content, embed title, description and footer. */
export function shown(reply: Reply | MessageBody): string {
  const body = bodyOf(reply);
  return [
    body.content ?? '',
    ...(body.embeds ?? []).flatMap((e) => [e.title ?? '', e.description ?? '', e.footer?.text ?? '']),
  ].join('\n');
}

/** The citations closing the block quotes, in order. */
export function citations(text: string): string[] {
  return citationsOf(text);
}

/** The custom_ids of a message's buttons, with their labels. */
export function buttonsOf(reply: Reply | MessageBody): { label: string; id: string; disabled: boolean }[] {
  return buttonRows(bodyOf(reply)).flatMap(({ buttons }) =>
    buttons.map((b) => ({
      label: 'label' in b ? (b.label ?? '') : '',
      id: 'custom_id' in b ? b.custom_id : '',
      disabled: b.disabled === true,
    })),
  );
}

/** Whether a press answered "expired": a new message, for the presser only. */
export function isExpired(pressed: Pressed): boolean {
  return pressed.mode === 'reply' && pressed.body.content === 'This answer has expired: ask again.';
}

/** The text of the lines outside block quotes and citations: the bot's own words. */
export function ownWords(text: string): string {
  return text
    .split('\n')
    .filter((line) => !line.startsWith('> ') && !/^— ¶\d/.test(line))
    .join('\n');
}
