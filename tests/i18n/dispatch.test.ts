import { ApplicationCommandOptionType, ChannelType, Locale } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { dispatchMessage, SlidingWindowLimit } from '../../src/dispatch/index.js';
import { t } from '../../src/i18n/words.js';
import type { MessageBody } from '../../src/replies/payload-rules.js';
import { readQuotes } from '../../src/replies/quote-markdown.js';
import { payloadProblems } from '../junk/support.js';
import {
  BOT_ID,
  botMessage,
  buttonPress,
  CHANNEL_ID,
  dataOption,
  EPHEMERAL,
  GUILD_ID,
  MANAGE_SERVER,
  messageCreate,
  resolvedChannels,
  slashCommand,
  subcommand,
  type Site,
} from '../support/discord-json.js';
import { buttonLabelled, exchange, messagesIn, testDeps, type Sent } from '../support/dispatcher.js';
import { notChinese } from './support.js';

const ALICE = '100000000000000061';
const BOB = '100000000000000062';
const NOTE_CN = t('zh-CN', 'translation');
const NOTE_TW = t('zh-TW', 'translation');

const ask = (site: Site, question: string, hide?: boolean) =>
  slashCommand(site, {
    name: 'ask',
    options: [
      dataOption('question', ApplicationCommandOptionType.String, question),
      ...(hide === undefined ? [] : [dataOption('hide', ApplicationCommandOptionType.Boolean, hide)]),
    ],
  });

async function only(exchanged: Promise<{ sent: Sent[] }>): Promise<MessageBody> {
  const messages = messagesIn((await exchanged).sent);
  expect(messages).toHaveLength(1);
  return messages[0]!;
}

const quotesIn = (body: MessageBody) => readQuotes(body.embeds?.[0]?.description ?? '').map((q) => [q.after, q.text]);

