import { createPublicKey, verify } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { REST } from '@discordjs/rest';
import type { RunningHttpBot } from '../../src/sandbox/index.js';
import type { BotStartArgs } from './bots.js';

const PONG = JSON.stringify({ type: 1 });
const OK = JSON.stringify({ type: 4, data: { content: 'ok' } });

/**
 * The HTTP baseline: an interactions endpoint of node:http and node:crypto alone, as lean as one
 * can be written — the signature checked against a key made once, the body parsed, PING answered
 * PONG and everything else "ok" in the HTTP response. It registers the same commands as
 * policy-bot, so both are sent the same interactions.
 */
export async function startNoopHttpBot({ endpoint, commands }: BotStartArgs): Promise<RunningHttpBot> {
  const key = createPublicKey({
    key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(endpoint.publicKey, 'hex').toString('base64url') },
    format: 'jwk',
  });
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const signature = req.headers['x-signature-ed25519'];
      const timestamp = req.headers['x-signature-timestamp'];
      const valid =
        typeof signature === 'string' &&
        typeof timestamp === 'string' &&
        verify(null, Buffer.concat([Buffer.from(timestamp), body]), key, Buffer.from(signature, 'hex'));
      if (!valid) {
        res.writeHead(401).end();
        return;
      }
      const { type } = JSON.parse(body.toString('utf8')) as { type: number };
      const answer = type === 1 ? PONG : OK;
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(answer) });
      res.end(answer);
    });
  });
  const rest = new REST({ api: endpoint.restApi }).setToken(endpoint.token);
  await rest.put(`/applications/${endpoint.applicationId}/commands`, { body: commands });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return {
    interactionsUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/interactions`,
    stop: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
