/**
 * The dispatcher: Discord's JSON in (an interaction, a message), Discord's JSON out (what to send),
 * with fair use, the answer cache and "expired" handled once. No transport below this line.
 */
export {
  apologyFollowUp,
  apologyResponse,
  cannotPostFollowUp,
  cannotPostResponse,
  dispatchInteraction,
} from './interactions.js';
export { dispatchMessage } from './messages.js';
export { dispatchCommand } from './commands.js';
export { dispatchButton } from './buttons.js';
export { dispatchAutocomplete } from './autocomplete.js';
export { dispatchDeps, shippedArticle, type DispatchDeps } from './deps.js';
export { definitions } from './registry.js';
export { SlidingWindowLimit, type FairUse, type FairUseOptions, type Verdict } from '../settings/fair-use.js';
export { MemoryLedger, type Ledger } from './ledger.js';
export type { Ending, Handled, Kind, Later, MessageHandled, Outcome, WebhookAction } from './result.js';
