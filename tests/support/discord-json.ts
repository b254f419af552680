/**
 * Interactions and messages as Discord sends them (discord-api-types' JSON), for tests of the
 * dispatcher: every required field filled in, nothing cast.
 */
import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ChannelType,
  ComponentType,
  InteractionContextType,
  InteractionType,
  Locale,
  MessageFlags,
  MessageType,
  GuildMemberFlags,
  PermissionFlagsBits,
  type APIApplicationCommandInteractionDataBasicOption,
  type APIApplicationCommandAutocompleteInteraction,
  type APIApplicationCommandInteractionDataOption,
  type APIApplicationCommandOption,
  type APIChatInputApplicationCommandInteraction,
  type APIChatInputApplicationCommandInteractionData,
  type APIEmbed,
  type APIInteractionDataResolved,
  type APIInteractionGuildMember,
  type APIMessage,
  type APIMessageApplicationCommandInteraction,
  type APIMessageComponentButtonInteraction,
  type APIMessageTopLevelComponent,
  type APIUser,
  type GatewayMessageCreateDispatchData,
  type InteractionType as InteractionTypeOf,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
  type ThreadChannelType,
} from 'discord.js';

export const APP_ID = '900000000000000001';
export const BOT_ID = APP_ID;
export const GUILD_ID = '100000000000000001';
export const CHANNEL_ID = '200000000000000001';
export const DM_CHANNEL_ID = '300000000000000001';

let ids = 0n;
/** A fresh snowflake-shaped id. */
export function nextId(): string {
  ids += 1n;
  return (500000000000000000n + ids).toString();
}

export function user(id: string, options: { bot?: boolean } = {}): APIUser {
  return {
    id,
    username: `user-${id.slice(-4)}`,
    discriminator: '0',
    global_name: null,
    avatar: null,
    ...(options.bot ? { bot: true } : {}),
  };
}

/** Where an interaction happens and who makes it. */
export interface Site {
  readonly userId: string;
  /** A server (context 0), or the DM with the bot when absent. */
  readonly guildId?: string;
  readonly channelId?: string;
  /** A thread's parent channel. */
  readonly parentId?: string;
  /** The member's permissions in a server (default: none beyond sending messages). */
  readonly permissions?: bigint;
  /** Used through a user install (in another server, or a group DM): the server's settings do not apply. */
  readonly userInstall?: boolean;
  /** The person's Discord client language (default en-US). */
  readonly locale?: Locale;
  /** The server's language, in a server (Discord sends none elsewhere). */
  readonly guildLocale?: Locale;
}

export const MANAGE_SERVER = PermissionFlagsBits.ManageGuild | PermissionFlagsBits.SendMessages;

function member(site: Site): APIInteractionGuildMember {
  return {
    user: user(site.userId),
    roles: [],
    joined_at: '2024-01-01T00:00:00.000Z',
    deaf: false,
    mute: false,
    flags: GuildMemberFlags.CompletedOnboarding,
    permissions: (site.permissions ?? PermissionFlagsBits.SendMessages).toString(),
  };
}

type InteractionChannel = NonNullable<APIChatInputApplicationCommandInteraction['channel']>;

function channelOf(site: Site, channelId: string): InteractionChannel {
  if (site.guildId === undefined)
    return site.userInstall ? { id: channelId, type: ChannelType.GroupDM } : { id: channelId, type: ChannelType.DM };
  if (site.parentId === undefined) return { id: channelId, type: ChannelType.GuildText };
  return { id: channelId, type: ChannelType.PublicThread, parent_id: site.parentId };
}

/** The fields every interaction has, for a site. */
function base(site: Site) {
  const inGuild = site.guildId !== undefined;
  const channelId = site.channelId ?? (inGuild ? CHANNEL_ID : DM_CHANNEL_ID);
  const owners: Record<string, string> = {};
  if (!site.userInstall) owners['0'] = site.guildId ?? '0';
  else owners['1'] = site.userId;
  return {
    id: nextId(),
    application_id: APP_ID,
    token: `token-${nextId()}`,
    version: 1 as const,
    app_permissions: '2147483647',
    locale: site.locale ?? Locale.EnglishUS,
    ...(site.guildId !== undefined && site.guildLocale !== undefined ? { guild_locale: site.guildLocale } : {}),
    entitlements: [],
    authorizing_integration_owners: owners,
    attachment_size_limit: 10_485_760,
    channel_id: channelId,
    ...(inGuild
      ? {
          guild_id: site.guildId,
          member: member(site),
          context: InteractionContextType.Guild,
          channel: channelOf(site, channelId),
        }
      : {
          user: user(site.userId),
          context: site.userInstall ? InteractionContextType.PrivateChannel : InteractionContextType.BotDM,
          channel: channelOf(site, channelId),
        }),
  };
}

