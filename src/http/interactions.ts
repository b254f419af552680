import type { IncomingMessage, ServerResponse } from 'node:http';
import { InteractionResponseType, InteractionType, type APIInteraction } from 'discord.js';
import { dispatchInteraction, type Ending } from '../dispatch/index.js';
import { logHandlerFailure, sendLater } from '../transport/later.js';
import { settle } from '../transport/settle.js';
import { BodyTooLarge, readBody } from './body.js';
import { refuse, sendJson } from './reply.js';
import { InteractionSignature } from './signature.js';
import type { HttpTransport } from './transport.js';

const PONG = { type: InteractionResponseType.Pong } as const;

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return typeof value === 'string' ? value : undefined;
}

/** A signed body is Discord's; still, only an object with an id, a token and a type is an interaction. */
function interactionOf(body: Buffer): APIInteraction | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString('utf8'));
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null) return undefined;
  const { id, token, type, application_id: app } = parsed as Record<string, unknown>;
  const shaped =
    typeof id === 'string' && typeof token === 'string' && typeof type === 'number' && typeof app === 'string';
  return shaped ? (parsed as APIInteraction) : undefined;
}

/**
 * POST /interactions. Nothing is read as an interaction before its signature is checked: a
 * missing, bad or stale one is refused with 401, and PING is answered PONG with nothing else
 * touched. The dispatcher's response goes back in the HTTP response itself; what comes after it
 * (a deferred answer, a follow-up) goes through the interaction webhook once the response is out.
 */
export async function answerInteraction(http: HttpTransport, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const started = performance.now();
  const signature = header(req, 'x-signature-ed25519');
  const timestamp = header(req, 'x-signature-timestamp');
  if (signature === undefined || timestamp === undefined || !InteractionSignature.present(signature, timestamp))
    return refuse(res, 401, 'invalid request signature');
  if (!/^application\/json\b/i.test(header(req, 'content-type') ?? ''))
    return refuse(res, 415, 'interactions are JSON (Content-Type: application/json)');
  let body: Buffer;
  try {
    body = await readBody(req);
  } catch (error) {
    if (error instanceof BodyTooLarge) refuse(res, 413, 'request body too large');
    return; // otherwise the client went away mid-request: nobody to answer
  }
  const provenance = http.signature.check(signature, timestamp, body, http.clock());
  if (provenance !== 'discord') {
    http.logger.debug({ provenance }, 'interaction request refused');
    return refuse(
      res,
      401,
      provenance === 'stale' ? 'request timestamp too far from now' : 'invalid request signature',
    );
  }
  const interaction = interactionOf(body);
  if (!interaction) return refuse(res, 400, 'not an interaction');
  if (interaction.type === InteractionType.Ping) {
    await sendJson(res, 200, PONG);
    return;
  }
  // A captured request sent again within the timestamp's margin is as well signed as the first.
  if (!(await http.answered.firstTime(interaction.id))) return refuse(res, 401, 'interaction already received');

  const handled = await dispatchInteraction(interaction, http.deps);
  logHandlerFailure(http.logger, handled, handled);
  const what = { kind: handled.kind, name: handled.name, guild: interaction.guild_id };
  let ending: Ending;
  if (!handled.response) {
    // Nothing to say (an interaction the bot never asks for): Discord tells the person it failed.
    await sendJson(res, 400, { error: handled.reason ?? 'not answered' });
    ending = handled;
  } else if (await sendJson(res, 200, handled.response)) {
    ending = await sendLater(http, interaction, handled);
  } else {
    http.logger.warn({ kind: handled.kind, name: handled.name }, 'the connection closed before the answer was sent');
    ending = { outcome: 'error', reason: 'the answer was not delivered' };
  }
  settle(http, interaction.id, what, ending, started);
}
