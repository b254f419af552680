import { decodeAction } from '../../src/replies/custom-id.js';
import { isProblem, type Reply } from '../../src/replies/answer.js';
import { renderAnswer, renderProblem, type MessagePayload } from '../../src/replies/render.js';
import { sourceLine } from '../../src/replies/source-line.js';
import { loadCorpus } from '../../src/corpus/load.js';
import { articleSearch } from '../../src/search/search.js';
import type { Command, CommandContext, Invocation, Options, Press } from '../../commands/command.js';
import { BUTTONS } from '../../commands/index.js';

/** The shipped article and its search: commands are tested on the real text, never a stand-in. */
export const corpus = loadCorpus();
export const context: CommandContext = { corpus, search: articleSearch() };
export const footer = sourceLine(corpus);

/**
 * A person in a DM: what answer commands receive, and ignore. Asserted rather than annotated:
 * the router's Invocation is still growing fields these commands never read.
 */
export const invocation = {
  userId: '100000000000000001',
  guildId: null,
  channelId: null,
  channels: new Map(),
} as Invocation;

/** An answer command's reply: answer commands answer at once, never waiting on storage. */
export function run(command: Command, options: Options = {}): Reply {
  const reply = command.execute(options, context, invocation);
  if (reply instanceof Promise) throw new Error(`/${command.definition.name} answers asynchronously`);
  return reply;
}

/** Presses a button as the router does: the verb's handler, the id decoded with its arity. */
export function press(customId: string): Press | undefined {
  const handler = BUTTONS.get(customId.split(':')[0] ?? '');
  const action = handler && decodeAction(customId, handler.arity);
  const pressed = handler && action ? handler.press(action.args, context, invocation) : undefined;
  if (pressed instanceof Promise) throw new Error(`${customId} answers asynchronously`);
  return pressed;
}

export function render(reply: Reply, ephemeral = false): MessagePayload {
  return isProblem(reply) ? renderProblem(reply) : renderAnswer(reply, { footer, ephemeral, shareable: ephemeral });
}

/** All a person reads in a message: content, embed title, description and footer. */
export function shown(reply: Reply): string {
  const payload = render(reply);
  return [
    payload.content ?? '',
    ...payload.embeds.flatMap((e) => [e.title ?? '', e.description ?? '', e.footer?.text ?? '']),
  ].join('\n');
}

/** The citations under the block quotes, in order. */
export function citations(text: string): string[] {
  return [...text.matchAll(/^— (¶\d+(?:\.\d+)?)$/gm)].map((m) => m[1]!);
}

/** The custom_ids of a message's buttons, with their labels. */
export function buttonsOf(reply: Reply): { label: string; id: string; disabled: boolean }[] {
  return render(reply).components.flatMap((row) =>
    row.components.map((b) => ({
      label: 'label' in b ? (b.label ?? '') : '',
      id: 'custom_id' in b ? b.custom_id : '',
      disabled: b.disabled === true,
    })),
  );
}

/** The text of the lines outside block quotes and citations: the bot's own words. */
export function ownWords(text: string): string {
  return text
    .split('\n')
    .filter((line) => !line.startsWith('> ') && !/^— ¶\d/.test(line))
    .join('\n');
}
