import { afterAll, beforeAll, expect, it } from 'vitest';
import { LocalDiscord, type BotOptions, type RunningBot } from '../../src/sandbox/index.js';
import { runScript, type ScriptResult } from '../../src/sandbox/runner.js';
import { parseScript } from '../../src/sandbox/script.js';
import { startBot } from './fixtures/script-bot.js';
import { SpecChecker } from './spec/responses.js';

const spec = new SpecChecker();
let discord: LocalDiscord;
let bot: RunningBot | undefined;
let restarts = 0;
const botOptions = (): BotOptions => ({
  token: discord.botToken,
  applicationId: discord.applicationId,
  restApi: discord.restApi,
  dataDir: '',
  onSettled: (report) => void discord.settle(report),
});
const lifecycle = {
  restart: async () => {
    await bot?.stop();
    bot = await startBot(botOptions());
    await discord.whenReady();
    restarts++;
  },
};

beforeAll(async () => {
  discord = await LocalDiscord.start({ settlement: 'reported', record: spec.sink });
  bot = await startBot(botOptions());
});
afterAll(async () => {
  await bot?.stop();
  await discord?.stop();
});

const contentOf = (result: ScriptResult | undefined): unknown => {
  if (!result || !('replies' in result)) return result;
  return result.replies.map((reply) => {
    const body = reply.body as { data?: { content?: string }; content?: string };
    return body.data?.content ?? body.content;
  });
};

it('runs a script: typed options, permissions, channels, buttons, restart', async () => {
  const script = `
# typed values come from the registered definition
/echo text:hi there times:2 hide:true
/echo text:x times:many
as alice /config channels add channel:#policy
as mod /config channels add channel:#policy
/page
click Next
click Previous
restart
in #policy /ping
/nothing
as alice /page hide:true
as bob click Next
as alice click Next
locale zh-CN as alice /lang
dm locale zh-TW /lang
/lang
`;
  const results = await runScript(discord, lifecycle, parseScript(script));
  expect(results.map((result) => result.input)).toEqual([
    '/echo text:hi there times:2 hide:true',
    '/echo text:x times:many',
    'as alice /config channels add channel:#policy',
    'as mod /config channels add channel:#policy',
    '/page',
    'click Next',
    'click Previous',
    'restart',
    'in #policy /ping',
    '/nothing',
    'as alice /page hide:true',
    'as bob click Next',
    'as alice click Next',
    'locale zh-CN as alice /lang',
    'dm locale zh-TW /lang',
    '/lang',
  ]);
  expect(contentOf(results[0])).toEqual(['hi there hi there']);
  expect(results[0]).toMatchObject({ replies: [{ kind: 'callback', ephemeral: true }] });
  expect(results[1]).toMatchObject({ denied: expect.stringMatching(/whole number/) });
  expect(results[2]).toMatchObject({ denied: expect.stringMatching(/Manage Server/) });
  expect(contentOf(results[3])).toEqual(['now answering in #policy']);
  expect(contentOf(results[5])).toEqual(['clicked next']);
  expect(results[6]).toMatchObject({ error: expect.stringMatching(/no button \[Previous\].*\[Next\]/) });
  expect(results[7]).toEqual({ input: 'restart', replies: [] });
  expect(restarts).toBe(1);
  expect(contentOf(results[8])).toEqual(['ok']);
  expect(results[9]).toMatchObject({ denied: expect.stringMatching(/unknown command \/nothing/) });
  // Bob cannot even see Alice's private answer: Discord refuses his press; hers goes through.
  expect(results[10]).toMatchObject({ replies: [{ kind: 'callback', ephemeral: true }] });
  expect(results[11]).toMatchObject({ denied: expect.stringMatching(/only alice can see it/) });
  expect(contentOf(results[12])).toEqual(['clicked next']);
  expect([results[13], results[14], results[15]].map(contentOf)).toEqual([
    ['zh-CN (server: en-US)'],
    ['zh-TW (server: none)'],
    ['en-US (server: en-US)'],
  ]);
  expect(discord.stats.identifies).toBe(2);
});

it('gives the same output for the same script', async () => {
  const script = parseScript('/echo text:same\nsay hello @bot\n/page');
  const first = await runScript(discord, lifecycle, script);
  const second = await runScript(discord, lifecycle, script);
  expect(JSON.stringify(second)).toBe(JSON.stringify(first));
});

it('answers only as Discord’s OpenAPI spec allows', () => {
  expect(spec.violations).toEqual([]);
  expect(spec.checked.size).toBeGreaterThan(0);
});
