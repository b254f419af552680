import { beforeAll, describe, expect, it } from 'vitest';
import { slashDefinitions } from '../../src/dispatch/registry.js';
import { NO_WORDS } from '../../src/answers/message.js';
import { loadCorpus } from '../../src/corpus/load.js';
import type { MessageExchange, SandboxUser } from '../../src/sandbox/index.js';
import {
  messageInGeneral,
  buttonsOf,
  configOptions,
  configure,
  dataOf,
  descriptionOf,
  person,
  quotesOf,
  newServer,
  onlyReply,
  sharedWorlds,
  startBotWorld,
  titleOf,
  TRANSPORTS,
  type World,
  type MessageData,
  type TestServer,
} from './support.js';

const EPHEMERAL = 64;
const article = loadCorpus().article;

const worldOver = sharedWorlds(startBotWorld);
let world: World;

const dm = (user: SandboxUser, content: string): Promise<MessageExchange> =>
  world.discord.say({ user, dm: true, content });
const mention = (question: string): string => `<@${world.discord.applicationId}> ${question}`;

const SLOW_DOWN = /^You are asking faster than I can answer fairly for everyone: please try again in (\d+) s\.$/;

/** The block quotes of an answer with their citations; each must be the cited paragraph's own words. */
function expectCitedQuotes(data: MessageData): void {
  const description = descriptionOf(data);
  const quotes = quotesOf(description);
  expect(quotes.length, description).toBeGreaterThan(0);
  for (const quote of quotes) {
    const paragraph = article.paragraphs[Number(/^¶(\d+)/.exec(quote.citation)?.[1])];
    for (const piece of quote.text
      .split('…')
      .map((part) => part.trim())
      .filter(Boolean))
      expect(paragraph?.text).toContain(piece);
  }
}

/** A bot message that answers `exchange`'s message as a reply and pings no one. */
function expectQuietReply(exchange: MessageExchange): MessageData {
  expect(exchange.delivered).toBe(true);
  const reply = onlyReply(exchange);
  expect(reply.kind).toBe('message');
  const data = dataOf(reply);
  expect(data.message_reference?.message_id).toBe(exchange.messageId);
  expect(data.allowed_mentions?.parse).toEqual([]);
  expect(data.allowed_mentions?.users ?? []).toEqual([]);
  expect(data.allowed_mentions?.replied_user).toBe(false);
  return data;
}

/** The bot heard the message and said nothing, on purpose: it says why. */
function expectSilence(exchange: MessageExchange, reason: string, outcome = 'ignored'): void {
  expect(exchange.delivered).toBe(true);
  expect(exchange.replies).toEqual([]);
  expect(exchange.rejected).toEqual([]);
  expect(exchange.settlement).toEqual({ outcome, reason });
}

/** A person who has had their first-DM welcome already. */
async function greeted(): Promise<SandboxUser> {
  const user = person(world);
  const hello = await dm(user, 'hi');
  expect(dataOf(onlyReply(hello)).content).toMatch(/^Hello!/);
  return user;
}

