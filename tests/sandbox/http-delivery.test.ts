import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalDiscord, type EndpointTraffic } from '../../src/sandbox/index.js';
import {
  json,
  optionText,
  readBody,
  serve,
  serveInteractions,
  type Answer,
  type Interaction,
  type ServedEndpoint,
} from './fixtures/http-endpoint.js';
import { SpecChecker } from './spec/responses.js';
import { contentOf } from './reply-content.js';

/**
 * A bot served as HTTP interactions (fixtures/http-endpoint.ts: node:http and node:crypto
 * alone): it checks Discord's Ed25519 signature against the public key, answers PING with PONG
 * and each command here in the HTTP response (or deferred, then through the interaction webhook).
 */
/** Discord's 3 s: every answer here but the one held back arrives well within it. */
const DEADLINE_MS = 3000;
/** Opens the held answer of `slow`, once its exchange has failed. */
let releaseSlow: () => void = () => undefined;
const COMMANDS = [
  { name: 'ping', description: 'Answered in the HTTP response' },
  { name: 'think', description: 'Deferred, then edited through the webhook' },
  { name: 'callback', description: 'Answered 202, then by a REST callback' },
  { name: 'slow', description: 'Answered after the deadline' },
  { name: 'broken', description: 'Answered 500' },
  { name: 'twice', description: 'Answered in the response and by a REST callback' },
  { name: 'menu', description: 'A message with a button' },
  {
    name: 'search',
    description: 'Autocompletes',
    options: [{ type: 3, name: 'query', description: 'Text', autocomplete: true, required: true }],
  },
];

const spec = new SpecChecker();
const posts: EndpointTraffic[] = [];
let discord: LocalDiscord;
let endpoint: ServedEndpoint;
const webhook = (interaction: Interaction, path = '') =>
  `${discord.restApi}/v10/webhooks/${interaction.application_id}/${interaction.token}${path}`;

const answer: Answer = async (interaction, res) => {
  if (interaction.type === 4) {
    const typed = optionText(interaction, 'query');
    return json(res, 200, { type: 8, data: { choices: [{ name: `${typed}!`, value: typed }] } });
  }
  if (interaction.type === 3) return json(res, 200, { type: 7, data: { content: 'pressed', components: [] } });
  switch (interaction.data?.name) {
    case 'ping':
      return json(res, 200, { type: 4, data: { content: `pong (${interaction.locale ?? '?'})` } });
    case 'think':
      json(res, 200, { type: 5 });
      await fetch(webhook(interaction, '/messages/@original'), {
        method: 'PATCH',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ content: 'thought it over' }),
      });
      return;
    case 'callback':
      json(res, 202);
      await fetch(`${discord.restApi}/v10/interactions/${interaction.id}/${interaction.token}/callback`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ type: 4, data: { content: 'by callback' } }),
      });
      return;
    case 'slow':
      // Held until the test has seen the interaction fail: late by construction, not by a margin.
      await new Promise<void>((resolve) => (releaseSlow = resolve));
      return json(res, 200, { type: 4, data: { content: 'too late' } });
    case 'broken':
      return json(res, 500, { message: 'oops' });
    case 'twice':
      await fetch(`${discord.restApi}/v10/interactions/${interaction.id}/${interaction.token}/callback`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ type: 4, data: { content: 'first, by callback' } }),
      });
      return json(res, 200, { type: 4, data: { content: 'second, in the response' } });
    case 'menu':
      return json(res, 200, {
        type: 4,
        data: {
          content: 'choose',
          components: [{ type: 1, components: [{ type: 2, style: 1, custom_id: 'go', label: 'Go' }] }],
        },
      });
    default:
      return json(res, 400, { message: 'unknown command' });
  }
};

beforeAll(async () => {
  discord = await LocalDiscord.start({
    interactionDeadlineMs: DEADLINE_MS,
    settlement: 'quiet',
    record: (entry) => {
      spec.sink(entry);
      if (entry.kind === 'endpoint') posts.push(entry);
    },
  });
  endpoint = await serveInteractions(discord.publicKey, answer);
  // An HTTP bot registers its commands over REST, with its token; it never opens the gateway.
  const put = await fetch(`${discord.restApi}/v10/applications/${discord.applicationId}/commands`, {
    method: 'PUT',
    headers: { authorization: `Bot ${discord.botToken}`, 'content-type': 'application/json' },
    body: JSON.stringify(COMMANDS),
  });
  expect(put.status).toBe(200);
});
afterAll(async () => {
  await discord?.stop();
  await endpoint?.close();
});

