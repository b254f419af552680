import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/load.js';
import { runScript as run } from '../support/run-script.js';
import { descriptionOf, quotesOf, type MessageData } from './support.js';

/** The test's environment without any of the bot's settings, plus `settings`. */
function botEnv(settings: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (!/^(DISCORD_|GUILD_ID$|DATA_DIR$|LOG_LEVEL$|SANDBOX_|PORT$|PRIVACY_CONTACT$|INTERACTIONS$)/.test(name))
      env[name] = value;
  }
  return { ...env, ...settings };
}

describe('npm start with a bad environment', () => {
  it('refuses to start without DISCORD_TOKEN and says how to fix it', async () => {
    const { code, stdout, stderr } = await run(
      'src/main/gateway.ts',
      [],
      botEnv({ DISCORD_CLIENT_ID: '123456789012345678' }),
    );
    expect(code).not.toBe(0);
    expect(code).not.toBeNull();
    expect(stderr).toMatch(/DISCORD_TOKEN is not set/);
    expect(stderr).toContain('.env.example');
    expect(stderr).toContain('npm run sandbox');
    expect(stdout).toBe('');
  }, 30_000);

  it('refuses to start with a malformed DISCORD_TOKEN, naming the setting', async () => {
    const { code, stderr } = await run(
      'src/main/gateway.ts',
      [],
      botEnv({ DISCORD_TOKEN: 'not-a-token', DISCORD_CLIENT_ID: '123456789012345678' }),
    );
    expect(code).not.toBe(0);
    expect(code).not.toBeNull();
    expect(stderr).toMatch(/DISCORD_TOKEN does not look like a bot token/);
  }, 30_000);

  it('refuses to start with a malformed DISCORD_CLIENT_ID and says how to fix it', async () => {
    const token = `${'a'.repeat(24)}.${'b'.repeat(6)}.${'c'.repeat(27)}`;
    const { code, stderr } = await run(
      'src/main/gateway.ts',
      [],
      botEnv({ DISCORD_TOKEN: token, DISCORD_CLIENT_ID: 'my-app' }),
    );
    expect(code).not.toBe(0);
    expect(code).not.toBeNull();
    expect(stderr).toMatch(/DISCORD_CLIENT_ID must be/);
    expect(stderr).toContain('.env.example');
    expect(stderr).toContain('npm run sandbox');
  }, 30_000);
});

describe('npm run start:http with a bad environment', () => {
  it('refuses to start without DISCORD_PUBLIC_KEY, saying where to find it', async () => {
    const { code, stdout, stderr } = await run(
      'src/main/http.ts',
      [],
      botEnv({ DISCORD_CLIENT_ID: '123456789012345678' }),
    );
    expect(code).toBe(1);
    expect(stderr).toMatch(/DISCORD_PUBLIC_KEY is not set/);
    expect(stderr).toContain('General Information → Public Key');
    expect(stdout).toBe('');
  }, 30_000);

  it('refuses a token pasted as the public key', async () => {
    const token = `${'a'.repeat(24)}.${'b'.repeat(6)}.${'c'.repeat(27)}`;
    const { code, stderr } = await run(
      'src/main/http.ts',
      [],
      botEnv({ DISCORD_PUBLIC_KEY: token, DISCORD_CLIENT_ID: '123456789012345678' }),
    );
    expect(code).toBe(1);
    expect(stderr).toMatch(/64 hex digits/);
  }, 30_000);
});

describe('npm run sandbox -- --json', () => {
  it('runs a piped script against the real bot: one JSON line per instruction, answers citing ¶4 and ¶11', async () => {
    const script = '/ask question:who gets demoted?\n/quote text:flock of sheep\nclick Full paragraph ¶11\n';
    const { code, stdout, stderr } = await run('src/sandbox/cli.ts', ['--json'], botEnv({ LOG_LEVEL: 'warn' }), script);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    type Reply = { kind: string; ephemeral: boolean; body: { type: number; data: MessageData } };
    const lines = stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { input: string; replies: Reply[]; settlement?: { outcome: string } });
    expect(lines.map((line) => line.input)).toEqual([
      '/ask question:who gets demoted?',
      '/quote text:flock of sheep',
      'click Full paragraph ¶11',
    ]);
    for (const line of lines) {
      expect(Object.keys(line).sort()).toEqual(['input', 'replies', 'settlement']);
      // The bot reports each instruction settled, and the line says how.
      expect(line.settlement?.outcome).toBe('answered');
      expect(line.replies).toHaveLength(1);
      expect(Object.keys(line.replies[0] ?? {}).sort()).toEqual(['body', 'ephemeral', 'kind']);
      expect(line.replies[0]?.kind).toBe('callback');
    }
    const [asked, quoted, clicked] = [0, 1, 2].map((index) => lines[index]!.replies[0]!) as [Reply, Reply, Reply];
    expect(asked.ephemeral).toBe(false);
    expect(quotesOf(descriptionOf(asked.body.data))[0]?.citation).toMatch(/^¶4(\.\d+)?$/);
    expect(quoted.ephemeral).toBe(false);
    expect(quotesOf(descriptionOf(quoted.body.data))[0]?.citation).toBe('¶11.1');
    expect(clicked.ephemeral).toBe(true);
    expect(quotesOf(descriptionOf(clicked.body.data))).toEqual([
      { text: loadCorpus().article.paragraphs[11]?.text, citation: '¶11' },
    ]);
  }, 30_000);
});

describe('npm run sandbox -- --http --json', () => {
  it('runs the real bot as an interactions endpoint, the local Discord checking it as Discord does', async () => {
    const script = '/ask question:who gets demoted?\nas mod /config show\nclick Full paragraph ¶4\n';
    const { code, stdout, stderr } = await run(
      'src/sandbox/cli.ts',
      ['--http', '--json'],
      botEnv({ LOG_LEVEL: 'warn' }),
      script,
    );
    expect(stderr).toBe('');
    expect(code).toBe(0);
    type Reply = { kind: string; ephemeral: boolean; body: { type?: number; data?: MessageData } & MessageData };
    const lines = stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { input: string; replies: Reply[]; settlement?: { outcome: string } });
    expect(lines.map((line) => line.settlement?.outcome)).toEqual(['answered', 'answered', 'answered']);
    const [asked, shown, clicked] = lines as [(typeof lines)[0], (typeof lines)[0], (typeof lines)[0]];
    expect(asked.replies.map((reply) => [reply.kind, reply.body.type])).toEqual([['callback', 4]]);
    expect(quotesOf(descriptionOf(asked.replies[0]!.body.data!))[0]?.citation).toMatch(/^¶4(\.\d+)?$/);
    // /config waits on storage: deferred in the HTTP response, its answer edited in through the webhook.
    expect(shown.replies.map((reply) => [reply.kind, reply.ephemeral])).toEqual([
      ['callback', true],
      ['edit', true],
    ]);
    expect(shown.replies[1]?.body.embeds?.[0]?.title).toBe('Settings for this server');
    expect(clicked.replies.map((reply) => [reply.kind, reply.ephemeral])).toEqual([['callback', true]]);
  }, 30_000);
});
