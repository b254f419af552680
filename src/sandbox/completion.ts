import { LOCALES } from './locales.js';
import { OptionType, type CommandDefinition, type CommandOptionDefinition } from './state/commands.js';

/** What Tab can offer: the commands the bot registered, the server's channels, the latest buttons. */
export interface CompletionSource {
  readonly commands: () => readonly CommandDefinition[];
  readonly channels: () => readonly string[];
  readonly buttons: () => readonly string[];
}

const PREFIXES = ['dm', 'as', 'in', 'locale'] as const;
const VERBS = ['say ', 'click ', 'deny ', 'allow ', 'restart', 'help'];

/**
 * Node's readline completer for script lines: `[candidates, the text they replace]`. Command
 * and option names come from the registered definitions, so Tab offers what Discord would.
 */
export function completeLine(line: string, source: CompletionSource): [string[], string] {
  const words = line.split(/\s+/);
  const current = words.pop() ?? '';
  const hits = (candidates: readonly string[], typed = current): [string[], string] => [
    candidates.filter((candidate) => candidate.toLowerCase().startsWith(typed.toLowerCase())),
    typed,
  ];
  let i = 0;
  // The prefixes, each with its value: what follows them is the verb.
  for (; i < words.length; i++) {
    const word = words[i] ?? '';
    if (word === '') continue;
    if (word === 'dm') continue;
    if (word === 'as' || word === 'in' || word === 'locale') {
      if (i === words.length - 1) {
        if (word === 'locale') return hits(LOCALES);
        if (word === 'in') return hits(source.channels().map((name) => `#${name}`));
        return [[], current];
      }
      i++;
      continue;
    }
    break;
  }
  const verb = words[i];
  if (verb === undefined) {
    const commands = source.commands().map((command) => `/${command.name}`);
    const prefixes = PREFIXES.map((prefix) => `${prefix} `);
    return hits([...commands, ...VERBS, ...prefixes]);
  }
  if (verb === 'click') {
    const typed = line.slice(line.indexOf('click ') + 'click '.length);
    return hits(source.buttons(), typed);
  }
  if (!verb.startsWith('/')) return [[], current];
  const command = source.commands().find((candidate) => candidate.name === verb.slice(1));
  if (!command) return [[], current];
  return completeOptions(command.options, words.slice(i + 1), current, hits, source);
}

function completeOptions(
  definitions: readonly CommandOptionDefinition[],
  given: readonly string[],
  current: string,
  hits: (candidates: readonly string[], typed?: string) => [string[], string],
  source: CompletionSource,
): [string[], string] {
  let level = definitions;
  for (const word of given) {
    const sub = level.find(
      (option) =>
        option.name === word && (option.type === OptionType.Subcommand || option.type === OptionType.SubcommandGroup),
    );
    if (!sub) break;
    level = sub.options;
  }
  const subcommands = level.filter(
    (option) => option.type === OptionType.Subcommand || option.type === OptionType.SubcommandGroup,
  );
  if (subcommands.length > 0) return hits(subcommands.map((option) => `${option.name} `));
  const colon = current.indexOf(':');
  if (colon !== -1) {
    const option = level.find((candidate) => candidate.name === current.slice(0, colon));
    const name = current.slice(0, colon + 1);
    if (!option) return [[], current];
    if (option.choices.length > 0) return hits(option.choices.map((choice) => `${name}${String(choice.value)}`));
    if (option.type === OptionType.Boolean) return hits([`${name}true`, `${name}false`]);
    if (option.type === OptionType.Channel) return hits(source.channels().map((channel) => `${name}#${channel}`));
    return [[], current];
  }
  const used = new Set(given.map((word) => word.split(':')[0]));
  return hits(level.filter((option) => !used.has(option.name)).map((option) => `${option.name}:`));
}