describe('saving the interactions endpoint URL, as Discord checks it', () => {
  it('refuses an endpoint that accepts a bad signature', async () => {
    const careless = await serve(async (req, res) => {
      await readBody(req);
      json(res, 200, { type: 1 });
    });
    try {
      const check = await discord.setInteractionsEndpoint(careless.url);
      expect(check).toEqual({ ok: false, reason: expect.stringMatching(/bad signature was answered 200.*401/) });
    } finally {
      await careless.close();
    }
  });

  it('refuses an endpoint that does not answer PING with PONG', async () => {
    const pingAnswer = await serve(async (req, res) => {
      await readBody(req);
      json(res, 200, { type: 4, data: { content: 'hi' } });
    });
    try {
      expect(await discord.setInteractionsEndpoint(pingAnswer.url)).toEqual({
        ok: false,
        reason: expect.stringMatching(/PING was answered 200 .*Discord expects 200 \{"type":1\}/),
      });
    } finally {
      await pingAnswer.close();
    }
  });

  it('refuses an endpoint it cannot reach, and a URL that is not one', async () => {
    const gone = await serve(() => undefined);
    const { url } = gone;
    await gone.close();
    expect(await discord.setInteractionsEndpoint(url)).toEqual({
      ok: false,
      reason: expect.stringMatching(/PING got no answer: could not reach/),
    });
    expect(await discord.setInteractionsEndpoint('ftp://example.invalid/')).toMatchObject({ ok: false });
  });

  it('saves a verifying endpoint, and the application shows it with its public key', async () => {
    expect(await discord.setInteractionsEndpoint(endpoint.url)).toEqual({ ok: true });
    expect(discord.publicKey).toMatch(/^[0-9a-f]{64}$/);
    const app = (await (
      await fetch(`${discord.restApi}/v10/applications/@me`, { headers: { authorization: `Bot ${discord.botToken}` } })
    ).json()) as { verify_key: string; interactions_endpoint_url: string };
    expect(app.verify_key).toBe(discord.publicKey);
    expect(app.interactions_endpoint_url).toBe(endpoint.url);
  });
});

describe('interactions delivered over HTTP', () => {
  beforeAll(async () => {
    expect(await discord.setInteractionsEndpoint(endpoint.url)).toEqual({ ok: true });
  });
  const alice = () => discord.world.member('alice');

  it('takes the answer from the HTTP response', async () => {
    const exchange = await discord.command({ user: alice(), name: 'ping', locale: 'zh-CN' });
    expect(exchange.denied).toBeUndefined();
    expect(exchange.replies.map((reply) => reply.kind)).toEqual(['callback']);
    expect(contentOf(exchange.replies[0])).toBe('pong (zh-CN)');
    const stored = discord.world.message(discord.world.general.id, exchange.replies[0]?.messageId ?? '');
    expect(stored?.content).toBe('pong (zh-CN)');
  });

  it('takes a deferral from the response and its reply from the webhook', async () => {
    const exchange = await discord.command({ user: alice(), name: 'think' });
    expect(exchange.replies.map((reply) => [reply.kind, contentOf(reply) ?? null])).toEqual([
      ['callback', null],
      ['edit', 'thought it over'],
    ]);
  });

  it('takes a REST callback after an empty 202', async () => {
    const exchange = await discord.command({ user: alice(), name: 'callback' });
    expect(exchange.replies.map(contentOf)).toEqual(['by callback']);
    expect(exchange.rejected).toEqual([]);
  });

  it('answers a component press and autocomplete from the response', async () => {
    const menu = await discord.command({ user: alice(), name: 'menu' });
    const message = discord.world.message(discord.world.general.id, menu.replies[0]?.messageId ?? '');
    const press = await discord.pressButton({ user: alice(), message: message!, customId: 'go' });
    expect((press.replies[0]?.body as { type: number }).type).toBe(7);
    expect(discord.world.message(message!.channelId, message!.id)?.content).toBe('pressed');
    const choices = await discord.autocomplete({
      user: alice(),
      name: 'search',
      options: [{ name: 'query', value: 'gaps', focused: true }],
    });
    expect(choices).toEqual([{ name: 'gaps!', value: 'gaps' }]);
  });

  it('fails an interaction whose answer misses the deadline, or is an error', async () => {
    const slow = await discord.command({ user: alice(), name: 'slow' });
    releaseSlow();
    expect(slow.replies).toEqual([]);
    expect(slow.rejected).toMatchObject([{ status: 0, message: expect.stringMatching(/no answer within 3000 ms/) }]);
    const broken = await discord.command({ user: alice(), name: 'broken' });
    expect(broken.rejected).toMatchObject([{ status: 500, message: expect.stringMatching(/interaction failed/) }]);
  });

  it('refuses a second acknowledgement, whichever way it comes', async () => {
    const exchange = await discord.command({ user: alice(), name: 'twice' });
    expect(exchange.replies.map(contentOf)).toEqual(['first, by callback']);
    expect(exchange.rejected).toMatchObject([{ code: 40060 }]);
  });

  it('goes back to the gateway when the endpoint is removed', async () => {
    await discord.setInteractionsEndpoint(null);
    const exchange = await discord.command({ user: alice(), name: 'ping' });
    expect(exchange.denied).toMatch(/not connected to the gateway/);
  });
});

it('records each POST to the endpoint and its answer, the token redacted', () => {
  const ping = posts.find((post) => (post.request as { data?: { name?: string } }).data?.name === 'ping');
  expect(ping).toMatchObject({ status: 200, request: { type: 2, token: '[redacted]' }, response: { type: 4 } });
  expect(posts.some((post) => post.status === 401)).toBe(true);
});

it('answers only as Discord’s OpenAPI spec allows', () => {
  expect(spec.violations).toEqual([]);
  expect(spec.checked.size).toBeGreaterThan(0);
});
