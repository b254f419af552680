import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FOCI } from '../../commands/criteria.js';
import { BUTTONS } from '../../commands/index.js';
import { EXPIRED } from '../../commands/press.js';
import { isProblem } from '../../src/replies/answer.js';
import { decodeAction } from '../../src/replies/custom-id.js';
import { MemorySettingsStore } from '../../src/settings/index.js';
import { context, corpus, invocation, junk, payloadProblems, render, renderVariant, SEED, typed } from './support.js';

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

describe('every button, pressed with any arguments', () => {
  it('never throws, and answers within Discord’s limits, pinging no one and quoting only the article', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...VERBS),
        fc.array(arg, { maxLength: 4 }),
        invocation,
        renderVariant,
        async (verb, args, who, variant) => {
          const handler = BUTTONS.get(verb)!;
          const press = await handler.press(args, { ...context, settings: new MemorySettingsStore() }, who);
          expect(['update', 'reply']).toContain(press.mode);
          expect(payloadProblems(render(press.reply, variant))).toEqual([]);
        },
      ),
      { seed: SEED, numRuns: 400 },
    );
  });

  it('treats any custom_id up to Discord’s 100 characters as the router does: decoded, or not ours, never a throw', async () => {
    const customId = fc
      .oneof(
        fc
          .tuple(fc.constantFrom(...VERBS), fc.array(arg, { maxLength: 4 }))
          .map(([verb, args]) => [verb, ...args].join(':')),
        junk,
        fc.constantFrom(':', '::', 'para:', ':para:1', 'quote:1', 'term:', 'cfg', 'share:extra', 'goals:1:2:3'),
      )
      .map((id) => id.slice(0, 100));
    await fc.assert(
      fc.asyncProperty(customId, invocation, renderVariant, async (id, who, variant) => {
        const handler = BUTTONS.get(id.split(':')[0] ?? '');
        const action = handler && decodeAction(id, handler.arity);
        if (!handler || !action) return;
        expect(action.args).toHaveLength(handler.arity);
        const press = await handler.press(action.args, { ...context, settings: new MemorySettingsStore() }, who);
        expect(payloadProblems(render(press.reply, variant))).toEqual([]);
      }),
      { seed: SEED, numRuns: 400 },
    );
  });

  it('answers “expired” to numbers written in any way but plain decimal, and to a stale text hash', async () => {
    const pressed = async (id: string) => {
      const handler = BUTTONS.get(id.split(':')[0]!)!;
      return await handler.press(decodeAction(id, handler.arity)!.args, context, {
        userId: '1',
        guildId: null,
        channelId: null,
        channels: new Map(),
      });
    };
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
        expect(await pressed(id), id).toEqual(EXPIRED);
      }
    }
    for (const stale of [
      '000000',
      'ffffff',
      HASH.toUpperCase() === HASH ? 'zzzzzz' : HASH.toUpperCase(),
      HASH.slice(0, 5),
      `${HASH}0`,
    ]) {
      expect(await pressed(`term:${stale}:0`), stale).toEqual(EXPIRED);
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
      expect(isProblem((await pressed(id)).reply), id).toBe(false);
    }
  });
});
