import { InteractionResponseType } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { LANGUAGES, type Language } from '../../src/i18n/words.js';
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
import { LOCALE_OF, notChinese, quotesOf } from './support.js';

const ASKER = '100000000000000077';

/** Every start the commands offer: each command, each option that changes the layout, each term. */
const STARTS: readonly (readonly [string, Readonly<Record<string, OptionInput>>])[] = [
  ['ask', { question: 'who gets demoted?' }],
  ['ask', { question: 'what is a baton?' }],
  ['ask', { question: 'what does two coverages mean' }],
  ['ask', { question: 'what is this article about, and who reported it?' }],
  ['ask', { question: 'when was the press conference?' }],
  ['ask', { question: 'how old is Huang Qiang?' }],
  ['ask', { question: 'what is the population of Jilin?' }],
  ['ask', { question: 'hello' }],
  ['ask', { question: 'thanks!' }],
  ['ask', { question: 'x'.repeat(201) }],
  ['quote', { text: 'cadres' }],
  ['quote', { text: 'lion', paragraph: 11 }],
  ['quote', { text: 'zzzzqqq', paragraph: 2 }],
  ...corpus.article.paragraphs.map((p): [string, Record<string, OptionInput>] => [
    'quote',
    { text: '', paragraph: p.number },
  ]),
  ['goals', {}],
  ['goals', { number: 5 }],
  ['criteria', {}],
  ...(['promote', 'demote', 'evaluation', 'tolerance'] as const).map((focus): [string, Record<string, OptionInput>] => [
    'criteria',
    { focus },
  ]),
  ['people', {}],
  ['people', { name: 'Huang Qiang' }],
  ['source', {}],
  ['help', {}],
  ...corpus.glossary.map((_, i): [string, Record<string, OptionInput>] => ['term', { name: `t:${i}` }]),
  ['term', { name: 'lion' }],
  ['term', { name: 'qqqq' }],
];

/** Every message reachable from the starts by pressing buttons, in one language, by what led to it. */
async function crawl(language: Language): Promise<Map<string, MessageBody>> {
  const deps = testDeps({ fairUse: { check: () => ({ allowed: true }) } });
  const site = { userId: ASKER, locale: LOCALE_OF[language] };
  const seen = new Map<string, MessageBody>();
  const queue: { via: string; body: MessageBody }[] = [];
  for (const [name, options] of STARTS) {
    const all = { ...options, hide: true };
    const interaction = slashCommand(site, {
      name,
      options: Object.entries(all).map(([option, value]) => dataOption(option, undefined, value)),
    });
    const [response] = (await exchange(interaction, deps)).sent;
    if (!response) throw new Error(`/${name} sent nothing`);
    const via = `/${name} ${JSON.stringify(options)}`;
    seen.set(via, response.body);
    queue.push({ via, body: response.body });
  }
  while (queue.length) {
    const { body } = queue.shift()!;
    const on = botMessage({ ...body, flags: (body.flags ?? 0) | EPHEMERAL }, ASKER);
    for (const id of customIdsOf(body)) {
      if (id === SHARE_ACTION || seen.has(id)) continue;
      const [response] = (await exchange(buttonPress(site, id, on), deps)).sent;
      if (!response) throw new Error(`${id} sent nothing`);
      seen.set(id, response.body);
      if (response.type !== InteractionResponseType.ChannelMessageWithSource || response.body.embeds?.length)
        queue.push({ via: id, body: response.body });
    }
  }
  return seen;
}

const crawled = new Map(
  await Promise.all(LANGUAGES.map(async (language) => [language, await crawl(language)] as const)),
);

describe('every command and button reply, in every language', () => {
  it.each(LANGUAGES)('keeps Discord’s limits and quotes only the article, verbatim and cited, in %s', (language) => {
    const messages = crawled.get(language)!;
    expect(messages.size).toBeGreaterThan(STARTS.length + 16 + 6 + 5);
    const problems = [...messages].flatMap(([via, body]) => payloadProblems(body).map((p) => `${via}: ${p}`));
    expect(problems).toEqual([]);
  });

  it.each(['zh-CN', 'zh-TW'] as const)('says everything of its own in %s', (language) => {
    const problems = [...crawled.get(language)!].flatMap(([via, body]) => notChinese(body).map((p) => `${via}: ${p}`));
    expect(problems).toEqual([]);
    // The same check finds the English of every English message.
    const english = [...crawled.get('en')!.values()];
    expect(english.filter((body) => notChinese(body).length > 0)).toHaveLength(english.length);
  });

  it.each(['zh-CN', 'zh-TW'] as const)('quotes in %s exactly what it quotes in English', (language) => {
    const all = (messages: Map<string, MessageBody>) => new Set([...messages.values()].flatMap(quotesOf));
    const english = all(crawled.get('en')!);
    const chinese = all(crawled.get(language)!);
    expect(english.size).toBeGreaterThan(80);
    expect([...chinese].filter((quote) => !english.has(quote))).toEqual([]);
    expect([...english].filter((quote) => !chinese.has(quote))).toEqual([]);
  });

  it('writes simplified characters for zh-CN and traditional ones for zh-TW', () => {
    const said = (language: Language) =>
      [...crawled.get(language)!.values()].map((body) => JSON.stringify(body.embeds ?? [])).join('');
    expect(said('zh-CN')).toContain('文章');
    expect(said('zh-CN')).not.toMatch(/[們這說經過個]/);
    expect(said('zh-TW')).toMatch(/[這說個]/);
    expect(said('zh-TW')).not.toMatch(/[们这说经过个]/);
  });
});