export type OptionInput = string | number | boolean;

/** Options as Discord nests them, from a flat record, typed by the command's definition. */
export function optionsFor(
  definitions: readonly APIApplicationCommandOption[] | undefined,
  values: Readonly<Record<string, OptionInput | undefined>>,
  focused?: string,
): APIApplicationCommandInteractionDataBasicOption<InteractionTypeOf.ApplicationCommand>[] {
  const options: APIApplicationCommandInteractionDataBasicOption<InteractionTypeOf.ApplicationCommand>[] = [];
  for (const [name, value] of Object.entries(values)) {
    if (value === undefined) continue;
    const type = definitions?.find((option) => option.name === name)?.type;
    options.push(dataOption(name, type, value, name === focused));
  }
  return options;
}

/**
 * One option with a value. Types follow the definition; an option the definition does not have
 * (or a value of another type, as a hand-made interaction may send) is sent as its value's type.
 */
export function dataOption(
  name: string,
  type: ApplicationCommandOptionType | undefined,
  value: OptionInput,
  focused = false,
): APIApplicationCommandInteractionDataBasicOption<InteractionTypeOf.ApplicationCommand> {
  const withFocus = focused ? { focused: true } : {};
  if (typeof value === 'boolean') return { name, type: ApplicationCommandOptionType.Boolean, value };
  if (typeof value === 'number') {
    return type === ApplicationCommandOptionType.Number
      ? { name, type, value, ...withFocus }
      : { name, type: ApplicationCommandOptionType.Integer, value, ...withFocus };
  }
  if (type === ApplicationCommandOptionType.Channel) return { name, type, value };
  return { name, type: ApplicationCommandOptionType.String, value, ...withFocus };
}

/** The data of a slash command, from a flat record of its options. */
export function commandData(
  definition: RESTPostAPIChatInputApplicationCommandsJSONBody,
  values: Readonly<Record<string, OptionInput | undefined>> = {},
): APIChatInputApplicationCommandInteractionData {
  return {
    id: nextId(),
    name: definition.name,
    type: ApplicationCommandType.ChatInput,
    options: optionsFor(definition.options, values),
  };
}

export function slashCommand(
  site: Site,
  data: {
    readonly name: string;
    readonly options?: APIApplicationCommandInteractionDataOption<InteractionTypeOf.ApplicationCommand>[];
    readonly resolved?: APIInteractionDataResolved;
  },
): APIChatInputApplicationCommandInteraction {
  return {
    ...base(site),
    type: InteractionType.ApplicationCommand,
    data: {
      id: nextId(),
      name: data.name,
      type: ApplicationCommandType.ChatInput,
      ...(data.options ? { options: data.options } : {}),
      ...(data.resolved ? { resolved: data.resolved } : {}),
    },
  };
}

/** Channels named in a command's options, as Discord resolves them (threads aside). */
export function resolvedChannels(
  channels: Readonly<Record<string, Exclude<ChannelType, ThreadChannelType>>>,
): APIInteractionDataResolved {
  return {
    channels: Object.fromEntries(
      Object.entries(channels).map(([id, type]) => [
        id,
        { id, type, name: `channel-${id.slice(-4)}`, permissions: '0' },
      ]),
    ),
  };
}

/** `/config channels add channel:…`: a subcommand group, a subcommand, its options. */
export function subcommand(
  path: readonly string[],
  options: APIApplicationCommandInteractionDataBasicOption<InteractionTypeOf.ApplicationCommand>[] = [],
): APIApplicationCommandInteractionDataOption<InteractionTypeOf.ApplicationCommand>[] {
  const [group, sub] = path;
  if (sub === undefined) return [{ name: group ?? '', type: ApplicationCommandOptionType.Subcommand, options }];
  return [
    {
      name: group ?? '',
      type: ApplicationCommandOptionType.SubcommandGroup,
      options: [{ name: sub, type: ApplicationCommandOptionType.Subcommand, options }],
    },
  ];
}

