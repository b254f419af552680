/**
 * Plain messages (DMs, @mentions) and "Find in the article" never throw for what a person sends:
 * the router would turn a throw into silence and an error log, and the person would get nothing.
 */
import { ChannelType, type Message } from 'discord.js';
import fc from 'fast-check';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { findInArticle } from '../../commands/find-in-article.js';
import { FairUse } from '../../src/bot/fair-use.js';
import { Conversations } from '../../src/bot/messages.js';
import { isProblem } from '../../src/replies/answer.js';
import { MemorySettingsStore } from '../../src/settings/index.js';
import {
  articleish,
  context,
  footer,
  junk,
  MENTIONS,
  payloadProblems,
  render,
  SEED,
  snowflake,
} from '../junk/support.js';

const BOT = '999999999999999999';
const GUILD = '100000000000000001';
const ANSWER_CHANNEL = '200000000000000001';
const OTHER_CHANNEL = '200000000000000002';
const PEOPLE = ['400000000000000001', '400000000000000002', '400000000000000003'];

interface Sent {
  readonly content: string;
  readonly author: string;
  readonly dm: boolean;
  readonly mentionsBot: boolean;
  readonly channelId: string;
  readonly inThread: boolean;
  readonly fromBot: boolean;
  readonly webhook: boolean;
}

/**
 * The fields of a discord.js Message that `Conversations.respond` reads, and nothing else: a real
 * Message needs a logged-in client, and these are plain data.
 */
function message(sent: Sent): Message {
  const channel = {
    type: sent.dm ? ChannelType.DM : sent.inThread ? ChannelType.PublicThread : ChannelType.GuildText,
    isThread: () => sent.inThread,
    parentId: sent.inThread ? ANSWER_CHANNEL : null,
  };
  return {
    content: sent.content,
    author: { id: sent.author, bot: sent.fromBot },
    system: false,
    webhookId: sent.webhook ? '500000000000000001' : null,
    channel,
    channelId: sent.channelId,
    guildId: sent.dm ? null : GUILD,
    mentions: { users: new Map(sent.mentionsBot ? [[BOT, { id: BOT }]] : []) },
  } as unknown as Message;
}

const content = fc.oneof(
  { weight: 3, arbitrary: junk },
  { weight: 2, arbitrary: articleish },
  {
    weight: 1,
    arbitrary: fc.tuple(fc.constantFrom(...MENTIONS, `<@${BOT}>`), articleish).map(([m, q]) => `${m} ${q}`),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom('hi', 'HELP!!', 'help', `<@${BOT}>`, `<@${BOT}> help`, 'https://evil.example', '👍🏽', ''),
  },
);

const sent: fc.Arbitrary<Sent> = fc.record({
  content,
  author: fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...PEOPLE) }, snowflake, fc.constant(BOT)),
  dm: fc.boolean(),
  mentionsBot: fc.boolean(),
  channelId: fc.constantFrom(ANSWER_CHANNEL, OTHER_CHANNEL),
  inThread: fc.boolean(),
  fromBot: fc.oneof({ weight: 6, arbitrary: fc.constant(false) }, fc.constant(true)),
  webhook: fc.oneof({ weight: 6, arbitrary: fc.constant(false) }, fc.constant(true)),
});

/** A server's settings: none kept, or mentions on or off, with or without an answer-channel list. */
const settingsCase = fc.constantFrom('none', 'defaults', 'mentions off', 'listed elsewhere', 'listed here');

async function settingsFor(which: string): Promise<MemorySettingsStore | undefined> {
  if (which === 'none') return undefined;
  const store = new MemorySettingsStore();
  if (which === 'mentions off') await store.setMentions(GUILD, false, PEOPLE[0]!);
  if (which === 'listed elsewhere') await store.addChannel(GUILD, '200000000000000009', PEOPLE[0]!);
  if (which === 'listed here') await store.addChannel(GUILD, ANSWER_CHANNEL, PEOPLE[0]!);
  return store;
}

function conversations(settings: MemorySettingsStore | undefined, answers = 3): Conversations {
  return new Conversations({
    context: settings ? { ...context, settings } : context,
    logger: pino({ enabled: false }),
    footer,
    fairUse: new FairUse({ answers, windowMs: 60_000, now: () => 1_700_000_000_000 }),
    botId: () => BOT,
  });
}

describe('a conversation with anyone sending anything', () => {
  it('never throws; answers within limits, pinging no one, quoting only the article; stays silent where it must', async () => {
    await fc.assert(
      fc.asyncProperty(settingsCase, fc.array(sent, { minLength: 1, maxLength: 8 }), async (which, messages) => {
        const settings = await settingsFor(which);
        const talk = conversations(settings, 3);
        const asked = new Map<string, number>();
        for (const m of messages) {
          const payload = talk.respond(message(m));
          const ignored = m.fromBot || m.webhook || m.author === BOT;
          const answersHere =
            which === 'none' ||
            which === 'defaults' ||
            (which === 'listed here' && (m.channelId === ANSWER_CHANNEL || m.inThread));
          if (ignored || (!m.dm && !(m.mentionsBot && answersHere))) {
            expect(payload, JSON.stringify(m).slice(0, 200)).toBeNull();
            continue;
          }
          const count = (asked.get(m.author) ?? 0) + 1;
          asked.set(m.author, count);
          // Three answers a minute each: the fourth request is told to slow down, later ones get silence.
          if (count > 4) {
            expect(payload).toBeNull();
            continue;
          }
          expect(payload).not.toBeNull();
          if (count === 4) expect(payload!.content).toMatch(/^You are asking faster/);
          expect(payloadProblems(payload!)).toEqual([]);
          expect(payload!.flags).toBeUndefined();
        }
      }),
      { seed: SEED, numRuns: 120 },
    );
  });

  it('greets a person in DMs the first time, answers them after, and tells them once when they ask too fast', () => {
    const talk = conversations(undefined, 3);
    const dm = (text: string) =>
      talk.respond(
        message({
          content: text,
          author: PEOPLE[1]!,
          dm: true,
          mentionsBot: false,
          channelId: OTHER_CHANNEL,
          inThread: false,
          fromBot: false,
          webhook: false,
        }),
      );
    expect(dm('\uD800\u202E<@&123456789012345678>')?.content).toMatch(/^Hello! I answer questions about one article/);
    const answered = dm('@everyone who gets demoted? 👨‍👩‍👧‍👦');
    expect(answered?.embeds[0]?.description).toMatch(/^What the article says/);
    expect(payloadProblems(answered!)).toEqual([]);
    expect(dm('x'.repeat(6000))).not.toBeNull();
    expect(dm('lion pack')?.content).toMatch(/^You are asking faster than I can answer/);
    expect(dm('lion pack')).toBeNull();
  });

  it('“Find in the article” answers any message content without throwing', () => {
    fc.assert(
      fc.property(content, (text) => {
        const reply = findInArticle(text, context);
        expect(payloadProblems(render(reply, { ephemeral: true, shareable: false }))).toEqual([]);
        if (isProblem(reply)) expect(reply.problem.length).toBeGreaterThan(0);
      }),
      { seed: SEED, numRuns: 200 },
    );
  });
});
