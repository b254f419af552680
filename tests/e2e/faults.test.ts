import { Events } from 'discord.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/dispatch/registry.js';
import type { Exchange } from '../../src/sandbox/index.js';
import {
  CALLBACK_ROUTE,
  configOptions,
  dataOf,
  descriptionOf,
  LEVEL,
  newServer,
  person,
  quotesOf,
  sharedWorlds,
  startWorld,
  TRANSPORTS,
  type LogLine,
  type World,
} from './support.js';

const APOLOGY = /^Something went wrong on my side \(ref: ([0-9A-F]{6})\)\. Please try again in a moment\.$/;

const worldOver = sharedWorlds((transport) => startWorld({ transport }));
let world: World;

const ask = (question = 'who gets demoted?'): Promise<Exchange> =>
  world.discord.command({
    user: person(world),
    name: 'ask',
    options: [{ name: 'question', value: question }],
  });
const callbacks = (): number => world.discord.stats.requests[CALLBACK_ROUTE] ?? 0;
const logsSince = (start: number): LogLine[] => world.logs.slice(start);

/** A normal, public, cited answer to "who gets demoted?". */
function expectAnswered(exchange: Exchange): void {
  expect(exchange.replies.map((reply) => [reply.kind, reply.ephemeral])).toEqual([['callback', false]]);
  expect(quotesOf(descriptionOf(dataOf(exchange.replies[0])))[0]?.citation).toMatch(/^¶4/);
}

describe.each(TRANSPORTS)('over %s', (transport) => {
  beforeAll(async () => {
    world = await worldOver(transport);
  });

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
      expect(errors[0]).toMatchObject({
        ref,
        kind: 'command',
        name: 'ask',
        err: { message: 'e2e: the handler broke' },
      });

      expectAnswered(await ask());
    });
  });

  describe('REST faults on the interaction webhook', () => {
    const WEBHOOK_EDIT = { method: 'PATCH', route: '/webhooks/:id/:token/messages/:id' } as const;
    const show = (): Promise<Exchange> => {
      const server = newServer(world, 'Webhook faults');
      return world.discord.command({
        user: server.mod,
        guildId: server.guild.id,
        name: 'config',
        options: configOptions.show(),
      });
    };

    const edits = (): number => world.discord.stats.requests[`PATCH ${WEBHOOK_EDIT.route}`] ?? 0;

    it('lands a deferred answer after a 500 on its edit', async () => {
      const start = world.logs.length;
      const before = edits();
      world.discord.failNext({ ...WEBHOOK_EDIT, status: 500 });
      const exchange = await show();
      expect(edits() - before).toBe(2);
      expect(exchange.replies.map((reply) => reply.kind)).toEqual(['callback', 'edit']);
      expect(dataOf(exchange.replies[1]).embeds?.[0]?.title).toBe('Settings for this server');
      expect(exchange.settlement).toEqual({ outcome: 'answered' });
      expect(logsSince(start).filter((line) => line.level >= LEVEL.warn)).toEqual([]);
    });

    it('when every retry of the edit fails, logs an error with a ref, no token and no text, and apologises in a follow-up', async () => {
      const start = world.logs.length;
      world.discord.failNext({ ...WEBHOOK_EDIT, status: 500, times: 4 });
      const exchange = await show();
      expect(exchange.replies.map((reply) => [reply.kind, reply.ephemeral])).toEqual([
        ['callback', true],
        ['followup', true],
      ]);
      const ref = APOLOGY.exec(dataOf(exchange.replies[1]).content ?? '')?.[1];
      expect(ref).toBeDefined();
      expect(exchange.settlement).toEqual({ outcome: 'error' });
      const errors = logsSince(start).filter((line) => line.level === LEVEL.error);
      expect(errors.map((line) => line['ref'])).toEqual([ref]);
      expect(errors[0]).toMatchObject({ kind: 'command', name: 'config', err: { status: 500, method: 'PATCH' } });
      const written = JSON.stringify(logsSince(start));
      expect(written).not.toContain(exchange.token);
      expect(written).not.toContain('Settings for this server');
      expect(written).toMatch(/"requestBytes":\d+/);
    });
  });
});

describe('over the gateway', () => {
  beforeAll(async () => {
    world = await worldOver('gateway');
  });

  describe('gateway faults', () => {
    it.each([
      ['close 4000', () => world.discord.closeGateway(4000)],
      ['the TCP connection cut without a close frame', () => world.discord.dropConnection()],
    ])('resumes after %s and answers a command sent while disconnected', async (_fault, fault) => {
      const before = world.discord.stats;
      const start = world.logs.length;
      const resumed = new Promise<void>((resolve) => world.client.once(Events.ShardResume, () => resolve()));
      fault();
      const exchange = await ask();
      await resumed;
      expectAnswered(exchange);
      expect(world.discord.stats.resumes).toBe(before.resumes + 1);
      expect(world.discord.stats.identifies).toBe(before.identifies);
      // The command sent while the socket was down reached the bot as a replayed event.
      const resumedLine = await world.logged((line) => line.msg === 'gateway resumed', start);
      expect(resumedLine['replayed']).toBeGreaterThanOrEqual(1);
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
      // Nothing reaches Discord; the bot reports it could not answer in time.
      const expired = await ask('who gets demoted?');
      expect(expired.replies).toEqual([]);
      expect(expired.settlement).toEqual({ outcome: 'error', reason: 'expired before it was answered' });
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
});