describe('an interaction with a Chinese locale, through the dispatcher as plain JSON', () => {
  it('answers zh-CN in simplified Chinese and zh-TW in traditional, with the same English quotes as en-US', async () => {
    const deps = testDeps();
    const english = await only(exchange(ask({ userId: ALICE }, 'who gets demoted?'), deps));
    const simplified = await only(
      exchange(ask({ userId: ALICE, locale: Locale.ChineseCN }, 'who gets demoted?'), deps),
    );
    const traditional = await only(exchange(ask({ userId: BOB, locale: Locale.ChineseTW }, 'who gets demoted?'), deps));
    expect(english.embeds?.[0]?.description).toMatch(/^What the article says, in 2 passages, most relevant first:/);
    expect(simplified.embeds?.[0]?.description).toMatch(/^文章原文，共 2 处，按相关程度排列：/);
    expect(traditional.embeds?.[0]?.description).toMatch(/^文章原文，共 2 處，按相關程度排列：/);
    expect(simplified.embeds?.[0]?.footer?.text).toMatch(/^来源：The Paper/);
    expect(traditional.embeds?.[0]?.footer?.text).toMatch(/^來源：The Paper/);
    expect(buttonLabelled(simplified, '整段 ¶4')).toBe('para:4');
    expect(quotesIn(simplified)).toEqual(quotesIn(english));
    expect(quotesIn(traditional)).toEqual(quotesIn(english));
    for (const body of [simplified, traditional]) {
      expect(payloadProblems(body)).toEqual([]);
      expect(notChinese(body)).toEqual([]);
    }
  });

  it('answers every other locale in English, as for en-US', async () => {
    const deps = testDeps();
    const english = await only(exchange(ask({ userId: ALICE }, 'what is a baton?'), deps));
    for (const locale of [Locale.French, Locale.Japanese, Locale.EnglishGB]) {
      const other = await only(exchange(ask({ userId: BOB, locale }, 'what is a baton?'), deps));
      expect(other).toEqual(english);
    }
  });

  it('says once, on a person’s first answer in Chinese, that the article is an English translation', async () => {
    const deps = testDeps();
    const zh = { userId: ALICE, locale: Locale.ChineseCN };
    expect((await only(exchange(ask({ userId: ALICE }, 'what is a lion pack?'), deps))).content).toBeUndefined();
    // Help is not an answer from the article: nothing to say of its quotes yet.
    expect((await only(exchange(slashCommand(zh, { name: 'help' }), deps))).content).toBeUndefined();
    expect((await only(exchange(ask(zh, 'who gets demoted?'), deps))).content).toBe(NOTE_CN);
    expect((await only(exchange(ask(zh, 'what is a lion pack?'), deps))).content).toBeUndefined();
    expect((await only(exchange(ask({ ...zh, locale: Locale.ChineseTW }, 'baton'), deps))).content).toBeUndefined();
    // Someone else is told on their own first answer, in their own script.
    expect((await only(exchange(ask({ userId: BOB, locale: Locale.ChineseTW }, 'baton'), deps))).content).toBe(NOTE_TW);
  });

  it('caches answers by language: an English answer is never served in Chinese, nor the other way round', async () => {
    const deps = testDeps();
    const inEnglish = () => only(exchange(ask({ userId: ALICE }, 'what are the five goals?'), deps));
    const inChinese = () =>
      only(exchange(ask({ userId: BOB, locale: Locale.ChineseCN }, 'what are the five goals?'), deps));
    const first = await inEnglish();
    const chinese = await inChinese();
    expect(chinese.embeds).not.toEqual(first.embeds);
    expect(notChinese(chinese)).toEqual([]);
    expect((await inEnglish()).embeds).toEqual(first.embeds);
    expect((await inChinese()).embeds).toEqual(chinese.embeds);
    expect(deps.answers.stats).toEqual({ hits: 2, misses: 2 });
  });

  it('answers a button in the presser’s language, whatever language the message it is on was in', async () => {
    const deps = testDeps();
    const english = await only(exchange(ask({ userId: ALICE }, 'who gets demoted?', true), deps));
    const on = botMessage(english, ALICE);
    const pressed = await only(exchange(buttonPress({ userId: ALICE, locale: Locale.ChineseTW }, 'para:4', on), deps));
    expect(pressed.embeds?.[0]?.title).toBe('段落 ¶4');
    expect(buttonLabelled(pressed, '分享')).toBe('share');
    const share = await exchange(
      buttonPress({ userId: ALICE, guildId: GUILD_ID, locale: Locale.ChineseCN }, 'share', {
        ...on,
        flags: EPHEMERAL,
      }),
      deps,
    );
    const [spent, shared] = share.sent;
    expect(buttonLabelled(spent!.body, '已分享')).toBe('shared');
    expect(shared!.body.content).toBe(`由 <@${ALICE}> 分享`);
    // The answer shared is the one the person saw, as it was written.
    expect(shared!.body.embeds).toEqual(on.embeds);
  });

  it('tells what went wrong in Chinese: a stale button, an unknown command, a bad option, too many questions', async () => {
    const zh = { userId: ALICE, locale: Locale.ChineseCN };
    const deps = testDeps({ fairUse: new SlidingWindowLimit({ answers: 1 }) });
    const expired = await only(exchange(buttonPress(zh, 'goals:99', botMessage({}, ALICE)), deps));
    expect(expired.content).toBe('这条回答已过期，请重新提问。');
    const unknown = await only(exchange(slashCommand(zh, { name: 'nope' }), deps));
    expect(unknown.content).toBe('我已不认识这个命令，它可能已经改名。请试试 `/help`。');
    const bad = await only(
      exchange(
        slashCommand(zh, { name: 'goals', options: [dataOption('number', ApplicationCommandOptionType.Integer, 9)] }),
        deps,
      ),
    );
    expect(bad.content).toBe('`number` 应为介于 1 和 5 之间的整数，请重新使用 `/goals`。');
    await exchange(ask(zh, 'who gets demoted?'), deps);
    const limited = await only(exchange(ask(zh, 'who gets demoted?'), deps));
    expect(limited.content).toMatch(/^您提问的速度超出了我能公平回答每个人的限度，请在 \d+ 秒后再试。$/);
  });

  it('answers a moderator’s /config in their language, mentions and all within the rules', async () => {
    const deps = testDeps();
    const mod: Site = { userId: ALICE, guildId: GUILD_ID, permissions: MANAGE_SERVER, locale: Locale.ChineseTW };
    const voice = '200000000000000099';
    const addChannel = (id: string, type: ChannelType.GuildText | ChannelType.GuildVoice) =>
      only(
        exchange(
          slashCommand(mod, {
            name: 'config',
            options: subcommand(['channels', 'add'], [dataOption('channel', ApplicationCommandOptionType.Channel, id)]),
            resolved: resolvedChannels({ [id]: type }),
          }),
          deps,
        ),
      );
    const added = await addChannel(CHANNEL_ID, ChannelType.GuildText);
    expect(added.embeds?.[0]?.title).toBe('已新增回答頻道');
    expect(payloadProblems(added, new Set([`<#${CHANNEL_ID}>`]))).toEqual([]);
    const refused = await addChannel(voice, ChannelType.GuildVoice);
    expect(refused.content).toBe(`<#${voice}>（語音頻道）不能發布回答：回答只能發布在文字頻道和討論串中。`);
    const shown = await only(exchange(slashCommand(mod, { name: 'config', options: subcommand(['show']) }), deps));
    expect(shown.embeds?.[0]?.description).toContain(`**公開回答的頻道：**<#${CHANNEL_ID}> — 由 <@${ALICE}> 於 <t:`);
    expect(notChinese(shown)).toEqual([]);
    const elsewhere = await only(
      exchange(ask({ userId: BOB, guildId: GUILD_ID, channelId: voice, locale: Locale.ChineseCN }, 'baton'), deps),
    );
    expect(elsewhere.content).toMatch(
      new RegExp(
        `^在本服务器，我在以下频道公开回答：<#${CHANNEL_ID}>；在这里，我的回答只有您能看到。\\n\\n${NOTE_CN}$`,
      ),
    );
  });
});