export function autocomplete(
  site: Site,
  definition: RESTPostAPIChatInputApplicationCommandsJSONBody,
  focused: string,
  value: string,
): APIApplicationCommandAutocompleteInteraction {
  return {
    ...base(site),
    type: InteractionType.ApplicationCommandAutocomplete,
    data: {
      id: nextId(),
      name: definition.name,
      type: ApplicationCommandType.ChatInput,
      options: [{ name: focused, type: ApplicationCommandOptionType.String, value, focused: true }],
    },
  };
}

/** A message as Discord stores it. */
export function message(fields: {
  readonly authorId: string;
  readonly content?: string;
  readonly channelId?: string;
  readonly embeds?: APIEmbed[];
  readonly components?: APIMessageTopLevelComponent[];
  readonly flags?: number;
  /** The person whose interaction the bot's message answers. */
  readonly answering?: string;
}): APIMessage {
  return {
    id: nextId(),
    channel_id: fields.channelId ?? CHANNEL_ID,
    author: user(fields.authorId, { bot: fields.authorId === BOT_ID }),
    content: fields.content ?? '',
    timestamp: '2024-01-01T00:00:00.000Z',
    edited_timestamp: null,
    tts: false,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    attachments: [],
    embeds: fields.embeds ?? [],
    pinned: false,
    type: MessageType.Default,
    ...(fields.components ? { components: fields.components } : {}),
    ...(fields.flags !== undefined ? { flags: fields.flags } : {}),
    ...(fields.answering
      ? {
          interaction_metadata: {
            id: nextId(),
            type: InteractionType.ApplicationCommand,
            user: user(fields.answering),
            authorizing_integration_owners: {},
          },
        }
      : {}),
  };
}

/** The bot's message carrying a reply's embeds and buttons, as a response to `answering`. */
export function botMessage(
  body: {
    readonly content?: string | null | undefined;
    readonly embeds?: readonly APIEmbed[] | null | undefined;
    readonly components?: readonly APIMessageTopLevelComponent[] | null | undefined;
    readonly flags?: number | null | undefined;
  },
  answering?: string,
  channelId?: string,
): APIMessage {
  return message({
    authorId: BOT_ID,
    content: body.content ?? '',
    embeds: [...(body.embeds ?? [])],
    components: [...(body.components ?? [])],
    flags: body.flags ?? 0,
    ...(answering ? { answering } : {}),
    ...(channelId ? { channelId } : {}),
  });
}

export function buttonPress(site: Site, customId: string, on: APIMessage): APIMessageComponentButtonInteraction {
  return {
    ...base(site),
    type: InteractionType.MessageComponent,
    data: { custom_id: customId, component_type: ComponentType.Button },
    message: on,
  };
}

export function messageMenu(site: Site, target: APIMessage): APIMessageApplicationCommandInteraction {
  return {
    ...base(site),
    type: InteractionType.ApplicationCommand,
    data: {
      id: nextId(),
      name: 'Find in the article',
      type: ApplicationCommandType.Message,
      target_id: target.id,
      resolved: { messages: { [target.id]: target } },
    },
  };
}

/** A MESSAGE_CREATE: a DM without `guildId`, else a message in a server's channel. */
export function messageCreate(fields: {
  readonly authorId: string;
  readonly content: string;
  readonly guildId?: string;
  readonly channelId?: string;
  readonly mentionsBot?: boolean;
  readonly bot?: boolean;
  readonly webhook?: boolean;
  readonly type?: MessageType;
}): GatewayMessageCreateDispatchData {
  const inGuild = fields.guildId !== undefined;
  return {
    ...message({
      authorId: fields.authorId,
      content: fields.content,
      channelId: fields.channelId ?? (inGuild ? CHANNEL_ID : DM_CHANNEL_ID),
    }),
    author: user(fields.authorId, { bot: fields.bot === true || fields.authorId === BOT_ID }),
    type: fields.type ?? MessageType.Default,
    mentions: fields.mentionsBot ? [user(BOT_ID, { bot: true })] : [],
    ...(inGuild ? { guild_id: fields.guildId } : {}),
    ...(fields.webhook ? { webhook_id: '600000000000000001' } : {}),
  };
}

export const EPHEMERAL = MessageFlags.Ephemeral;
