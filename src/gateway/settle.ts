import type { Ending, Kind } from '../dispatch/index.js';
import type { Gateway } from './gateway.js';

/**
 * What happens once everything sent for an interaction or a message has completed: it counts in
 * the activity summary (what was ignored does not: every public answer comes back as a message),
 * it has its debug line, and whoever waits on outcomes hears of it.
 */
export function settle(
  gateway: Gateway,
  id: string,
  what: { readonly kind: Kind; readonly name?: string | undefined; readonly guild?: string | undefined },
  ending: Ending,
  started: number,
): void {
  const { outcome, reason } = ending;
  if (outcome !== 'ignored') {
    const ms = performance.now() - started;
    gateway.activity.record(what.kind, outcome, ms);
    gateway.logger.debug(
      { ...what, ms: Math.round(ms * 100) / 100, outcome },
      what.kind === 'message' ? 'message' : 'interaction',
    );
  }
  gateway.onSettled?.(reason === undefined ? { id, outcome } : { id, outcome, reason });
}