/** DMs and @mentions reach the bot over the gateway only. */
describe('over the gateway', () => {
  beforeAll(async () => {
    world = await worldOver('gateway');
  });

  describe('direct messages', () => {
    it('answers a question with cited block quotes of the article, as a reply that pings no one', async () => {
      const user = await greeted();
      const data = expectQuietReply(await dm(user, 'who gets demoted?'));
      expect(descriptionOf(data)).toMatch(/^> /m);
      expect(descriptionOf(data)).toMatch(/— ¶4(\.\d+)?$/m);
      expectCitedQuotes(data);
    });

    it('welcomes a person with one paragraph on their first DM only, and still answers that first question', async () => {
      const user = person(world);
      const first = dataOf(onlyReply(await dm(user, 'what is a lion pack?')));
      expect(first.content).toMatch(/^Hello! I answer questions about one article/);
      expect(first.content).not.toMatch(/\n/);
      expectCitedQuotes(first);

      const second = dataOf(onlyReply(await dm(user, 'who gets demoted?')));
      expect(second.content ?? '').toBe('');
      expectCitedQuotes(second);
    });

    it('answers "help" with the list of commands', async () => {
      const user = await greeted();
      const data = expectQuietReply(await dm(user, 'help'));
      expect(titleOf(data)).toBe('What policy-bot answers');
      for (const { name } of slashDefinitions()) expect(descriptionOf(data)).toContain(`**/${name}**`);
    });

    it('says plainly when the article does not cover a question, and cites nothing', async () => {
      const user = await greeted();
      const data = expectQuietReply(await dm(user, 'best pizza in town'));
      expect(titleOf(data)).toMatch(/^Not in the article/);
      expect(descriptionOf(data)).toContain('The article does not cover this.');
      expect(descriptionOf(data)).not.toMatch(/^> /m);
      expect(descriptionOf(data)).not.toMatch(/¶\d/);
      expect(
        buttonsOf(data)
          .map((button) => button.label)
          .join(' '),
      ).not.toMatch(/¶/);
    });

    it('reads only the first 200 characters of a 4000-character DM, and says so', async () => {
      const user = await greeted();
      const filler = ' and what does the committee say about cadres';
      const content = `who gets demoted?${filler.repeat(100)}`.slice(0, 4000);
      expect(content).toHaveLength(4000);
      const data = expectQuietReply(await dm(user, content));
      expectCitedQuotes(data);
      const note = /\(I read only the first (\d+) characters of the message\.\)/.exec(descriptionOf(data));
      expect(note).not.toBeNull();
      expect(Number(note?.[1])).toBeGreaterThan(100);
      expect(Number(note?.[1])).toBeLessThanOrEqual(200);
      expect(titleOf(data)).toMatch(/^“who gets demoted\?/);
      expect(titleOf(data).length).toBeLessThanOrEqual(256);
    });

    it('answers a DM of only a link and emoji with a short hint', async () => {
      const user = await greeted();
      const data = expectQuietReply(await dm(user, 'https://example.com/article 🙂 <:wave:123456789012345678> 🎉'));
      expect(data.content).toBe(NO_WORDS);
      expect(data.embeds ?? []).toEqual([]);
    });

    it('pings no one for @everyone, a role mention or a masked link in a DM, and echoes none of them live', async () => {
      const user = await greeted();
      const data = expectQuietReply(
        await dm(user, '@everyone <@&123456789012345678> [x](http://evil.example) who gets demoted?'),
      );
      const title = titleOf(data);
      expect(title).toContain('who gets demoted?');
      expect(title).not.toMatch(/@everyone/);
      expect(title).not.toMatch(/<@&/);
      // No masked link survives: neither its target nor a `[text](target)` that would render as one.
      expect(title).not.toContain('evil.example');
      expect(title).not.toMatch(/(?<!\\)\[[^\]]*(?<!\\)\]\([^)]*\)/);
      expectCitedQuotes(data);
    });
  });

  describe('@mentions in servers', () => {
    let server: TestServer;
    beforeAll(async () => {
      server = newServer(world, 'Mentions');
      const added = await configure(world, server, configOptions.channels('add', server.policy));
      expect(titleOf(added)).toBe('Answer channel added');
    });
    const say = (
      channelId: string,
      content: string,
      user: SandboxUser = person(world, { guildId: server.guild.id }),
    ): Promise<MessageExchange> => world.discord.say({ user, channelId, content, mentionsBot: true });

    it('answers a mention in an answer channel as a reply to that message, pinging no one', async () => {
      const data = expectQuietReply(await say(server.policy, mention('what does the article say about talents?')));
      expectCitedQuotes(data);
      expect(titleOf(data)).toContain('talents');
      expect(titleOf(data)).not.toContain(world.discord.applicationId);
    });

    it('stays silent for a mention outside the answer channels', async () => {
      expectSilence(
        await say(server.general, mention('what does the article say about talents?')),
        'not an answer channel',
      );
      // The same question in #policy right after is answered once, and only for itself.
      expectQuietReply(await say(server.policy, mention('what does the article say about talents?')));
    });

    it('stays silent for mentions once a moderator turns them off, and answers again once they are back on', async () => {
      expect(titleOf(await configure(world, server, configOptions.mentions(false)))).toBe('Setting changed');
      expectSilence(await say(server.policy, mention('who gets demoted?')), 'mentions are off here');
      await configure(world, server, configOptions.mentions(true));
      expectQuietReply(await say(server.policy, mention('who gets demoted?')));
    });

    it('stays silent for a guild message that does not mention the bot', async () => {
      const user = person(world);
      expectSilence(await world.discord.say({ user, content: 'who gets demoted?' }), 'does not mention the bot');
      expectQuietReply(await world.discord.say({ user, content: mention('who gets demoted?'), mentionsBot: true }));
    });

    it('ignores a mention written by another bot', async () => {
      const otherBot: SandboxUser = {
        id: world.discord.world.nextId(),
        username: 'other-bot',
        globalName: null,
        bot: true,
      };
      expectSilence(
        await world.discord.say({ user: otherBot, content: mention('who gets demoted?'), mentionsBot: true }),
        "another bot's message",
      );
      expectQuietReply(
        await world.discord.say({
          user: person(world),
          content: mention('who gets demoted?'),
          mentionsBot: true,
        }),
      );
    });

    it('ignores its own messages: one answer, and nothing after it', async () => {
      expectSilence(
        await world.discord.say({
          user: world.discord.world.bot,
          content: mention('who gets demoted?'),
          mentionsBot: true,
        }),
        "the bot's own message",
      );
      const user = await greeted();
      const asked = await dm(user, 'who gets demoted?');
      expectQuietReply(asked);
      // The answer came back to the bot as a MESSAGE_CREATE of its own; it left it alone, and said so.
      const messages = world.discord.world.messages(world.discord.world.dmChannel(user).id);
      const answer = messages.at(-1)!;
      expect(await world.reported(answer.id)).toEqual({
        id: answer.id,
        outcome: 'ignored',
        reason: "the bot's own message",
      });
      expect(world.discord.world.messages(answer.channelId).at(-1)).toBe(answer);
      expect(messages.map((message) => message.author.id)).toEqual([
        user.id,
        world.discord.applicationId,
        user.id,
        world.discord.applicationId,
      ]);
    });
  });

  describe('how each interaction and message ended', () => {
    it('is reported once each, after every request made for it has landed, with the reason for a silence', async () => {
      const server = newServer(world, 'Settled');
      await configure(world, server, configOptions.channels('add', server.policy));
      const landed = new Map<string, boolean>();
      world.onSettled(({ id }) => {
        // At the moment it is reported, the /config answer is already stored: the edit has landed.
        const stored = world.discord.world
          .messages(server.general)
          .some((m) => m.embeds.some((embed) => (embed as { title?: string }).title === 'Settings for this server'));
        landed.set(id, stored);
      });

      const outside = await world.discord.say({
        user: person(world, { guildId: server.guild.id }),
        channelId: server.general,
        content: mention('who gets demoted?'),
        mentionsBot: true,
      });
      expectSilence(outside, 'not an answer channel');
      const shown = await world.discord.command({
        user: server.mod,
        guildId: server.guild.id,
        name: 'config',
        options: configOptions.show(),
      });
      const user = await greeted();
      const answered = await dm(user, 'who gets demoted?');

      const of = (id: string) => world.settled.filter((settled) => settled.id === id);
      const own = world.discord.world
        .messages(world.discord.world.dmChannel(user).id)
        .filter((m) => m.author.id === world.discord.applicationId)
        .at(-1)!;
      // Each exchange ended on its report, which came once its last request had landed.
      expect(shown.settlement).toEqual({ outcome: 'answered' });
      expect(answered.settlement).toEqual({ outcome: 'answered' });
      // The answer came back to the bot as a message of its own, which no exchange waits on.
      await world.reported(own.id);
      expect(of(outside.messageId)).toEqual([
        { id: outside.messageId, outcome: 'ignored', reason: 'not an answer channel' },
      ]);
      expect(of(shown.interactionId)).toEqual([{ id: shown.interactionId, outcome: 'answered' }]);
      expect(landed.get(shown.interactionId)).toBe(true);
      expect(of(answered.messageId)).toEqual([{ id: answered.messageId, outcome: 'answered' }]);
      // The answer came back as the bot's own message: reported too, as left alone on purpose.
      expect(of(own.id)).toEqual([{ id: own.id, outcome: 'ignored', reason: "the bot's own message" }]);
    });
  });

  describe('the per-person limit, over DMs', () => {
    it('in DMs: six answers, one "try again" for the seventh, silence for the eighth, answers again after the window', async () => {
      const user = person(world);
      for (let i = 0; i < 6; i++) {
        expectCitedQuotes(expectQuietReply(await dm(user, 'who gets demoted?')));
        world.advanceClock(1_000);
      }
      const seventh = expectQuietReply(await dm(user, 'who gets demoted?'));
      // The oldest of the six answers leaves the 30 s window 24 s from now.
      expect(seventh.content).toMatch(SLOW_DOWN);
      expect(SLOW_DOWN.exec(seventh.content ?? '')?.[1]).toBe('24');
      expect(seventh.embeds ?? []).toEqual([]);

      world.advanceClock(1_000);
      expectSilence(await dm(user, 'who gets demoted?'), 'over the limit, told already', 'limited');

      world.advanceClock(23_000);
      expectCitedQuotes(expectQuietReply(await dm(user, 'who gets demoted?')));
    });

    it('is one limit across DMs and slash commands', async () => {
      const user = person(world);
      for (let i = 0; i < 6; i++) expectQuietReply(await dm(user, 'who gets demoted?'));
      const reply = onlyReply(
        await world.discord.command({ user, name: 'ask', options: [{ name: 'question', value: 'who gets demoted?' }] }),
      );
      expect(reply.ephemeral).toBe(true);
      expect(dataOf(reply).content).toMatch(SLOW_DOWN);
    });
  });
});

