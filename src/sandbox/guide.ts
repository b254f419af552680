import { OptionType, type CommandDefinition, type CommandOptionDefinition } from './state/commands.js';

/** The script language in a few lines: `--help`, the `help` instruction and the greeting share it. */
export const GRAMMAR = `  /command [sub ...] [name:value ...]  a slash command; a value runs to the next " name:"
  say TEXT                             a message ("@bot" in TEXT mentions the bot)
  click LABEL                          press a button of the bot's last message
  in #channel deny|allow PERMISSION    the bot's role loses a permission there (Embed Links…), or gets it back
  restart                              restart the bot (the local Discord and DATA_DIR stay)
  help                                 this list, and the bot's commands
Before a /command, say or click, in any order:
  as NAME        who acts: "mod" has Manage Server, any other name is an ordinary member
  in #channel    where (default #general; not with click)
  dm             in a direct message with the bot (not with click)
  locale CODE    the person's Discord language, e.g. zh-CN (default en-US; not with say)
Blank lines and lines starting with # are skipped.`;

interface Example {
  readonly line: string;
  readonly what: string;
  /** The command it needs registered, if any. */
  readonly needs?: string;
}

/** What a newcomer to policy-bot might type first. */
const POLICY_EXAMPLES: readonly Example[] = [
  { line: '/ask question:who gets demoted?', what: 'a slash command', needs: 'ask' },
  { line: 'click Full paragraph ¶4', what: "press a button of the bot's last answer" },
  { line: 'as mod /config channels add channel:#policy', what: 'as a moderator', needs: 'config' },
  { line: 'locale zh-CN /ask question:干部考核怎么搞', what: 'as someone whose Discord is in Chinese', needs: 'ask' },
  { line: 'dm say hello', what: 'a direct message to the bot' },
];

/** Four or five lines to try: policy-bot's own, or for another bot, made from its commands. */
export function examples(commands: readonly CommandDefinition[]): Example[] {
  const names = new Set(commands.map((command) => command.name));
  if (names.has('ask')) return POLICY_EXAMPLES.filter((example) => !example.needs || names.has(example.needs));
  const made = commands.slice(0, 3).map((command) => ({ line: usage(command), what: command.description }));
  return [...made, { line: 'dm say hello', what: 'a direct message to the bot' }];
}

/** The greeting of a terminal session. */
export function greeting(botName: string, dataDir: string, commands: readonly CommandDefinition[]): string {
  const tried = examples(commands);
  const width = Math.max(...tried.map((example) => example.line.length));
  return [
    `${botName} is running against a local Discord on this machine (its data: ${dataDir}). Try:`,
    ...tried.map((example) => `  ${example.line.padEnd(width)}   ${example.what}`),
    'Type help for the whole grammar; Tab completes commands and options, ↑ brings back a line, Ctrl-D quits.',
  ].join('\n');
}

/** The `help` instruction: the grammar, then each registered command as it is typed. */
export function helpText(commands: readonly CommandDefinition[]): string {
  const listed = commands.map(
    (command) => `  ${usage(command)}${command.description ? `  — ${command.description}` : ''}`,
  );
  return [
    'One instruction a line:',
    GRAMMAR,
    '',
    commands.length > 0 ? "The bot's commands:" : 'The bot has registered no commands.',
    ...listed,
  ].join('\n');
}

/** `/name sub name:…` with the required options, `as mod` in front of a moderator's command. */
function usage(command: CommandDefinition): string {
  const words: string[] = [];
  let level: readonly CommandOptionDefinition[] = command.options;
  for (;;) {
    const sub = level.find(
      (option) => option.type === OptionType.Subcommand || option.type === OptionType.SubcommandGroup,
    );
    if (!sub) break;
    words.push(sub.name);
    level = sub.options;
  }
  const required = level.filter((option) => option.required).map((option) => `${option.name}:…`);
  return `${command.defaultMemberPermissions !== null ? 'as mod ' : ''}/${[command.name, ...words, ...required].join(' ')}`;
}
