import {
  ApplicationCommandType,
  type APIApplicationCommandInteractionData,
  type APIApplicationCommandOption,
  type RESTPostAPIApplicationCommandsJSONBody,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
  type RESTPostAPIContextMenuApplicationCommandsJSONBody,
} from 'discord.js';
import type { z } from 'zod';
import type { ButtonVerb } from '../answers/buttons.js';
import type { AnswerContext } from '../answers/context.js';
import type { Language } from '../i18n/words.js';
import type { Problem, Reply } from '../replies/answer.js';
import { unreadableOption } from '../replies/problems.js';
import type { SettingsStore } from '../settings/index.js';
import type { ChannelAccess } from './channel-access.js';
import { readOptionTree, type ResolvedChannels } from './options.js';

/**
 * What a command is to the dispatcher:
 * - `answer`: an answer from the article. Counted against fair use, cached, placed by the
 *   server's settings (public or private, with Share), immediate.
 * - `info`: about the bot itself (/help): immediate, only for the asker.
 * - `admin`: changes a server's settings (/config): may wait on storage, so it is acknowledged
 *   at once and answered by an edit, only for the moderator.
 */
export type CommandKind = 'answer' | 'info' | 'admin';

export interface Choice {
  readonly name: string;
  readonly value: string;
}

/** The option being typed in, for autocomplete. */
export interface Focused {
  readonly name: string;
  readonly value: string;
}

/** What a person asked, read and checked: the answer follows from it and the article alone. */
export interface Asked {
  /** Equal keys, equal answers: the options as read, for the answer cache. */
  readonly key: string;
  /** `hide:` as given; undefined when not given. */
  readonly hide: boolean | undefined;
  answer(context: AnswerContext): Reply;
}

export interface AnswerCommand {
  readonly kind: 'answer' | 'info';
  readonly definition: RESTPostAPIApplicationCommandsJSONBody;
  /** Always answered privately, whatever the server allows: only the asker wants it. */
  readonly privately: boolean;
  /**
   * Reads the person's input from the interaction: it is untrusted, whatever Discord checked. A
   * problem with it is told in the asker's language.
   */
  read(data: APIApplicationCommandInteractionData, language: Language): Asked | Problem;
  autocomplete?(focused: Focused, context: AnswerContext): Choice[];
  readonly buttons: readonly ButtonVerb[];
}

/** Who runs an admin command, where, and with what: everything it may read or change. */
export interface SettingsInvocation {
  readonly context: AnswerContext;
  readonly settings: SettingsStore;
  /** Milliseconds since the epoch. */
  readonly now: number;
  readonly userId: string;
  /** Null in DMs and where the bot is only user-installed. */
  readonly guildId: string | null;
  /** Channels named in the options, as Discord resolved them. */
  readonly channels: ResolvedChannels;
  /** Whether the bot can answer in a channel of this server, or that it cannot tell. */
  access(channelId: string): Promise<ChannelAccess>;
}

/** An admin command's request, read and checked, to be carried out. */
export interface Order {
  run(on: SettingsInvocation): Promise<Reply>;
}

export interface AdminCommand {
  readonly kind: 'admin';
  readonly definition: RESTPostAPIChatInputApplicationCommandsJSONBody;
  read(data: APIApplicationCommandInteractionData, language: Language): Order | Problem;
  readonly buttons: readonly ButtonVerb[];
}

export type Command = AnswerCommand | AdminCommand;

/** The definition of an option, for a problem that names what it takes. */
function optionNamed(
  definitions: readonly APIApplicationCommandOption[] | undefined,
  name: PropertyKey | undefined,
): APIApplicationCommandOption | undefined {
  for (const option of definitions ?? []) {
    if (option.name === name) return option;
    const nested = 'options' in option ? optionNamed(option.options, name) : undefined;
    if (nested) return nested;
  }
  return undefined;
}

