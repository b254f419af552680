/**
 * CI trusts `npm test`'s exit code: a run with a failed test must end non-zero, with the
 * PostgreSQL server of the global setup started and stopped as in every run.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const config = 'tests/support/fixtures/exit-code/vitest.config.ts';

function vitest(filter: string): Promise<{ code: number | null; lastLine: string }> {
  const env = { ...process.env };
  // The global setup's own server, as on a fresh machine: that is where its exit hooks live.
  delete env['TEST_DATABASE_URL'];
  const child = spawn(process.execPath, ['node_modules/vitest/vitest.mjs', 'run', '--config', config, filter], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve) =>
    child.once('close', (code) => resolve({ code, lastLine: output.trim().split('\n').at(-1) ?? '' })),
  );
}

describe("the test run's exit code", () => {
  it('is non-zero when a test failed, and the last line counts it', async () => {
    expect(await vitest('fails.check.ts')).toEqual({ code: 1, lastLine: '0 passed, 1 failed' });
  }, 60_000);

  it('is zero when every test passed', async () => {
    expect(await vitest('passes.check.ts')).toEqual({ code: 0, lastLine: '1 passed, 0 failed' });
  }, 60_000);
});
