import { MessageType } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { dispatchMessage, SlidingWindowLimit } from '../../src/dispatch/index.js';
import { BOT_ID, CHANNEL_ID, GUILD_ID, messageCreate } from '../support/discord-json.js';
import { testDeps } from '../support/dispatcher.js';

const PERSON = '100000000000000031';
const POLICY = '200000000000000077';
const THREAD = '200000000000000078';
const mention = (content: string, channelId = CHANNEL_ID) =>
  messageCreate({
    authorId: PERSON,
    content: `<@${BOT_ID}> ${content}`,
    guildId: GUILD_ID,
    channelId,
    mentionsBot: true,
  });

describe('a message, as the dispatcher reads it', () => {
  it('says why it stays silent, every time it does', async () => {
    const deps = testDeps({ threadParent: (id) => (id === THREAD ? POLICY : null) });
    await deps.settings.addChannel(GUILD_ID, POLICY, PERSON);
    const cases = [
      [messageCreate({ authorId: BOT_ID, content: 'an answer' }), "the bot's own message"],
      [messageCreate({ authorId: '100000000000000032', content: 'hi', bot: true }), "another bot's message"],
      [messageCreate({ authorId: PERSON, content: 'hi', webhook: true }), "a webhook's message"],
      [messageCreate({ authorId: PERSON, content: '', type: MessageType.UserJoin }), 'a system message'],
      [
        messageCreate({ authorId: PERSON, content: 'who gets demoted?', guildId: GUILD_ID }),
        'does not mention the bot',
      ],
      [mention('who gets demoted?'), 'not an answer channel'],
    ] as const;
    for (const [message, reason] of cases) {
      expect(await dispatchMessage(message, deps), reason).toEqual({ outcome: 'ignored', reason });
    }
    await deps.settings.setMentions(GUILD_ID, false, PERSON);
    expect(await dispatchMessage(mention('who gets demoted?', POLICY), deps)).toEqual({
      outcome: 'ignored',
      reason: 'mentions are off here',
    });
  });

  it('answers a mention in an answer channel, and in a thread of one, as a reply that pings no one', async () => {
    const deps = testDeps({ threadParent: (id) => (id === THREAD ? POLICY : null) });
    await deps.settings.addChannel(GUILD_ID, POLICY, PERSON);
    for (const channelId of [POLICY, THREAD]) {
      const asked = mention('who gets demoted?', channelId);
      const handled = await dispatchMessage(asked, deps);
      expect(handled.outcome).toBe('answered');
      expect(handled.reply?.channelId).toBe(channelId);
      expect(handled.reply?.body).toMatchObject({
        message_reference: { message_id: asked.id },
        allowed_mentions: { parse: [], replied_user: false },
      });
      expect(handled.reply?.body.embeds?.[0]?.description).toMatch(/— ¶4/);
    }
  });

  it('welcomes a person on their first DM, answers, and tells them once when they ask too fast', async () => {
    const deps = testDeps({ fairUse: new SlidingWindowLimit({ answers: 2 }) });
    const dm = (content: string) => dispatchMessage(messageCreate({ authorId: PERSON, content }), deps);
    const first = await dm('hello');
    expect(first.reply?.body.content).toMatch(/^Hello! I answer questions about one article/);
    expect((await dm('what is a lion pack?')).reply?.body.embeds?.[0]?.description).toMatch(/¶11/);
    const told = await dm('who gets demoted?');
    expect([told.outcome, told.reply?.body.content]).toEqual([
      'limited',
      expect.stringMatching(/^You are asking faster than I can answer fairly/),
    ]);
    expect(await dm('who gets demoted?')).toEqual({ outcome: 'limited', reason: 'over the limit, told already' });
  });

  it('answers a DM of only a link with a plain problem, and "help" with the commands', async () => {
    const deps = testDeps();
    const dm = (content: string) => dispatchMessage(messageCreate({ authorId: PERSON, content }), deps);
    await dm('hi');
    const link = await dm('https://example.com');
    expect([link.outcome, link.reply?.body.embeds]).toEqual(['problem', []]);
    expect((await dm('help')).reply?.body.embeds?.[0]?.title).toBe('What policy-bot answers');
  });

  it('reports a failure instead of rejecting, with a reference', async () => {
    const deps = testDeps({
      fairUse: {
        check: () => {
          throw new Error('the limit broke');
        },
      },
    });
    const handled = await dispatchMessage(messageCreate({ authorId: PERSON, content: 'who gets demoted?' }), deps);
    expect(handled.outcome).toBe('error');
    expect(handled.reply).toBeUndefined();
    expect(handled.failure?.ref).toMatch(/^[0-9A-F]{6}$/);
  });
});
