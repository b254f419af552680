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
}
