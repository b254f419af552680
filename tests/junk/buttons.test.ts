import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FOCI } from '../../commands/criteria.js';
import { BUTTONS } from '../../src/dispatch/registry.js';
import { isExpired, press } from '../commands/support.js';
import { botMessage, buttonPress, EPHEMERAL, type Site } from '../support/discord-json.js';
import { exchange, messagesIn, testDeps } from '../support/dispatcher.js';
import { corpus, junk, payloadProblems, SEED, site, snowflake, typed } from './support.js';

const VERBS = [...BUTTONS.keys()];
const HASH = corpus.hash.slice(0, 6);
/** Numbers as nobody writes them in a custom_id we made: not plain decimal, or out of every range. */
const NOT_PLAIN = [
  'NaN',
  'Infinity',
  '-Infinity',
  '1e1',
  '0x1',
  '0b1',
  ' 1',
  '1 ',
  '+1',
  '1.0',
  '1.',
  '٣',
  '１',
  '00000',
  '99999',
  '-2',
  '-99999',
  '12345678901234567890',
  '',
];
/** Arguments our buttons really carry, so a junk id is sometimes nearly right. */
const REAL = [
  '0',
  '1',
  '2',
  '5',
  '15',
  '-1',
  'all',
  'about',
  'reset',
  'cancel',
  '100000000000000001',
  'tx5y8c',
  '0123456789',
  HASH,
  'promote',
  ...FOCI,
  'who gets demoted?',
];

const arg = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...REAL) },
  { weight: 2, arbitrary: fc.constantFrom(...NOT_PLAIN) },
  { weight: 2, arbitrary: fc.integer().map(String) },
  { weight: 2, arbitrary: typed },
  { weight: 1, arbitrary: junk },
  { weight: 1, arbitrary: fc.constantFrom('x'.repeat(6000), `${HASH}:${'1:'.repeat(2000)}`, 'deadbe', '000000') },
);

/** A message of the bot's to press on: private or public, answering the presser, someone else, or no one. */
const message = fc.record({
  ephemeral: fc.boolean(),
  answering: fc.oneof(fc.constant('presser'), fc.constant(undefined), snowflake),
});

/** Presses `customId` as `who` on such a message, through the dispatcher: what it sends, and how it ended. */
async function pressed(customId: string, who: Site, on: { ephemeral: boolean; answering: string | undefined }) {
  const answering = on.answering === 'presser' ? who.userId : on.answering;
  const target = botMessage({ flags: on.ephemeral ? EPHEMERAL : 0 }, answering);
  return exchange(buttonPress(who, customId, target), testDeps());
}

describe('every button, pressed with any arguments', () => {
  it('never fails, and answers within Discord’s limits, pinging no one and quoting only the article', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...VERBS),
        fc.array(arg, { maxLength: 4 }),
        site,
        message,
        async (verb, args, who, on) => {
          const { sent, outcome } = await pressed([verb, ...args].join(':').slice(0, 100), who, on);
          expect(outcome).not.toBe('error');
          expect(sent.length).toBeGreaterThan(0);
          for (const body of messagesIn(sent)) expect(payloadProblems(body)).toEqual([]);
        },
      ),
      { seed: SEED, numRuns: 400 },
    );
  });

  it('answers any custom_id up to Discord’s 100 characters: read by its verb, or expired, never a failure', async () => {
    const customId = fc
      .oneof(
        fc
          .tuple(fc.constantFrom(...VERBS), fc.array(arg, { maxLength: 4 }))
          .map(([verb, args]) => [verb, ...args].join(':')),
        junk,
        fc.constantFrom(
          ':',
          '::',
          'para:',
          ':para:1',
          'quote:1',
          'term:',
          'cfg',
          'cfg:reset',
          'share:extra',
          'goals:1:2:3',
        ),
      )
      .map((id) => id.slice(0, 100));
    await fc.assert(
      fc.asyncProperty(customId, site, message, async (id, who, on) => {
        const { sent, outcome } = await pressed(id, who, on);
        expect(outcome).not.toBe('error');
        if (!BUTTONS.has(id.split(':')[0] ?? '') && id !== 'share' && id !== 'shared') expect(outcome).toBe('expired');
        for (const body of messagesIn(sent)) expect(payloadProblems(body)).toEqual([]);
      }),
      { seed: SEED, numRuns: 400 },
    );
  });

  it('answers “expired” to numbers written in any way but plain decimal, and to a stale text hash', async () => {
    for (const n of NOT_PLAIN) {
      for (const id of [
        `para:${n}`,
        `goals:${n}`,
        `person:${n}`,
        `source:${n}`,
        `crit:all:${n}`,
        `crit:promote:${n}`,
        `term:${HASH}:${n}`,
        `quote:${n}:13.3:cadres`,
        `quote:0:${n}.1:cadres`,
      ]) {
        expect(isExpired(await press(id)), id).toBe(true);
      }
    }
    for (const stale of [
      '000000',
      'ffffff',
      HASH.toUpperCase() === HASH ? 'zzzzzz' : HASH.toUpperCase(),
      HASH.slice(0, 5),
      `${HASH}0`,
    ]) {
      expect(isExpired(await press(`term:${stale}:0`)), stale).toBe(true);
    }
    // The same ids, well formed, do answer: what made the ones above expire is the argument alone.
    for (const id of [
      'para:1',
      'goals:1',
      'person:0',
      'source:1',
      'crit:all:0',
      'crit:promote:0',
      `term:${HASH}:0`,
      'quote:0:13.3:cadres',
    ]) {
      const answer = await press(id);
      expect(isExpired(answer), id).toBe(false);
      expect(answer.body.embeds?.length, id).toBe(1);
    }
  });
});
