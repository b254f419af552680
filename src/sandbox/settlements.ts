import type { ReplyCollector, Settlement } from './collect.js';
import { isObject } from './json.js';

/**
 * How exchanges end. `reported`: on the bot's report that it settled the event (an interaction
 * or a message), after its requests completed — never on a quiet window. `quiet`: on a quiet
 * window (bots that never report). `auto`: a quiet window until the bot has reported once, then
 * reports only. A report ends its exchange in every mode.
 */
export type SettlementMode = 'reported' | 'quiet' | 'auto';

/** What the bot reports, once per interaction or message (the `onSettled` of its start options). */
export interface SettledReport {
  /** The interaction's id, or the message's. */
  readonly id: string;
  /** 'answered' | 'problem' | 'limited' | 'ignored' | 'expired' | 'error' … */
  readonly outcome: string;
  /** Why, in a few words, above all for 'ignored' ("not an answer channel", "mentions are off"). */
  readonly reason?: string;
}

/** The open exchanges by the id the bot will report them under. */
export class Settlements {
  readonly #open = new Map<string, ReplyCollector>();
  #heardReport = false;

  constructor(readonly mode: SettlementMode) {}

  /** Whether an exchange starting now ends on a report alone. */
  get awaitReport(): boolean {
    return this.mode === 'reported' || (this.mode === 'auto' && this.#heardReport);
  }

  open(id: string, collector: ReplyCollector): void {
    this.#open.set(id, collector);
    collector.onFinish(() => {
      if (this.#open.get(id) === collector) this.#open.delete(id);
    });
  }

  /** False when no open exchange has this id (already ended, timed out, or never was) or the report is malformed. */
  settle(report: unknown): boolean {
    const settlement = readReport(report);
    if (!settlement) return false;
    this.#heardReport = true;
    const collector = this.#open.get(settlement.id);
    if (!collector) return false;
    collector.settle(
      settlement.reason === undefined
        ? { outcome: settlement.outcome }
        : { outcome: settlement.outcome, reason: settlement.reason },
    );
    return true;
  }
}

function readReport(report: unknown): (Settlement & { readonly id: string }) | null {
  if (!isObject(report)) return null;
  const { id, outcome, reason } = report;
  if (typeof id !== 'string' || typeof outcome !== 'string' || outcome === '') return null;
  if (reason !== undefined && typeof reason !== 'string') return null;
  return reason === undefined ? { id, outcome } : { id, outcome, reason };
}