function parsed<S extends z.ZodType>(
  schema: S,
  values: unknown,
  definition: RESTPostAPIChatInputApplicationCommandsJSONBody,
  language: Language,
): { readonly options: z.output<S> } | Problem {
  const result = schema.safeParse(values);
  if (result.success) return { options: result.data };
  const option = optionNamed(definition.options, result.error.issues[0]?.path[0]);
  return { problem: unreadableOption(definition.name, option, language) };
}

/** Data of another command type than the definition's: not made by Discord for this command. */
const notThisCommand = (definition: RESTPostAPIApplicationCommandsJSONBody, language: Language): Problem => ({
  problem: unreadableOption(definition.name, undefined, language),
});

/**
 * A slash command answered from the article. Its options are parsed and checked once, by its
 * zod schema; the handler gets them typed.
 */
export function answerCommand<S extends z.ZodObject>(spec: {
  readonly kind?: 'answer' | 'info';
  readonly definition: RESTPostAPIChatInputApplicationCommandsJSONBody;
  readonly options: S;
  answer(options: z.output<S>, context: AnswerContext): Reply;
  autocomplete?(focused: Focused, context: AnswerContext): Choice[];
  readonly buttons?: readonly ButtonVerb[];
}): AnswerCommand {
  const { definition } = spec;
  return {
    kind: spec.kind ?? 'answer',
    definition,
    privately: false,
    read(data, language) {
      if (data.type !== ApplicationCommandType.ChatInput) return notThisCommand(definition, language);
      const read = parsed(spec.options, readOptionTree(data.options).values, definition, language);
      if ('problem' in read) return read;
      const { options } = read;
      const hide: unknown = 'hide' in options ? options.hide : undefined;
      return {
        key: JSON.stringify(options),
        hide: typeof hide === 'boolean' ? hide : undefined,
        answer: (context) => spec.answer(options, context),
      };
    },
    ...(spec.autocomplete ? { autocomplete: (focused, context) => spec.autocomplete!(focused, context) } : {}),
    buttons: spec.buttons ?? [],
  };
}

/** A message's own menu command ("Find in the article"): the answer reads the message it is used on. */
export function messageMenuCommand(spec: {
  readonly definition: RESTPostAPIContextMenuApplicationCommandsJSONBody;
  answer(content: string, context: AnswerContext): Reply;
}): AnswerCommand {
  const { definition } = spec;
  return {
    kind: 'answer',
    definition,
    privately: true,
    read(data, language) {
      if (data.type !== ApplicationCommandType.Message) return notThisCommand(definition, language);
      const content = data.resolved.messages[data.target_id]?.content ?? '';
      return {
        key: JSON.stringify(content),
        hide: true,
        answer: (context) => spec.answer(content, context),
      };
    },
    buttons: [],
  };
}

/** One subcommand's options, typed, with the path that chose them (`channels add`). */
export type Subcommand<S extends Record<string, z.ZodObject>> = {
  readonly [K in keyof S & string]: { readonly subcommand: K; readonly options: z.output<S[K]> };
}[keyof S & string];

/** A slash command that changes settings, with one zod schema per subcommand path. */
export function adminCommand<S extends Record<string, z.ZodObject>>(spec: {
  readonly definition: RESTPostAPIChatInputApplicationCommandsJSONBody;
  readonly subcommands: S;
  run(request: Subcommand<S>, on: SettingsInvocation): Promise<Reply>;
  readonly buttons?: readonly ButtonVerb[];
}): AdminCommand {
  const { definition } = spec;
  return {
    kind: 'admin',
    definition,
    read(data, language) {
      if (data.type !== ApplicationCommandType.ChatInput) return notThisCommand(definition, language);
      const { path, values } = readOptionTree(data.options);
      const subcommand = path.join(' ');
      const schema = Object.hasOwn(spec.subcommands, subcommand) ? spec.subcommands[subcommand] : undefined;
      if (!schema) return notThisCommand(definition, language);
      const read = parsed(schema, values, definition, language);
      if ('problem' in read) return read;
      // The schema was chosen by this very path: the pair is one of Subcommand<S>.
      const request = { subcommand, options: read.options } as Subcommand<S>;
      return { run: (on) => spec.run(request, on) };
    },
    buttons: spec.buttons ?? [],
  };
}
