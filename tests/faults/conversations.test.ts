/**
 * Plain messages (DMs, @mentions) and "Find in the article" never fail for what a person sends:
 * a failure would be silence and an error log, and the person would get nothing.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { answerMessage } from '../../src/answers/message.js';
import { dispatchMessage, SlidingWindowLimit, type MessageHandled } from '../../src/dispatch/index.js';
import { isProblem } from '../../src/replies/answer.js';
import { MemorySettingsStore } from '../../src/settings/index.js';
import { BOT_ID, messageCreate } from '../support/discord-json.js';
import { testDeps } from '../support/dispatcher.js';
import { articleish, context, junk, MENTIONS, payloadProblems, render, SEED, snowflake } from '../junk/support.js';

const BOT = BOT_ID;
const GUILD = '100000000000000001';
const ANSWER_CHANNEL = '200000000000000001';
const OTHER_CHANNEL = '200000000000000002';
const THREAD = '200000000000000003';
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

/**
 * The dispatcher's answer to each message, as sent, the way the gateway would see it. A thread
 * in this server belongs to the answer channel.
 */
function conversation(settings: MemorySettingsStore | undefined, answers = 3) {
  const deps = testDeps({
    ...(settings ? { settings } : {}),
    fairUse: new SlidingWindowLimit({ answers, windowMs: 60_000 }),
    threadParent: (channelId) => (channelId === THREAD ? ANSWER_CHANNEL : null),
  });
  return (sent: Sent): Promise<MessageHandled> =>
    dispatchMessage(
      messageCreate({
        authorId: sent.author,
        content: sent.content,
        ...(sent.dm ? {} : { guildId: GUILD, channelId: sent.inThread ? THREAD : sent.channelId }),
        mentionsBot: sent.mentionsBot,
        bot: sent.fromBot,
        webhook: sent.webhook,
      }),
      deps,
    );
}

describe('a conversation with anyone sending anything', () => {
  it('never throws; answers within limits, pinging no one, quoting only the article; stays silent where it must', async () => {
    await fc.assert(
      fc.asyncProperty(settingsCase, fc.array(sent, { minLength: 1, maxLength: 8 }), async (which, messages) => {
        const settings = await settingsFor(which);
        const talk = conversation(settings, 3);
        const asked = new Map<string, number>();
        for (const m of messages) {
          const handled = await talk(m);
          expect(handled.outcome).not.toBe('error');
          const payload = handled.reply?.body ?? null;
          const ignored = m.fromBot || m.webhook || m.author === BOT;
          const answersHere =
            which === 'none' ||
            which === 'defaults' ||
            (which === 'listed here' && (m.channelId === ANSWER_CHANNEL || m.inThread));
          if (ignored || (!m.dm && !(m.mentionsBot && answersHere))) {
            expect(payload, JSON.stringify(m).slice(0, 200)).toBeNull();
            // Silence is explained: the outcome says it was on purpose, and why.
            expect(handled.outcome).toBe('ignored');
            expect(handled.reason).toMatch(/\w/);
            continue;
          }
          const count = (asked.get(m.author) ?? 0) + 1;
          asked.set(m.author, count);
          // Three answers a minute each: the fourth request is told to slow down, later ones get silence.
          if (count > 4) {
            expect(payload).toBeNull();
            expect(handled.outcome).toBe('limited');
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

  it('greets a person in DMs the first time, answers them after, and tells them once when they ask too fast', async () => {
    const talk = conversation(undefined, 3);
    const dm = async (text: string) =>
      (
        await talk({
          content: text,
          author: PEOPLE[1]!,
          dm: true,
          mentionsBot: false,
          channelId: OTHER_CHANNEL,
          inThread: false,
          fromBot: false,
          webhook: false,
        })
      ).reply?.body;
    expect((await dm('\uD800\u202E<@&123456789012345678>'))?.content).toMatch(
      /^Hello! I answer questions about one article/,
    );
    const answered = await dm('@everyone who gets demoted? 👨‍👩‍👧‍👦');
    expect(answered?.embeds?.[0]?.description).toMatch(/^What the article says/);
    expect(payloadProblems(answered!)).toEqual([]);
    expect(await dm('x'.repeat(6000))).toBeDefined();
    expect((await dm('lion pack'))?.content).toMatch(/^You are asking faster than I can answer/);
    expect(await dm('lion pack')).toBeUndefined();
  });

  it('“Find in the article” answers any message content without throwing', () => {
    fc.assert(
      fc.property(content, (text) => {
        const reply = answerMessage(text, context);
        expect(payloadProblems(render(reply, { ephemeral: true, shareable: false }))).toEqual([]);
        if (isProblem(reply)) expect(reply.problem.length).toBeGreaterThan(0);
      }),
      { seed: SEED, numRuns: 200 },
    );
  });
});
