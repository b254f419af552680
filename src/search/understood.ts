import type { Role } from './decide.js';
import type { Frame } from './frames.js';
import type { Mention } from './named.js';
import type { Concept } from './query.js';

/**
 * What one question asks, read from its words in whichever language it was typed: the ideas to
 * look for, what each is to the question, its form, and the named things it writes. Ranking and
 * deciding work from this alone, so a question in Chinese is answered, refused or told "the
 * article does not say" exactly as one in English.
 */
export interface Understood {
  readonly concepts: readonly Concept[];
  /** One for each concept. */
  readonly roles: readonly Role[];
  readonly frame?: Frame;
  /** The named things the question writes, positions as the concepts count them. */
  readonly mentions: readonly Mention[];
  /** Of those, the ones asked what they said ("what did Huang Qiang say"). */
  readonly speakers: readonly Mention[];
  /** The concepts a "how many" question counts ("how many cadres"), by index. */
  readonly counted?: readonly number[];
  /** A "how many" whose counted thing is a word with no topic the article could count ("有多少代表"). */
  readonly countsNothing?: boolean;
  /** Named things the question writes as one ("the Organization Department of the Central Committee"): an answer speaks of each. */
  readonly together?: readonly Mention[];
  /** The concepts whose thing the question asks about ("China's GDP"), by index: an answer speaks of them. */
  readonly owners?: readonly number[];
  /**
   * Asks what a kind of thing is or does in general ("what is a political consultative
   * conference"): the article names its own such things, and never says.
   */
  readonly general?: boolean;
  /** "What does a middleman do": the concepts of the kind asked of, by index; an answer writes each. */
  readonly anyOne?: readonly number[];
  /** "The difference between X and Y": the concepts of each thing compared, by index. */
  readonly compared?: readonly (readonly number[])[];
}
