import { InteractionResponseType } from 'discord.js';
import { describe, expect, it } from 'vitest';
import type { MessageBody } from '../../src/replies/payload-rules.js';
import { SHARE_ACTION } from '../../src/replies/render.js';
import { corpus } from '../commands/support.js';
import { payloadProblems } from '../junk/support.js';
import {
  botMessage,
  buttonPress,
  dataOption,
  EPHEMERAL,
  slashCommand,
  type OptionInput,
} from '../support/discord-json.js';
import { customIdsOf, exchange, testDeps } from '../support/dispatcher.js';

const ASKER = '100000000000000042';
const deps = testDeps({ fairUse: { check: () => ({ allowed: true }) } });

/** One command asked privately in a DM, through the dispatcher: the message it answers with. */
async function asked(name: string, options: Readonly<Record<string, OptionInput>>): Promise<MessageBody> {
  const all = { ...options, hide: true };
  const interaction = slashCommand(
    { userId: ASKER },
    { name, options: Object.entries(all).map(([option, value]) => dataOption(option, undefined, value)) },
  );
  const [response] = (await exchange(interaction, deps)).sent;
  if (!response) throw new Error(`/${name} sent nothing`);
  return response.body;
}

describe('every message reachable from the commands by pressing buttons', () => {
  it('keeps the rules, and no button we drew answers “expired”', async () => {
    const starts: MessageBody[] = [
      ...(await Promise.all(
        ['ask', 'goals', 'criteria', 'people', 'source', 'help'].map((name) =>
          asked(name, name === 'ask' ? { question: 'who gets demoted?' } : {}),
        ),
      )),
      await asked('quote', { text: 'cadres' }),
      ...(await Promise.all(corpus.article.paragraphs.map((p) => asked('quote', { text: '', paragraph: p.number })))),
      ...(await Promise.all(corpus.glossary.map((_, i) => asked('term', { name: `t:${i}` })))),
      await asked('term', { name: 'lion' }),
    ];
    const seen = new Set<string>();
    const queue = starts.map((body) => ({ body, via: 'start' }));
    const problems: string[] = [];
    while (queue.length) {
      const { body, via } = queue.shift()!;
      problems.push(...payloadProblems(body).map((p) => `${via}: ${p}`));
      const on = botMessage({ ...body, flags: (body.flags ?? 0) | EPHEMERAL }, ASKER);
      for (const id of customIdsOf(body)) {
        if (id === SHARE_ACTION || seen.has(id)) continue;
        seen.add(id);
        const { sent } = await exchange(buttonPress({ userId: ASKER }, id, on), deps);
        const [response] = sent;
        if (!response) problems.push(`${via}: ${id} sent nothing`);
        else if (
          response.type === InteractionResponseType.ChannelMessageWithSource &&
          /expired/.test(response.body.content ?? '')
        )
          problems.push(`${via}: ${id} answers expired`);
        else queue.push({ body: response.body, via: id });
      }
    }
    expect(problems).toEqual([]);
    // The reader's 16 pages, 6 goal views, 5 criteria views and every glossary entry were all reached.
    expect(seen.size).toBeGreaterThan(16 + 6 + 5 + 4);
  });
});
