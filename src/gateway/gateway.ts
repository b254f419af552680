import type { Client } from 'discord.js';
import type { DispatchDeps, Outcome } from '../dispatch/index.js';
import type { Activity } from '../log/activity.js';
import type { Logger } from '../log/logger.js';
import type { SettingsStore } from '../settings/index.js';
import type { InFlight } from './in-flight.js';

/** How one interaction or message ended, once every request made for it has completed. */
export interface Settled {
  /** The interaction's id, or the message's. */
  readonly id: string;
  readonly outcome: Outcome;
  readonly reason?: string;
}

/** What every event handler of the gateway transport shares. */
export interface Gateway {
  readonly client: Client;
  readonly logger: Logger;
  readonly settings: SettingsStore;
  readonly activity: Activity;
  readonly work: InFlight;
  /** The dispatcher's dependencies, from READY on (they need the bot's own id). */
  readonly deps: () => DispatchDeps | undefined;
  readonly onSettled: ((settled: Settled) => void) | undefined;
}
