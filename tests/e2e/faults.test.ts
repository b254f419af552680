import { Events } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/dispatch/registry.js';
import type { Exchange } from '../../src/sandbox/index.js';
import {
  CALLBACK_ROUTE,
  dataOf,
  descriptionOf,
  eventually,
  LEVEL,
  person,
  quotesOf,
  startWorld,
  type LogLine,
  type World,
} from './support.js';

const APOLOGY = /^Something went wrong on my side \(ref: ([0-9A-F]{6})\)\. Please try again in a moment\.$/;

let world: World;
beforeAll(async () => {
  world = await startWorld();
});
afterAll(async () => {
  await world?.stop();
});

const ask = (question = 'who gets demoted?', timeoutMs?: number): Promise<Exchange> =>
  world.discord.command({
    user: person(world),
    name: 'ask',
    options: [{ name: 'question', value: question }],
    ...(timeoutMs ? { timeoutMs } : {}),
  });
const callbacks = (): number => world.discord.stats.requests[CALLBACK_ROUTE] ?? 0;
const logsSince = (start: number): LogLine[] => world.logs.slice(start);

/** A normal, public, cited answer to "who gets demoted?". */
function expectAnswered(exchange: Exchange): void {
  expect(exchange.replies.map((reply) => [reply.kind, reply.ephemeral])).toEqual([['callback', false]]);
  expect(quotesOf(descriptionOf(dataOf(exchange.replies[0])))[0]?.citation).toMatch(/^¶4/);
}

describe('a handler that throws', () => {
  it('tells the user "something went wrong" with a ref, logs an error with that ref, and answers the next command', async () => {
    const command = COMMANDS.find((candidate) => candidate.definition.name === 'ask');
    if (!command || command.kind === 'admin') throw new Error('no /ask');
    const original = command.read;
    command.read = () => {
      command.read = original;
      throw new Error('e2e: the handler broke');
    };
    const start = world.logs.length;
    let failed: Exchange;
    try {
      failed = await ask();
    } finally {
      command.read = original;
    }
    expect(failed.replies.map((reply) => [reply.kind, reply.ephemeral])).toEqual([['callback', true]]);
    const data = dataOf(failed.replies[0]);
    expect(data.allowed_mentions).toEqual({ parse: [] });
    const ref = APOLOGY.exec(data.content ?? '')?.[1];
    expect(ref, data.content ?? undefined).toBeDefined();
    const errors = logsSince(start).filter((line) => line.level === LEVEL.error);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ ref, kind: 'command', name: 'ask', err: { message: 'e2e: the handler broke' } });

    expectAnswered(await ask());
  });
});

describe('gateway faults', () => {
  it.each([
    ['close 4000', () => world.discord.closeGateway(4000)],
    ['the TCP connection cut without a close frame', () => world.discord.dropConnection()],
  ])('resumes after %s and answers a command sent while disconnected', async (_fault, fault) => {
    const before = world.discord.stats;
    const start = world.logs.length;
    const resumed = new Promise<void>((resolve) => world.bot.client.once(Events.ShardResume, () => resolve()));
    fault();
    const exchange = await ask();
    await resumed;
    expectAnswered(exchange);
    expect(world.discord.stats.resumes).toBe(before.resumes + 1);
    expect(world.discord.stats.identifies).toBe(before.identifies);
    // The command sent while the socket was down reached the bot as a replayed event.
    expect(await eventually(() => logsSince(start).some((line) => line.msg === 'gateway resumed'))).toBe(true);
    expect(logsSince(start).find((line) => line.msg === 'gateway resumed')?.['replayed']).toBeGreaterThanOrEqual(1);
  });
});

describe('REST faults on the interaction callback', () => {
  it('lands the reply after a 429 with Retry-After', async () => {
    const before = callbacks();
    world.discord.failNext({
      method: 'POST',
      route: '/interactions/:id/:token/callback',
      status: 429,
      retryAfter: 0.2,
    });
    expectAnswered(await ask());
    expect(callbacks() - before).toBe(2);
  });

  it('retries a 500 and lands the reply', async () => {
    const before = callbacks();
    const start = world.logs.length;
    world.discord.failNext({ method: 'POST', route: '/interactions/:id/:token/callback', status: 500 });
    expectAnswered(await ask());
    expect(callbacks() - before).toBe(2);
    expect(logsSince(start).filter((line) => line.level >= LEVEL.warn)).toEqual([]);
  });

  it('when every retry fails with 500, logs an error with a ref and still apologises to the user', async () => {
    const before = callbacks();
    const start = world.logs.length;
    // discord.js tries a request 4 times (retries: 3) before giving up.
    world.discord.failNext({ method: 'POST', route: '/interactions/:id/:token/callback', status: 500, times: 4 });
    const exchange = await ask();
    expect(callbacks() - before).toBe(5);
    expect(exchange.replies.map((reply) => [reply.kind, reply.ephemeral])).toEqual([['callback', true]]);
    const ref = APOLOGY.exec(dataOf(exchange.replies[0]).content ?? '')?.[1];
    expect(ref).toBeDefined();
    expect(
      logsSince(start)
        .filter((line) => line.level === LEVEL.error)
        .map((line) => line['ref']),
    ).toEqual([ref]);
  });

  it('logs a failed reply by its route, status and size: no interaction token, no message text', async () => {
    const start = world.logs.length;
    const question = 'what does the committee say about cadres who dodge responsibility?';
    world.discord.failNext({ method: 'POST', route: '/interactions/:id/:token/callback', status: 500, times: 4 });
    const exchange = await ask(question);
    expect(APOLOGY.test(dataOf(exchange.replies[0]).content ?? '')).toBe(true);
    const failure = logsSince(start).find((line) => line.level === LEVEL.error);
    expect(failure?.['err']).toMatchObject({ status: 500, method: 'POST' });
    const written = JSON.stringify(logsSince(start));
    expect(exchange.token.length).toBeGreaterThan(20);
    expect(written).not.toContain(exchange.token);
    expect(written).not.toContain('dodge responsibility');
    // What the body was is told by its size only.
    expect(written).toMatch(/"requestBytes":\d+/);
  });

  it('logs an expired interaction (404, code 10062) as a warning, does not crash, and answers the next command', async () => {
    const start = world.logs.length;
    world.discord.failNext({
      method: 'POST',
      route: '/interactions/:id/:token/callback',
      status: 404,
      code: 10062,
      message: 'Unknown interaction',
    });
    // Nothing reaches Discord, so the exchange only ends at its (short) time limit.
    const expired = await ask('who gets demoted?', 1500);
    expect(expired.replies).toEqual([]);
    expect(
      await eventually(() =>
        logsSince(start).some((line) => line.msg === 'interaction expired before it was answered'),
      ),
    ).toBe(true);
    const lines = logsSince(start);
    expect(lines.find((line) => line.msg === 'interaction expired before it was answered')).toMatchObject({
      level: LEVEL.warn,
      code: 10062,
      name: 'ask',
    });
    expect(lines.filter((line) => line.level >= LEVEL.error)).toEqual([]);

    expectAnswered(await ask());
  });
});
