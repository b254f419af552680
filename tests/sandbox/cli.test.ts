import { expect, it } from 'vitest';
import { runScript, type ScriptRun } from '../support/run-script.js';

/** The sandbox CLI with the scripted test bot in place of policy-bot. */
function runCli(args: string[], input: string): Promise<ScriptRun> {
  return runScript(
    'src/sandbox/cli.ts',
    args,
    { ...process.env, SANDBOX_BOT_MODULE: 'tests/sandbox/fixtures/script-bot.ts' },
    input,
  );
}

it('reads piped lines, prints one JSON line per instruction and exits 0', async () => {
  const { code, stdout, stderr } = await runCli(
    ['--json'],
    '# comment\n/ping\n\nas bob /config channels add channel:#x\nbogus line\n',
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
    },
    { input: 'as bob /config channels add channel:#x', denied: expect.stringMatching(/Manage Server/) },
    { input: 'bogus line', error: expect.stringMatching(/unknown instruction/) },
  ]);
}, 30_000);

it('renders replies as text by default', async () => {
  const { code, stdout } = await runCli([], '/page\n');
  expect(code).toBe(0);
  expect(stdout).toContain('> /page\nbot (reply):\n  │ **¶3**\n  │ > quoted text');
  expect(stdout).toContain('[Next]');
}, 30_000);
