import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { InteractionResponseType } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { APP_ID, GUILD_ID, MANAGE_SERVER, slashCommand, subcommand } from '../support/discord-json.js';
import { answerOf, RecordingRest, Signer, startEndpoint } from './support.js';

/**
 * Stopping, as a load balancer and a deploy see it: from the moment it is asked to stop, every new
 * request is refused with 503 (the health check's too), and what is under way — down to the
 * webhook edit after a deferred response — finishes before the server closes. Each step waits
 * on the event it needs (the held edit arriving), never on time.
 */
const root = fileURLToPath(new URL('../../', import.meta.url));
const configShow = () =>
  slashCommand(
    { userId: '400000000000000003', guildId: GUILD_ID, permissions: MANAGE_SERVER },
    { name: 'config', options: subcommand(['show']) },
  );
const help = () => slashCommand({ userId: '400000000000000004' }, { name: 'help' });

describe('stopping the HTTP bot', () => {
  it('refuses new requests with 503, finishes the deferred work under way, then closes', async () => {
    const endpoint = await startEndpoint();
    try {
      endpoint.rest.hold();
      const interaction = configShow();
      const edit = endpoint.rest.next();
      const deferred = await endpoint.post(interaction);
      expect((deferred.json as { type: number }).type).toBe(InteractionResponseType.DeferredChannelMessageWithSource);
      await edit; // the answer's edit has reached Discord, which holds it

      const stopped = endpoint.bot.stop();
      const health = await fetch(`${endpoint.base}/healthz`);
      expect([health.status, await health.text()]).toEqual([503, 'draining\n']);
      const refused = await endpoint.post(help());
      expect([refused.status, refused.json]).toEqual([503, { error: 'shutting down' }]);
      expect(endpoint.settled.some((done) => done.id === interaction.id)).toBe(false);

      endpoint.rest.release();
      await stopped;
      expect(endpoint.settled.find((done) => done.id === interaction.id)).toEqual({
        id: interaction.id,
        outcome: 'answered',
      });
      await expect(fetch(`${endpoint.base}/healthz`)).rejects.toThrow();
      expect(endpoint.logs.at(-1)).toMatchObject({ msg: 'stopped' });
    } finally {
      await endpoint.stop();
    }
  });

  it('npm run start:http: on SIGTERM drains the same way, then exits 0', async () => {
    const signer = new Signer();
    const rest = await RecordingRest.start();
    const dataDir = await mkdtemp(join(tmpdir(), 'policy-bot-http-sigterm-'));
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main/http.ts'], {
      cwd: root,
      env: {
        PATH: process.env['PATH'] ?? '',
        DISCORD_PUBLIC_KEY: signer.publicKeyHex,
        DISCORD_CLIENT_ID: APP_ID,
        DISCORD_API: rest.api,
        PORT: '0',
        DATA_DIR: dataDir,
        LOG_LEVEL: 'info',
        PRIVACY_CONTACT: 'privacy@policy-bot.example',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      const lines: Record<string, unknown>[] = [];
      const waiting: { matches: (line: Record<string, unknown>) => boolean; resolve: () => void }[] = [];
      let pending = '';
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      child.stdout.on('data', (chunk: Buffer) => {
        pending += chunk.toString();
        const complete = pending.split('\n');
        pending = complete.pop() ?? '';
        for (const text of complete) {
          const line = JSON.parse(text) as Record<string, unknown>;
          lines.push(line);
          for (const wait of waiting.filter((w) => w.matches(line))) wait.resolve();
        }
      });
      const exited = new Promise<number | null>((resolve) => child.once('close', (code) => resolve(code)));
      const logged = (msg: string): Promise<void> =>
        lines.some((line) => line['msg'] === msg)
          ? Promise.resolve()
          : new Promise((resolve) => waiting.push({ matches: (line) => line['msg'] === msg, resolve }));
      await Promise.race([
        logged('ready'),
        exited.then((code) => {
          throw new Error(`exited ${code}: ${stderr}`);
        }),
      ]);
      const port = Number(lines.find((line) => line['msg'] === 'ready')?.['port']);
      const base = `http://127.0.0.1:${port}`;
      const post = async (body: unknown) => {
        const text = JSON.stringify(body);
        return answerOf(
          await fetch(`${base}/interactions`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', ...signer.headers(text) },
            body: text,
          }),
        );
      };

      rest.hold();
      const edit = rest.next();
      expect((await post(configShow())).status).toBe(200);
      await edit;
      child.kill('SIGTERM');
      await logged('stopping');
      expect((await fetch(`${base}/healthz`)).status).toBe(503);
      expect((await post(help())).status).toBe(503);
      rest.release();
      expect(await exited).toBe(0);
      expect(lines.map((line) => line['msg'])).toEqual(
        expect.arrayContaining(['ready', 'stopping', 'activity', 'stopped']),
      );
      expect(stderr).toBe('');
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
      await rest.stop();
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 30_000);
});
