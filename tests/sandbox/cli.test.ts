import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));

function runCli(args: string[], input: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/sandbox/cli.ts', ...args], {
      cwd: root,
      env: { ...process.env, SANDBOX_BOT_MODULE: 'tests/sandbox/fixtures/script-bot.ts' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}

it('reads piped lines, prints one JSON line per instruction and exits 0', async () => {
  const { code, stdout, stderr } = await runCli(['--json'], '# comment\n/ping\n\nas bob /config channels add channel:#x\nbogus line\n');
  expect(stderr).toBe('');
  expect(code).toBe(0);
  const lines = stdout.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
  expect(lines).toEqual([
    { input: '/ping', replies: [{ kind: 'callback', ephemeral: false, body: { type: 4, data: expect.objectContaining({ content: 'ok' }) } }] },
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
