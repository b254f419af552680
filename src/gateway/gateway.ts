import type { Client } from 'discord.js';
import type { DispatchDeps } from '../dispatch/index.js';
import type { SettingsStore } from '../settings/index.js';
import type { InFlight } from '../transport/in-flight.js';
import type { Outcomes } from '../transport/settle.js';

export type { Settled } from '../transport/settle.js';

/** What every event handler of the gateway transport shares. */
export interface Gateway extends Outcomes {
  readonly client: Client;
  readonly settings: SettingsStore;
  readonly work: InFlight;
  /** The dispatcher's dependencies, from READY on (they need the bot's own id). */
  readonly deps: () => DispatchDeps | undefined;
  /** False when interactions are answered over HTTP by other processes: this one leaves them alone. */
  readonly interactions: boolean;
}
