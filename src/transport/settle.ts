import type { Ending, Kind, Outcome } from '../dispatch/index.js';
import type { Activity } from '../log/activity.js';
import type { Logger } from '../log/logger.js';

/** How one interaction or message ended, once every request made for it has completed. */
export interface Settled {
  /** The interaction's id, or the message's. */
  readonly id: string;
  readonly outcome: Outcome;
  readonly reason?: string;
}

/** Where a transport tells how each interaction and message ended. */
export interface Outcomes {
  readonly logger: Logger;
  readonly activity: Activity;
  readonly onSettled: ((settled: Settled) => void) | undefined;
}

/**
 * What happens once everything sent for an interaction or a message has completed: it counts in
 * the activity summary (what was ignored does not: every public answer comes back as a message),
 * it has its debug line, and whoever waits on outcomes hears of it.
 */
export function settle(
  outcomes: Outcomes,
  id: string,
  what: { readonly kind: Kind; readonly name?: string | undefined; readonly guild?: string | undefined },
  ending: Ending,
  started: number,
): void {
  const { outcome, reason } = ending;
  if (outcome !== 'ignored') {
    const ms = performance.now() - started;
    outcomes.activity.record(what.kind, outcome, ms);
    // The id (never the token) lets a line be matched with the load balancer's and Discord's records.
    outcomes.logger.debug(
      { ...what, id, ms: Math.round(ms * 100) / 100, outcome },
      what.kind === 'message' ? 'message' : 'interaction',
    );
  }
  outcomes.onSettled?.(reason === undefined ? { id, outcome } : { id, outcome, reason });
}
