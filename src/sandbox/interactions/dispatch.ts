import { ReplyCollector, type CollectorTiming, type RejectedRequest, type Reply, type Settlement } from '../collect.js';
import type { SandboxCore } from '../core.js';
import type { JsonObject } from '../json.js';
import { userJson } from '../state/payloads.js';
import { InteractionContext } from './access.js';
import { interactionPayload, type InteractionSite } from './build.js';
import { deliverOverHttp } from './http-delivery.js';
import { InteractionTracker, type InteractionRecord } from './tracker.js';

/** What happened to one interaction: Discord's refusal, or every reply the bot sent. */
export interface Exchange {
  readonly interactionId: string;
  readonly token: string;
  /** Set when Discord would not have sent the interaction (the bot never saw it). */
  readonly denied?: string;
  readonly replies: readonly Reply[];
  /** Requests for this interaction that the sandbox refused (4xx), e.g. a second acknowledgement. */
  readonly rejected: readonly RejectedRequest[];
  /** True when the overall timeout ended the wait: the replies may be incomplete. */
  readonly timedOut: boolean;
  /** The bot's report of how it settled the interaction ('answered', 'ignored' with a reason …); null without one. */
  readonly settlement: Settlement | null;
}

/** When an interaction's callback arrived, on this process's performance.now() clock. */
export interface CallbackTiming {
  /** INTERACTION_CREATE written to the bot's socket. */
  readonly deliveredAt: number;
  /** The callback's body read and parsed, before the sandbox validates and stores it. */
  readonly callbackAt: number;
  /** `callbackAt - deliveredAt`: the bot's round trip as Discord would see it. */
  readonly callbackMs: number;
}

/** An exchange with its callback timing: null when no callback arrived (denied, too late, timed out). */
export interface TimedExchange extends Exchange {
  readonly timing: CallbackTiming | null;
}

export interface InteractionSpec {
  readonly type: number;
  readonly data: JsonObject;
  readonly message?: JsonObject;
  readonly componentMessageId?: string;
  readonly responseMessageType: number;
  readonly metadata?: JsonObject;
  /** The person's client language, as Discord's `locale`. */
  readonly locale?: string;
}

export function deniedExchange(reason: string): Exchange {
  return { interactionId: '', token: '', denied: reason, replies: [], rejected: [], timedOut: false, settlement: null };
}

/** Registers the interaction, sends INTERACTION_CREATE to the right shard and waits for the bot. */
export async function runInteraction(
  core: SandboxCore,
  site: InteractionSite,
  spec: InteractionSpec,
  timing: CollectorTiming,
): Promise<Exchange> {
  const { exchange } = await runCollected(core, site, spec, timing);
  return exchange;
}

/** `runInteraction`, timed from delivery to callback inside this process (for benchmarks). */
export async function runTimedInteraction(
  core: SandboxCore,
  site: InteractionSite,
  spec: InteractionSpec,
  timing: CollectorTiming,
): Promise<TimedExchange> {
  const { exchange, collector } = await runCollected(core, site, spec, timing);
  const { deliveredAt, callbackAt } = collector;
  // callbackAt is only set for a callback the sandbox accepted (not one past the 3 s deadline).
  return {
    ...exchange,
    timing:
      deliveredAt !== null && callbackAt !== null
        ? { deliveredAt, callbackAt, callbackMs: callbackAt - deliveredAt }
        : null,
  };
}

async function runCollected(
  core: SandboxCore,
  site: InteractionSite,
  spec: InteractionSpec,
  timing: CollectorTiming,
): Promise<{ exchange: Exchange; collector: ReplyCollector }> {
  const { world } = core;
  const id = world.nextId();
  const token = InteractionTracker.tokenFor(id);
  const majors = [`channel:${site.channel.id}`, `webhook:${core.config.applicationId}/${token}`, `interaction:${id}`];
  const collector = new ReplyCollector('interaction', timing, () => core.rateLimits?.pausedFor(majors) ?? 0);
  const init = {
    id,
    token,
    type: spec.type,
    data: spec.data,
    ...(spec.message ? { message: spec.message } : {}),
    ...(spec.locale ? { locale: spec.locale } : {}),
  };
  const payload = interactionPayload(world, core.config.applicationId, site, init);
  const record: InteractionRecord = {
    id,
    token,
    type: spec.type,
    channelId: site.channel.id,
    guildId: site.guildId,
    user: site.user,
    createdAt: Date.now(),
    deliveredAt: null,
    acknowledgedWith: null,
    originalMessageId: null,
    componentMessageId: spec.componentMessageId ?? null,
    awaitingFill: false,
    followupIds: new Set(),
    responseMessageType: spec.responseMessageType,
    interactionMetadata: {
      id,
      type: spec.type,
      user: userJson(site.user),
      authorizing_integration_owners: payload['authorizing_integration_owners'],
      ...spec.metadata,
    },
    collector,
  };
  core.interactions.register(record);
  core.settlements.open(id, collector);
  core.watchers.watch(site.channel.id, collector);
  core.stats.interactions++;
  const endpoint = core.http.endpoint;
  if (endpoint) {
    deliverOverHttp(core, endpoint, record, payload);
    await collector.done;
    return { exchange: exchangeOf(record), collector };
  }
  const reached = core.gateway.send(
    site.context === InteractionContext.Guild ? site.guildId : null,
    'INTERACTION_CREATE',
    payload,
    {
      onDelivered: () => {
        record.deliveredAt = Date.now();
        collector.delivered();
      },
    },
  );
  if (reached === 0) {
    collector.finish();
    return {
      exchange: {
        ...deniedExchange(
          `the bot is not connected to the gateway for this ${site.guildId ? "server's shard" : 'DM (shard 0)'}`,
        ),
        interactionId: id,
        token,
      },
      collector,
    };
  }
  await collector.done;
  return { exchange: exchangeOf(record), collector };
}

function exchangeOf({ id, token, collector }: InteractionRecord): Exchange {
  return {
    interactionId: id,
    token,
    replies: [...collector.replies],
    rejected: [...collector.rejected],
    timedOut: collector.timedOut,
    settlement: collector.settlement,
  };
}
