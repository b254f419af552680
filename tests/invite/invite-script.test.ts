import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { readApplicationId } from '../../src/invite/application-id.js';
import { inviteLinks } from '../../src/invite/links.js';

const APPLICATION_ID = '123456789012345678';
const TOKEN = 'MTIzNDU2Nzg5MDEyMzQ1Njc4.GhIjKl.aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa';
const PUBLIC_KEY = 'a'.repeat(64);

describe('reading DISCORD_CLIENT_ID', () => {
  it('takes an application id, spaces around it ignored', () => {
    expect(readApplicationId(` ${APPLICATION_ID} `)).toEqual({ id: APPLICATION_ID });
  });

  it('says where to find the id when it is missing or blank', () => {
    for (const value of [undefined, '', '  ']) {
      const read = readApplicationId(value);
      expect(read).toEqual({ problem: expect.stringContaining('is not set') });
      expect(read).toEqual({ problem: expect.stringContaining('General Information → Application ID') });
    }
  });

  it('recognises a pasted token or public key, without repeating it', () => {
    const token = readApplicationId(TOKEN);
    expect(token).toEqual({ problem: expect.stringContaining('looks like a bot token') });
    expect(JSON.stringify(token)).not.toContain(TOKEN);
    const key = readApplicationId(PUBLIC_KEY);
    expect(key).toEqual({ problem: expect.stringContaining('looks like the public key') });
    expect(JSON.stringify(key)).not.toContain(PUBLIC_KEY);
  });

  it('refuses anything else that is not 17 to 20 digits', () => {
    for (const value of ['1234', '1'.repeat(21), 'my-bot', '12345678901234567x'])
      expect(readApplicationId(value), value).toEqual({ problem: expect.stringContaining('17 to 20 digits') });
  });
});

describe('npm run invite', () => {
  const script = fileURLToPath(new URL('../../scripts/invite.ts', import.meta.url));
  const tsx = fileURLToPath(new URL('../../node_modules/.bin/tsx', import.meta.url));
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  /** Runs the script in a fresh directory holding only the given `.env` (or none). */
  function invite(dotenv?: string): Promise<{ code: number; stdout: string; stderr: string }> {
    const cwd = mkdtempSync(join(tmpdir(), 'invite-'));
    dirs.push(cwd);
    if (dotenv !== undefined) writeFileSync(join(cwd, '.env'), dotenv);
    const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('DISCORD_')));
    return new Promise((resolve) => {
      execFile(tsx, [script], { cwd, env }, (error, stdout, stderr) => {
        resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
      });
    });
  }

  it('prints both links for the id in .env', async () => {
    const { code, stdout } = await invite(`DISCORD_CLIENT_ID=${APPLICATION_ID}\n`);
    expect(code).toBe(0);
    const links = inviteLinks(APPLICATION_ID);
    expect(stdout).toContain(links.server);
    expect(stdout).toContain(links.user);
  }, 30_000);

  it('without .env says how to fill it in and exits 1', async () => {
    const { code, stdout, stderr } = await invite();
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toContain('DISCORD_CLIENT_ID is not set');
    expect(stderr).toContain('.env.example');
  }, 30_000);

  it('with a token in the id says so, never printing the token, and exits 1', async () => {
    const { code, stdout, stderr } = await invite(`DISCORD_CLIENT_ID=${TOKEN}\n`);
    expect(code).toBe(1);
    expect(stderr).toContain('looks like a bot token');
    expect(stdout + stderr).not.toContain(TOKEN);
  }, 30_000);
});
