import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runScript, type ScriptResult } from '../../src/sandbox/runner.js';
import { parseScriptLine } from '../../src/sandbox/script.js';
import { messageInGeneral, START_TIME, startWorld, TRANSPORTS, type Transport, type World } from './support.js';

/**
 * The same script through both transports, every payload compared: over the gateway the bot
 * POSTs each response to the callback route, over HTTP it writes it into the HTTP response, and
 * the bytes must be the same. Both local Discords number their ids from the same fixed clock,
 * and both bots read the same fixed time, so every id, custom_id and timestamp agrees too.
 */
const SCRIPT = [
  '/help',
  '/ask question:who gets demoted?',
  'click Full paragraph ¶4',
  '/ask question:what is the weather like on Mars?',
  'locale zh-CN /ask question:what is a lion pack',
  '/quote text:cadres',
  'click Next match ▶',
  'click ◀ Previous match',
  'as stranger click Next match ▶',
  '/quote text:flock of sheep hide:true',
  'click Share',
  'as reader /goals number:3',
  'as reader /criteria focus:tolerance',
  'as reader /term name:lion pack',
  'as reader /people',
  'as reader /source',
  'as reader /goals',
  'as reader /people name:Huang Qiang',
  'as mod /config show',
  'as mod /config channels add channel:#policy',
  'as mod /config visibility mode:ephemeral',
  'as visitor /ask question:who gets promoted?',
  'as visitor in #policy /ask question:who gets promoted?',
  'as mod /config reset',
  'as mod click Cancel',
  'as mod /config reset',
  'as mod click Reset to defaults',
  'as member /config show',
  'as visitor dm /ask question:who gets demoted?',
  '/nonsense',
].map(parseScriptLine);

/** What one step of the script got back: its replies as the bot sent them, and its outcome. */
type Transcript = readonly unknown[];

async function transcriptOver(transport: Transport, world: World): Promise<Transcript> {
  const results: ScriptResult[] = await runScript(world.discord, { restart: () => world.restart() }, SCRIPT);
  const { discord } = world;
  const alice = discord.world.member('alice');
  const choices = await discord.autocomplete({
    user: alice,
    name: 'quote',
    options: [{ name: 'text', value: 'lion', focused: true }],
  });
  const target = messageInGeneral(discord, alice, 'who decides who gets demoted?');
  const found = await discord.messageCommand({ user: alice, targetMessage: target, name: 'Find in the article' });
  expect(found.denied, transport).toBeUndefined();
  return [
    ...results,
    { input: 'autocomplete /quote text:lion', choices },
    {
      input: 'Find in the article',
      replies: found.replies.map(({ kind, ephemeral, body }) => ({ kind, ephemeral, body })),
    },
  ];
}

const transcripts = new Map<Transport, Transcript>();
const worlds: World[] = [];
beforeAll(async () => {
  for (const transport of TRANSPORTS) {
    const world = await startWorld({ transport, manualClock: true, clock: () => START_TIME });
    worlds.push(world);
    transcripts.set(transport, await transcriptOver(transport, world));
  }
}, 60_000);
afterAll(async () => {
  for (const world of worlds) await world.stop();
});

describe('the gateway and HTTP', () => {
  it('send the same bytes for every step of the same script', () => {
    const [gateway, http] = TRANSPORTS.map((transport) => transcripts.get(transport)!);
    expect(gateway).toHaveLength(SCRIPT.length + 2);
    for (let step = 0; step < gateway!.length; step++)
      expect(JSON.stringify(http![step]), JSON.stringify(gateway![step]).slice(0, 80)).toBe(
        JSON.stringify(gateway![step]),
      );
  });

  it('is a script that reaches every kind of answer: replies, updates, deferrals, edits, follow-ups, choices, refusals', () => {
    const text = JSON.stringify(transcripts.get('gateway'));
    for (const type of [4, 5, 6, 7])
      expect(text, `callback type ${type}`).toMatch(new RegExp(`"body":\\{"type":${type}[,}]`));
    expect(text).toContain('"outcome":"limited"');
    for (const kind of ['"kind":"edit"', '"kind":"followup"']) expect(text).toContain(kind);
    expect(text).toContain('"choices":[{');
    expect(text).toContain('"denied":');
    expect(text).not.toContain('"error":');
    expect(text).not.toContain('"timedOut":');
    expect(text).not.toContain('"rejected":');
  });
});
