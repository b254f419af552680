import type { Client } from 'discord.js';
import type { DispatchDeps } from '../dispatch/index.js';
import type { SettingsStore } from '../settings/index.js';
import type { InFlight } from '../transport/in-flight.js';
import type { PostRefusals } from '../transport/post-refusals.js';
import type { Outcomes } from '../transport/settle.js';

export type { Settled } from '../transport/settle.js';

/** What every event handler of the gateway transport shares. */
export interface Gateway extends Outcomes {
  readonly client: Client;
  readonly settings: SettingsStore;
  readonly work: InFlight;
  /** Channels where Discord refused a post for lack of permission, each logged once. */
  readonly refusals: PostRefusals;
  /** The dispatcher's dependencies, from READY on (they need the bot's own id). */
  readonly deps: () => DispatchDeps | undefined;
  /** False when interactions are answered over HTTP by other processes: this one leaves them alone. */
  readonly interactions: boolean;
}