describe('a message written in Chinese, which carries no locale', () => {
  it('is welcomed and answered in simplified Chinese, the translation said once, then answered alone', async () => {
    const deps = testDeps();
    const dm = (content: string, authorId = ALICE) => dispatchMessage(messageCreate({ authorId, content }), deps);
    const first = await dm('干部考核怎么搞？');
    expect(first.outcome).toBe('answered');
    const body = first.reply!.body;
    expect(body.content).toMatch(/^您好！我回答关于一篇文章的问题：“Jilin Provincial Party Committee/);
    expect(body.content).toMatch(new RegExp(`\\n\\n${NOTE_CN}$`));
    expect(notChinese(body)).toEqual([]);
    expect(payloadProblems(body)).toEqual([]);
    const second = await dm('what is a lion pack? 狮群');
    expect(second.reply?.body.content).toBeUndefined();
    expect(notChinese(second.reply!.body)).toEqual([]);
    expect(second.reply?.body.embeds?.[0]?.description).toMatch(/— ¶11/);
    const help = await dm('帮助');
    expect(help.reply?.body.embeds?.[0]?.title).toBe('policy-bot 能回答什么');
  });

  it('is answered in traditional Chinese when written in traditional characters, in a DM or a mention', async () => {
    const deps = testDeps();
    const dm = await dispatchMessage(messageCreate({ authorId: BOB, content: '幹部考核怎麼搞？' }), deps);
    expect(dm.reply?.body.content).toMatch(/^您好！我回答關於一篇文章的問題/);
    const mention = await dispatchMessage(
      messageCreate({
        authorId: ALICE,
        content: `<@${BOT_ID}> 這篇文章講什麼？what is this article about?`,
        guildId: GUILD_ID,
        mentionsBot: true,
      }),
      deps,
    );
    expect(mention.outcome).toBe('answered');
    expect(notChinese(mention.reply!.body)).toEqual([]);
    expect(mention.reply?.body.embeds?.[0]?.footer?.text).toMatch(/^來源：/);
  });

  it('leaves an English message in English, with no word of translation', async () => {
    const deps = testDeps();
    const dm = await dispatchMessage(messageCreate({ authorId: ALICE, content: 'who gets demoted?' }), deps);
    expect(dm.reply?.body.content).toMatch(/^Hello! I answer questions about one article/);
    expect(dm.reply?.body.content).not.toContain(NOTE_CN);
    expect(dm.reply?.body.embeds?.[0]?.footer?.text).toMatch(/^Source: The Paper/);
  });
});