describe.each(TRANSPORTS)('over %s', (transport) => {
  beforeAll(async () => {
    world = await worldOver(transport);
  });

  describe('"Find in the article" on a message', () => {
    it('answers privately with the passages the message asks about', async () => {
      // Someone's message, as the channel holds it (messages reach the bot over the gateway alone).
      const posted = messageInGeneral(world.discord, person(world), 'who gets demoted?');
      const exchange = await world.discord.messageCommand({
        user: person(world),
        targetMessage: posted,
        name: 'Find in the article',
      });
      expect(exchange.denied).toBeUndefined();
      const reply = onlyReply(exchange);
      expect([reply.kind, reply.ephemeral]).toEqual(['callback', true]);
      const data = dataOf(reply);
      expect((data.flags ?? 0) & EPHEMERAL).toBe(EPHEMERAL);
      expect(data.allowed_mentions?.parse).toEqual([]);
      expect(descriptionOf(data)).toMatch(/— ¶4(\.\d+)?$/m);
      expectCitedQuotes(data);
    });
  });

  describe('the per-person limit, for slash commands', () => {
    it('for slash commands: the answer over the limit is an ephemeral "try again", every time', async () => {
      const user = person(world);
      const ask = () =>
        world.discord.command({ user, name: 'ask', options: [{ name: 'question', value: 'who gets demoted?' }] });
      for (let i = 0; i < 6; i++) {
        const reply = onlyReply(await ask());
        expect(reply.ephemeral).toBe(false);
      }
      for (const _ of [7, 8]) {
        const reply = onlyReply(await ask());
        expect([reply.kind, reply.ephemeral]).toEqual(['callback', true]);
        const data = dataOf(reply);
        expect(data.content).toMatch(SLOW_DOWN);
        expect(SLOW_DOWN.exec(data.content ?? '')?.[1]).toBe('30');
        expect(data.embeds ?? []).toEqual([]);
        expect(data.allowed_mentions?.parse).toEqual([]);
      }
    });
  });
});
