import type { Reply } from '../replies/answer.js';
import { encodeAction } from '../replies/custom-id.js';
import type { SettingsStore } from '../settings/index.js';
import type { AnswerContext } from './context.js';

/**
 * What a press answers: `update` redraws the message the button is on (paging, next match);
 * `reply` answers with a new message, shown only to the presser (a full paragraph).
 */
export interface Press {
  readonly mode: 'update' | 'reply';
  readonly reply: Reply;
}

/** Who pressed, and where: an untrusted request, checked by whatever it would change. */
export interface Presser {
  readonly userId: string;
  /** Null in DMs and private channels. */
  readonly guildId: string | null;
  /** The member's permissions where they pressed, as Discord computed them now; none outside servers. */
  readonly permissions: bigint | undefined;
}

/** What a press that changes settings works with: the store, the time, and who pressed. */
export interface SettingsPress {
  readonly context: AnswerContext;
  readonly settings: SettingsStore;
  /** Milliseconds since the epoch. */
  readonly now: number;
  readonly presser: Presser;
}

/** A press read from its custom_id, ready to answer. */
export type Pressing =
  | { readonly kind: 'answer'; press(): Press }
  | { readonly kind: 'settings'; press(on: SettingsPress): Press | Promise<Press> };

/**
 * One custom_id verb as the dispatcher sees it, whatever its arguments: buttons carry all their
 * state in the custom_id (`verb:arg:…`), so a press still works after a restart.
 */
export interface ButtonVerb {
  readonly verb: string;
  /** How many arguments follow the verb; only the last may hold free text (and colons). */
  readonly arity: number;
  /** `answer`: a page of an answer, immediate. `settings`: changes a server's settings. */
  readonly kind: 'answer' | 'settings';
  /** The press a custom_id's arguments stand for, or undefined when they no longer make sense. */
  open(args: readonly string[], context: AnswerContext): Pressing | undefined;
}

/** A verb with its typed arguments: `id` writes a custom_id, and only `read` reads one back. */
export interface Button<A> extends ButtonVerb {
  id(args: A): string;
}

interface VerbSpec<A> {
  readonly verb: string;
  readonly arity: number;
  /** The arguments in custom_id order. */
  write(args: A): readonly (string | number)[];
  /**
   * The arguments back from a custom_id (pressed from any message, edited by hand, made by an
   * older version of the bot), or undefined: then the press is answered "expired", in one place.
   */
  read(args: readonly string[], context: AnswerContext): A | undefined;
}

function writer<A>(spec: VerbSpec<A>): (args: A) => string {
  return (args) => {
    const written = spec.write(args);
    if (written.length !== spec.arity)
      throw new RangeError(`${spec.verb} takes ${spec.arity} arguments, not ${written.length}`);
    return encodeAction(spec.verb, ...written);
  };
}

/** A button of an answer: what its press shows depends only on its arguments and the article. */
export function answerButton<A>(spec: VerbSpec<A> & { press(args: A, context: AnswerContext): Press }): Button<A> {
  return {
    verb: spec.verb,
    arity: spec.arity,
    kind: 'answer',
    id: writer(spec),
    open(args, context) {
      const read = spec.read(args, context);
      return read === undefined ? undefined : { kind: 'answer', press: () => spec.press(read, context) };
    },
  };
}

/**
 * A button that changes a server's settings: the press decides for itself who may make it. A
 * press that waits on storage returns a promise: it is then acknowledged at once and its answer
 * edited in, so Discord's 3 s never pass; one refused at once answers at once.
 */
export function settingsButton<A>(
  spec: VerbSpec<A> & { press(args: A, on: SettingsPress): Press | Promise<Press> },
): Button<A> {
  return {
    verb: spec.verb,
    arity: spec.arity,
    kind: 'settings',
    id: writer(spec),
    open(args, context) {
      const read = spec.read(args, context);
      return read === undefined ? undefined : { kind: 'settings', press: (on) => spec.press(read, on) };
    },
  };
}

/** A whole-number argument within [min, max], or undefined for anything else. */
export function wholeArg(arg: string | undefined, min: number, max: number): number | undefined {
  if (arg === undefined || !/^-?\d{1,4}$/.test(arg)) return undefined;
  const number = Number(arg);
  return number >= min && number <= max ? number : undefined;
}
