import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { runScript, type ScriptRun } from '../support/run-script.js';

/** The sandbox CLI with the scripted test bot in place of policy-bot; every line ends on the bot's report. */
function runCli(args: string[], input: string): Promise<ScriptRun> {
  return runScript(
    'src/sandbox/cli.ts',
    ['--settlement', 'reported', ...args],
    { ...process.env, SANDBOX_BOT_MODULE: 'tests/sandbox/fixtures/script-bot.ts' },
    input,
  );
}

it('reads piped lines, prints one JSON line per instruction and exits 0', async () => {
  const { code, stdout, stderr } = await runCli(
    ['--json'],
    '# comment\n/ping\n\nas bob /config channels add channel:#x\nbogus line\nhelp\n',
  );
  expect(stderr).toBe('');
  expect(code).toBe(0);
  const lines = stdout
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
  expect(lines).toEqual([
    {
      input: '/ping',
      replies: [
        { kind: 'callback', ephemeral: false, body: { type: 4, data: expect.objectContaining({ content: 'ok' }) } },
      ],
      settlement: { outcome: 'answered' },
    },
    { input: 'as bob /config channels add channel:#x', denied: expect.stringMatching(/Manage Server/) },
    { input: 'bogus line', error: expect.stringMatching(/unknown instruction/) },
    { input: 'help', help: expect.stringMatching(/Before a \/command[\s\S]*\/echo text:…/) },
  ]);
}, 30_000);

it('renders replies as text by default', async () => {
  const { code, stdout } = await runCli([], '/page\n');
  expect(code).toBe(0);
  expect(stdout).toContain('> /page\nbot (reply):\n  │ **¶3**\n  │ > quoted text');
  expect(stdout).toContain('[Next]');
}, 30_000);

it('says why the bot stayed silent, from its report', async () => {
  const { code, stdout } = await runCli([], 'dm say hello\n');
  expect(code).toBe(0);
  expect(stdout).toContain('> dm say hello\n(no reply — ignored: no-op bot)');
}, 30_000);

it('refuses an option it does not know, saying so', async () => {
  const { code, stderr } = await runCli(['--settle'], '');
  expect(code).toBe(1);
  expect(stderr).toMatch(/unknown option "--settle"/);
}, 30_000);

it('records the traffic to the file --record names, without the bot token', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'sandbox-cli-record-'));
  try {
    const file = join(dir, 'traffic.jsonl');
    const { code } = await runCli(['--json', '--record', file], '/ping\n');
    expect(code).toBe(0);
    const entries = (await readFile(file, 'utf8'))
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { kind: string; route?: string; frame?: { t?: string } });
    expect(entries.some((entry) => entry.kind === 'rest' && entry.route === '/interactions/:id/:token/callback')).toBe(
      true,
    );
    expect(entries.some((entry) => entry.kind === 'gateway' && entry.frame?.t === 'INTERACTION_CREATE')).toBe(true);
    expect(JSON.stringify(entries)).not.toMatch(/local-discord-bot-token/);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}, 30_000);

it('runs the bot over HTTP interactions with --http: signed POSTs to its endpoint, checked when saved', async () => {
  const { code, stdout, stderr } = await runCli(['--json', '--http'], 'locale zh-CN /lang\n/echo text:hi\n');
  expect(stderr).toBe('');
  expect(code).toBe(0);
  const lines = stdout
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as { replies: { body: { data: { content: string } } }[] });
  expect(lines.map((line) => line.replies.map((reply) => reply.body.data.content))).toEqual([
    ['zh-CN (server: en-US)'],
    ['hi'],
  ]);
}, 30_000);

it('says plainly when the bot has no HTTP mode for --http', async () => {
  const { code, stderr } = await runScript(
    'src/sandbox/cli.ts',
    ['--http'],
    { ...process.env, SANDBOX_BOT_MODULE: 'tests/sandbox/noop-bot.ts' },
    '',
  );
  expect(code).toBe(1);
  expect(stderr).toMatch(/exports no startHttpBot\(options\) yet, which --http needs/);
}, 30_000);
