import type { Citation } from '../corpus/citation.js';
import type { Range } from '../corpus/range.js';

/** Words of the article, shown as a block quote and cited. */
export interface Quoted {
  /** Verbatim article text (a sentence, a phrase, or a whole paragraph). */
  readonly text: string;
  readonly citation: Citation;
  /** Stretches of `text` to bold. */
  readonly ranges?: readonly Range[];
}

/** One line of an answer: the article's words, or the bot's own. */
export type Line = { readonly quote: Quoted } | { readonly note: string };

export interface Section {
  /** The bot's words. */
  readonly heading?: string;
  readonly lines: readonly Line[];
}

export type ButtonStyle = 'primary' | 'secondary' | 'success';

export interface Button {
  readonly label: string;
  /** What pressing it does, as a custom_id (see ./custom-id.ts). */
  readonly action: string;
  readonly style?: ButtonStyle;
  readonly disabled?: boolean;
}

/**
 * What a command answers, before it is laid out for Discord. Everything but `Quoted.text` is
 * the bot's own words; text a person typed must already be escaped (see ./markdown.ts).
 */
export interface Answer {
  readonly title: string;
  readonly intro?: string;
  readonly sections: readonly Section[];
  readonly buttons?: readonly Button[];
  /** Shown under the footer's source line, e.g. "Match 2 of 5". */
  readonly status?: string;
  /** The page shown, from 0, when the answer is too long for one message. */
  readonly page?: number;
  /** The action that shows page N: without it, an answer too long for one message is cut short. */
  readonly pageAction?: (page: number) => string;
}

/** A person's mistake, answered kindly and only to them. */
export interface Problem {
  readonly problem: string;
  /** Choices offered instead, e.g. "did you mean". */
  readonly buttons?: readonly Button[];
}

export type Reply = Answer | Problem;

export function isProblem(reply: Reply): reply is Problem {
  return 'problem' in reply;
}

export const quote = (text: string, citation: Citation, ranges?: readonly Range[]): Line =>
  ranges ? { quote: { text, citation, ranges } } : { quote: { text, citation } };
export const note = (text: string): Line => ({ note: text });
