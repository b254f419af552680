import { request } from 'node:http';
import { InteractionResponseType, InteractionType, MessageFlags } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES } from '../../src/http/body.js';
import { MAX_CLOCK_SKEW_SECONDS } from '../../src/http/signature.js';
import { APP_ID, GUILD_ID, MANAGE_SERVER, nextId, slashCommand, subcommand } from '../support/discord-json.js';
import { Signer, startEndpoint, type Endpoint } from './support.js';

/**
 * The HTTP interactions endpoint as Discord and anyone else can reach it: nothing is read as an
 * interaction before its signature holds; a ready answer goes back in the HTTP response itself.
 */
let endpoint: Endpoint;
beforeAll(async () => {
  endpoint = await startEndpoint();
});
afterAll(async () => {
  await endpoint?.stop();
});

const ping = () => ({
  id: nextId(),
  application_id: APP_ID,
  type: InteractionType.Ping,
  token: 'ping-token',
  version: 1,
});
const help = () => slashCommand({ userId: '400000000000000001' }, { name: 'help' });
const configShow = () =>
  slashCommand(
    { userId: '400000000000000002', guildId: GUILD_ID, permissions: MANAGE_SERVER },
    { name: 'config', options: subcommand(['show']) },
  );

describe('who may be answered', () => {
  it('answers a signed PING with PONG, and nothing else: no request to Discord, no outcome counted', async () => {
    const answer = await endpoint.post(ping());
    expect([answer.status, answer.json]).toEqual([200, { type: InteractionResponseType.Pong }]);
    expect(answer.headers.get('content-type')).toBe('application/json');
    expect(endpoint.rest.calls).toEqual([]);
    expect(endpoint.settled).toEqual([]);
  });

  it('refuses a request without a signature, with a malformed one, or signed by another key, with 401', async () => {
    const body = JSON.stringify(help());
    const other = new Signer().headers(body);
    const own = endpoint.signer.headers(body);
    for (const headers of [
      {},
      { 'x-signature-timestamp': own['x-signature-timestamp']! },
      { ...own, 'x-signature-ed25519': 'zz'.repeat(64) },
      other,
      { ...own, 'x-signature-timestamp': String(Number(own['x-signature-timestamp']) + 1) },
    ]) {
      const answer = await endpoint.post(body, headers);
      expect(answer.status, JSON.stringify(headers)).toBe(401);
      expect(answer.json).toEqual({ error: 'invalid request signature' });
    }
    // A body changed after signing is refused too.
    const tampered = await endpoint.post(body.replace('"help"', '"ask"'), own);
    expect(tampered.status).toBe(401);
    expect(endpoint.settled).toEqual([]);
  });

  it('refuses a well-signed request whose timestamp is minutes away from now: a replay of a captured one', async () => {
    const body = JSON.stringify(help());
    const now = Math.floor(Date.now() / 1000);
    for (const seconds of [now - MAX_CLOCK_SKEW_SECONDS - 60, now + MAX_CLOCK_SKEW_SECONDS + 60]) {
      const answer = await endpoint.post(body, endpoint.signer.headers(body, seconds));
      expect([answer.status, answer.json]).toEqual([401, { error: 'request timestamp too far from now' }]);
    }
  });

  it('refuses the same signed interaction a second time', async () => {
    const body = JSON.stringify(help());
    const headers = endpoint.signer.headers(body);
    expect((await endpoint.post(body, headers)).status).toBe(200);
    const again = await endpoint.post(body, headers);
    expect([again.status, again.json]).toEqual([401, { error: 'interaction already received' }]);
  });

  it('refuses what is not JSON, or not an interaction', async () => {
    const text = 'type=2';
    const form = await fetch(`${endpoint.base}/interactions`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...endpoint.signer.headers(text) },
      body: text,
    });
    expect(form.status).toBe(415);
    expect((await endpoint.post('{"type":')).status).toBe(400);
    expect((await endpoint.post({ hello: 'there' })).status).toBe(400);
  });

  it('refuses a body over the limit with 413, whether its length is declared or not, and closes the connection', async () => {
    const big = JSON.stringify({ ...help(), padding: 'x'.repeat(MAX_BODY_BYTES) });
    const declared = await endpoint.post(big);
    expect(declared.status).toBe(413);
    expect(declared.headers.get('connection')).toBe('close');
    // Sent in chunks with no Content-Length: refused once it passes the limit.
    const url = new URL(`${endpoint.base}/interactions`);
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(
        url,
        { method: 'POST', headers: { 'content-type': 'application/json', ...endpoint.signer.headers(big) } },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', reject);
      for (let at = 0; at < big.length; at += 16_384) req.write(big.slice(at, at + 16_384));
      req.end();
    });
    expect(status).toBe(413);
  });
});

describe('answers', () => {
  it('answers /help in the HTTP response, privately, with no request to Discord', async () => {
    const before = endpoint.rest.calls.length;
    const interaction = help();
    const answer = await endpoint.post(interaction);
    expect(answer.status).toBe(200);
    const body = answer.json as { type: number; data: { flags: number; embeds: { title: string }[] } };
    expect(body.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    expect(body.data.flags & MessageFlags.Ephemeral).toBe(MessageFlags.Ephemeral);
    expect(body.data.embeds[0]?.title).toBe('What policy-bot answers');
    expect(endpoint.rest.calls.length).toBe(before);
    expect(endpoint.settled.at(-1)).toEqual({ id: interaction.id, outcome: 'answered' });
  });

  it('needs no connection to Discord at all to answer /help or PING', async () => {
    // Its REST API is a port nothing listens on.
    const offline = await startEndpoint({ restApi: 'http://127.0.0.1:9/api' });
    try {
      expect((await offline.post(ping())).json).toEqual({ type: InteractionResponseType.Pong });
      const answer = await offline.post(help());
      expect(answer.status).toBe(200);
      expect((answer.json as { type: number }).type).toBe(InteractionResponseType.ChannelMessageWithSource);
    } finally {
      await offline.stop();
    }
  });

  it('defers what waits on storage, then edits the answer in through the interaction webhook, without a bot token', async () => {
    const interaction = configShow();
    const edited = endpoint.rest.next();
    const answer = await endpoint.post(interaction);
    expect(answer.json).toEqual({
      type: InteractionResponseType.DeferredChannelMessageWithSource,
      data: { flags: MessageFlags.Ephemeral },
    });
    const call = await edited;
    expect(call.method).toBe('PATCH');
    expect(call.path).toBe(`/api/v10/webhooks/${APP_ID}/${interaction.token}/messages/%40original`);
    expect(call.authorization).toBeUndefined();
    expect((call.body as { embeds: { title: string }[] }).embeds[0]?.title).toBe('Settings for this server');
    expect(await endpoint.reported(interaction.id)).toEqual({ id: interaction.id, outcome: 'answered' });
  });
});

describe('the server', () => {
  it('says it is healthy, and refuses what it does not serve', async () => {
    const health = await fetch(`${endpoint.base}/healthz`);
    expect([health.status, await health.text()]).toEqual([200, 'ok\n']);
    expect((await fetch(`${endpoint.base}/interactions`)).status).toBe(405);
    expect((await fetch(`${endpoint.base}/interactions`)).headers.get('allow')).toBe('POST');
    expect((await fetch(`${endpoint.base}/healthz`, { method: 'POST' })).status).toBe(405);
    expect((await fetch(`${endpoint.base}/privacy`, { method: 'DELETE' })).status).toBe(405);
    expect((await fetch(`${endpoint.base}/nothing-here`)).status).toBe(404);
  });
});
