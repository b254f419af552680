import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalDiscord } from '../../src/sandbox/index.js';
import { SpecChecker } from './spec/responses.js';

/** The limits' clock: it moves only when a test moves it, so a window is crossed exactly. */
let now = 1_800_000_000_000;
const spec = new SpecChecker();
let discord: LocalDiscord;

beforeAll(async () => {
  discord = await LocalDiscord.start({
    record: spec.sink,
    rateLimits: {
      clock: () => now,
      globalPerSecond: 8,
      routes: { 'POST /channels/:id/messages': { limit: 2, windowMs: 5000 } },
    },
  });
});
afterAll(async () => {
  await discord?.stop();
});

interface Answer {
  readonly status: number;
  readonly headers: Headers;
  readonly body: Record<string, unknown>;
}

async function call(method: string, path: string, body?: unknown, token = discord.botToken): Promise<Answer> {
  const response = await fetch(`${discord.restApi}/v10${path}`, {
    method,
    headers: { authorization: `Bot ${token}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    body: text ? (JSON.parse(text) as Record<string, unknown>) : {},
  };
}

const post = (channelId: string) => call('POST', `/channels/${channelId}/messages`, { content: 'hello' });

describe('per-route buckets', () => {
  it('sends the bucket on every response, and 429 with Retry-After and the scope once it is spent', async () => {
    const channel = discord.world.channel(discord.world.defaultGuild.id, 'buckets').id;
    const first = await post(channel);
    expect(first.status).toBe(200);
    expect(first.headers.get('x-ratelimit-limit')).toBe('2');
    expect(first.headers.get('x-ratelimit-remaining')).toBe('1');
    expect(first.headers.get('x-ratelimit-reset-after')).toBe('5.000');
    expect(Number(first.headers.get('x-ratelimit-reset'))).toBe((now + 5000) / 1000);
    expect(first.headers.get('x-ratelimit-bucket')).toMatch(/^[0-9a-f]{32}$/);
    expect(first.headers.get('x-ratelimit-scope')).toBeNull();

    now += 1500;
    const second = await post(channel);
    expect(second.headers.get('x-ratelimit-remaining')).toBe('0');
    expect(second.headers.get('x-ratelimit-reset-after')).toBe('3.500');
    expect(second.headers.get('x-ratelimit-bucket')).toBe(first.headers.get('x-ratelimit-bucket'));

    const limited = await post(channel);
    expect(limited.status).toBe(429);
    expect(limited.body).toEqual({ message: 'You are being rate limited.', code: 0, retry_after: 3.5, global: false });
    expect(limited.headers.get('retry-after')).toBe('4');
    expect(limited.headers.get('x-ratelimit-scope')).toBe('user');
    expect(limited.headers.get('x-ratelimit-global')).toBeNull();
    expect(limited.headers.get('x-ratelimit-remaining')).toBe('0');
    expect(discord.world.messages(channel)).toHaveLength(2);
    expect(discord.stats.rateLimited).toBe(1);

    now += 3500;
    const refilled = await post(channel);
    expect(refilled.status).toBe(200);
    expect(refilled.headers.get('x-ratelimit-remaining')).toBe('1');
  });

  it('counts each channel apart (the channel is a top-level resource)', async () => {
    now += 60_000;
    const one = discord.world.channel(discord.world.defaultGuild.id, 'one').id;
    const two = discord.world.channel(discord.world.defaultGuild.id, 'two').id;
    await post(one);
    await post(one);
    expect((await post(one)).status).toBe(429);
    const other = await post(two);
    expect(other.status).toBe(200);
    expect(other.headers.get('x-ratelimit-remaining')).toBe('1');
  });
});

describe('the global limit', () => {
  it('refuses the bot token past its requests a second, with X-RateLimit-Global and scope global', async () => {
    now += 60_000;
    const statuses: number[] = [];
    for (let i = 0; i < 9; i++) statuses.push((await call('GET', '/users/@me')).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 200, 200, 200, 429]);
    const limited = await call('GET', `/channels/${discord.world.general.id}`);
    expect(limited.status).toBe(429);
    expect(limited.body).toMatchObject({ global: true });
    expect(limited.headers.get('x-ratelimit-global')).toBe('true');
    expect(limited.headers.get('x-ratelimit-scope')).toBe('global');
    expect(limited.headers.get('retry-after')).toBe('1');
    now += 1000;
    expect((await call('GET', '/users/@me')).status).toBe(200);
  });

  it('does not bind the interaction endpoints, which carry no bot token', async () => {
    now += 60_000;
    for (let i = 0; i < 8; i++) await call('GET', '/users/@me');
    expect((await call('GET', '/users/@me')).status).toBe(429);
    // An unknown interaction's callback: refused for what it is (404), not for the bot's global limit.
    const callback = await call('POST', `/interactions/${'1'.repeat(18)}/nope/callback`, { type: 4, data: {} });
    expect(callback.status).toBe(404);
    expect(callback.headers.get('x-ratelimit-bucket')).toMatch(/^[0-9a-f]{32}$/);
  });
});

it('answers only as Discord’s OpenAPI spec allows, 429s included', () => {
  expect(spec.violations).toEqual([]);
  expect(spec.checked.get('POST /channels/:id/messages')).toBeGreaterThan(3);
});
