import type { CommandRegistry } from './state/commands.js';
import type { World } from './state/world.js';
import type { FaultPlan } from './faults.js';
import type { GatewayServer } from './gateway/server.js';
import type { InteractionsEndpoint } from './interactions/endpoint.js';
import type { InteractionTracker } from './interactions/tracker.js';
import type { RateLimiter } from './rest/rate-limits.js';
import type { SandboxStats } from './stats.js';
import type { Settlements } from './settlements.js';
import type { SigningKeys } from './signing.js';
import type { TrafficRecorder } from './traffic.js';
import type { ChannelWatchers } from './watchers.js';

/** Settings fixed when the local Discord starts. */
export interface SandboxConfig {
  readonly botToken: string;
  readonly applicationId: string;
  /** Shard count that /gateway/bot recommends. */
  readonly shards: number;
  /** Silence that ends an interaction exchange once complete. */
  readonly quietMs: number;
  /** Silence that ends a plain-message exchange. */
  readonly messageQuietMs: number;
  /** Longest wait for any exchange. */
  readonly timeoutMs: number;
  /** Time to acknowledge an interaction, from delivery to the bot (Discord: 3 s). */
  readonly interactionDeadlineMs: number;
  /** Life of an interaction's webhook token (Discord: 15 min). */
  readonly webhookLifetimeMs: number;
  readonly heartbeatIntervalMs: number;
  /** Delay before each REST response is written: a network round trip's hold on the connection. */
  readonly restRoundTripMs: number;
}

/** HTTP delivery: the application's signing keys, and the interactions endpoint once one is set. */
export interface HttpDelivery {
  readonly keys: SigningKeys;
  /** Set: interactions are POSTed here, not sent on the gateway (as on Discord). */
  endpoint: InteractionsEndpoint | null;
}

/** Everything the REST routes and the driver share; built once in server.ts. */
export interface SandboxCore {
  readonly config: SandboxConfig;
  readonly world: World;
  readonly commands: CommandRegistry;
  readonly interactions: InteractionTracker;
  readonly watchers: ChannelWatchers;
  readonly gateway: GatewayServer;
  readonly stats: SandboxStats;
  readonly faults: FaultPlan;
  /** Open exchanges by the id the bot reports them under, and how exchanges end. */
  readonly settlements: Settlements;
  readonly http: HttpDelivery;
  /** Discord's per-route buckets and global limit; null when switched off. */
  readonly rateLimits: RateLimiter | null;
  /** Where every REST exchange and gateway frame is recorded, when asked for. */
  readonly traffic: TrafficRecorder | null;
}
