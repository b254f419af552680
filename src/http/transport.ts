import type { REST } from '@discordjs/rest';
import type { DispatchDeps, Ledger } from '../dispatch/index.js';
import type { InFlight } from '../transport/in-flight.js';
import type { PostRefusals } from '../transport/post-refusals.js';
import type { Outcomes } from '../transport/settle.js';
import type { InteractionSignature } from './signature.js';

/** What the HTTP transport's request handlers share. */
export interface HttpTransport extends Outcomes {
  readonly deps: DispatchDeps;
  /** Discord's REST API without a bot token: the interaction webhook is all it is used for. */
  readonly rest: REST;
  readonly signature: InteractionSignature;
  /** Requests under way, with the work after their responses; closed once the server drains. */
  readonly work: InFlight;
  /** Channels where Discord refused a post for lack of permission, each logged once. */
  readonly refusals: PostRefusals;
  /** Interactions answered already: a signed request seen twice is a replay. */
  readonly answered: Ledger;
  /** This machine's clock, for the signature's timestamp (the dispatcher's clock may be a test's). */
  readonly clock: () => number;
}
