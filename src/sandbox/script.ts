/**
 * The sandbox script language, one instruction per line:
 *
 *   [locale CODE] [dm] [as NAME] [in #channel] /command [sub ...] [name:value ...]   a value runs to the next " name:"
 *   [dm] [as NAME] [in #channel] say TEXT                     "@bot" in TEXT mentions the bot
 *   [locale CODE] [as NAME] click LABEL                       a button on the bot's last message
 *   in #channel deny|allow PERMISSION                         take a permission from the bot's role there, or give it back
 *   restart                                                   restart the bot (Discord and data stay)
 *   help                                                      the grammar and the bot's commands
 *
 * The prefixes come in any order. `locale` sets the interaction's `locale` (default en-US), as
 * a person's Discord client does; a message carries none. Pure parsing: names are resolved
 * (and values typed) by the runner, against the registered commands.
 */
import { LOCALES, discordLocale } from './locales.js';

interface Prefix {
  /** The line as written, for reports. */
  readonly source: string;
  readonly dm: boolean;
  /** `as NAME`: "mod" has Manage Server; null means the default ordinary member. */
  readonly as: string | null;
  /** `in #name`, without the "#". */
  readonly channel: string | null;
  /** `locale CODE`, as Discord spells it ("zh-CN"); null means the default, en-US. */
  readonly locale: string | null;
}

export interface ScriptOption {
  readonly name: string;
  /** As written; quotes around the whole value are removed. */
  readonly value: string;
}

export interface CommandInstruction extends Prefix {
  readonly kind: 'command';
  readonly name: string;
  /** Subcommand group and/or subcommand, in order. */
  readonly path: readonly string[];
  readonly options: readonly ScriptOption[];
}

export interface SayInstruction extends Omit<Prefix, 'locale'> {
  readonly kind: 'say';
  readonly text: string;
}

export interface ClickInstruction {
  readonly kind: 'click';
  readonly source: string;
  readonly as: string | null;
  readonly locale: string | null;
  readonly label: string;
}

export interface RestartInstruction {
  readonly kind: 'restart';
  readonly source: string;
}

/** A moderator's change to the bot's role in one channel (its permission overwrite). */
export interface PermissionInstruction {
  readonly kind: 'permission';
  readonly source: string;
  readonly channel: string;
  readonly change: 'deny' | 'allow';
  /** As written: "Send Messages", "embed links". */
  readonly permission: string;
}

export interface HelpInstruction {
  readonly kind: 'help';
  readonly source: string;
}

export type Instruction =
  CommandInstruction | SayInstruction | ClickInstruction | PermissionInstruction | RestartInstruction | HelpInstruction;

export interface ScriptError {
  readonly source: string;
  readonly error: string;
}

/** Blank lines and lines starting with "#" are not instructions. */
export function isInstructionLine(line: string): boolean {
  const trimmed = line.trim();
  return trimmed !== '' && !trimmed.startsWith('#');
}

/** The instructions of a whole script, skipping blanks and comments. */
export function parseScript(text: string): (Instruction | ScriptError)[] {
  return text.split(/\r?\n/).filter(isInstructionLine).map(parseScriptLine);
}

// An option starts with " name:" — but not "http://": a URL inside a value stays in the value.
const OPTION_START = /(?:^|\s)([\p{Ll}\p{Lo}\p{N}_'-]{1,32}):(?!\/\/)/gu;

export function parseScriptLine(line: string): Instruction | ScriptError {
  const source = line.trim();
  const fail = (error: string): ScriptError => ({ source, error });
  if (!isInstructionLine(source)) return fail('nothing to run: the line is blank or a comment');
  let rest = source;
  let dm = false;
  let as: string | null = null;
  let channel: string | null = null;
  let locale: string | null = null;
  for (;;) {
    const word = /^(\S+)(?:\s+|$)/.exec(rest)?.[1] ?? '';
    if (word === 'dm') {
      if (dm) return fail('"dm" is given twice');
      dm = true;
      rest = rest.slice(2).trimStart();
    } else if (word === 'as') {
      const name = /^as\s+(\S+)\s*/.exec(rest);
      if (!name?.[1]) return fail('"as" needs a name, e.g. "as alice" or "as mod"');
      if (as !== null) return fail('"as" is given twice');
      as = name[1];
      rest = rest.slice(name[0].length);
    } else if (word === 'in') {
      const target = /^in\s+#(\S+)\s*/.exec(rest);
      if (!target?.[1]) return fail('"in" needs a channel written "#name", e.g. "in #policy"');
      if (channel !== null) return fail('"in" is given twice');
      channel = target[1];
      rest = rest.slice(target[0].length);
    } else if (word === 'locale') {
      const code = /^locale\s+(\S+)\s*/.exec(rest);
      if (!code?.[1]) return fail('"locale" needs a code, e.g. "locale zh-CN"');
      if (locale !== null) return fail('"locale" is given twice');
      locale = discordLocale(code[1]);
      if (!locale) return fail(`"${code[1]}" is not a Discord locale; use one of ${LOCALES.join(', ')}`);
      rest = rest.slice(code[0].length);
    } else {
      break;
    }
  }
  if (dm && channel !== null) return fail('"dm" and "in #channel" cannot be combined: a DM has no channels');
  const prefix: Prefix = { source, dm, as, channel, locale };
  const verb = /^(\S+)\s*([\s\S]*)$/.exec(rest);
  const head = verb?.[1] ?? '';
  const tail = verb?.[2]?.trim() ?? '';
  if (head === 'restart') {
    if (dm || as !== null || channel !== null || locale !== null || tail !== '')
      return fail('"restart" takes nothing else on its line');
    return { kind: 'restart', source };
  }
  if (head === 'help') {
    if (dm || as !== null || channel !== null || locale !== null || tail !== '')
      return fail('"help" takes nothing else on its line');
    return { kind: 'help', source };
  }
  if (head === 'click') {
    if (dm || channel !== null)
      return fail('"click" presses a button on the bot\'s last message; it takes no "dm" or "in"');
    const label = tail.replace(/^\[(.*)\]$/, '$1').trim();
    if (!label) return fail('"click" needs the button\'s label, e.g. "click Next"');
    return { kind: 'click', source, as, locale, label };
  }
  if (head === 'deny' || head === 'allow') {
    if (channel === null) return fail(`"${head}" needs the channel first, e.g. "in #policy ${head} Send Messages"`);
    if (dm || as !== null || locale !== null) return fail(`"${head}" takes only "in #channel" before it`);
    if (!tail) return fail(`"${head}" needs a permission, e.g. "in #policy ${head} Embed Links"`);
    return { kind: 'permission', source, channel, change: head, permission: tail };
  }
  if (head === 'say') {
    if (!tail) return fail('"say" needs some text');
    if (locale !== null)
      return fail('"locale" sets what an interaction carries; a message carries no locale (write it in the language)');
    return { kind: 'say', source, dm, as, channel, text: tail };
  }
  if (head.startsWith('/')) return parseCommand(prefix, head.slice(1), tail, fail);
  if (!head) return fail('nothing to run after the prefixes');
  return fail(`unknown instruction "${head}": expected /command, say, click, deny, allow, restart or help`);
}

function parseCommand(
  prefix: Prefix,
  name: string,
  rest: string,
  fail: (error: string) => ScriptError,
): CommandInstruction | ScriptError {
  if (!/^[-_\p{L}\p{N}]{1,32}$/u.test(name)) return fail(`"/${name}" is not a command name`);
  const starts = [...rest.matchAll(OPTION_START)];
  const pathText = starts[0] ? rest.slice(0, starts[0].index) : rest;
  const path = pathText.split(/\s+/).filter(Boolean);
  if (path.length > 2)
    return fail(`/${name}: "${path.join(' ')}" is not "group subcommand name:value": write options as name:value`);
  const options: ScriptOption[] = [];
  for (const [index, start] of starts.entries()) {
    const optionName = start[1] ?? '';
    const from = (start.index ?? 0) + start[0].length;
    const to = starts[index + 1]?.index ?? rest.length;
    const value = rest
      .slice(from, to)
      .trim()
      .replace(/^"([\s\S]*)"$/, '$1');
    if (options.some((option) => option.name === optionName))
      return fail(`/${name}: option "${optionName}" is given twice`);
    options.push({ name: optionName, value });
  }
  return { ...prefix, kind: 'command', name: name.toLowerCase(), path, options };
}
