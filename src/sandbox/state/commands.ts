import { asArray, asNumber, asString, asText, isObject, type JsonObject } from '../json.js';

/** Application command types. */
export const CommandType = { ChatInput: 1, User: 2, Message: 3, PrimaryEntryPoint: 4 } as const;

/** Application command option types. */
export const OptionType = {
  Subcommand: 1,
  SubcommandGroup: 2,
  String: 3,
  Integer: 4,
  Boolean: 5,
  User: 6,
  Channel: 7,
  Role: 8,
  Mentionable: 9,
  Number: 10,
  Attachment: 11,
} as const;

export interface CommandChoice {
  readonly name: string;
  readonly value: string | number;
}

export interface CommandOptionDefinition {
  readonly type: number;
  readonly name: string;
  readonly description: string;
  readonly required: boolean;
  readonly autocomplete: boolean;
  readonly choices: readonly CommandChoice[];
  readonly options: readonly CommandOptionDefinition[];
}

/** A registered command as Discord returns it; `raw` keeps every field the bot sent. */
export interface CommandDefinition {
  readonly id: string;
  readonly applicationId: string;
  readonly guildId: string | null;
  readonly name: string;
  readonly type: number;
  readonly description: string;
  readonly options: readonly CommandOptionDefinition[];
  readonly defaultMemberPermissions: string | null;
  readonly dmPermission: boolean;
  /** null: every context (guild, bot DM, private channel). */
  readonly contexts: readonly number[] | null;
  readonly integrationTypes: readonly number[];
  readonly version: string;
  readonly raw: JsonObject;
}

/** The command as JSON in REST answers. */
export function commandJson(command: CommandDefinition): JsonObject {
  const json: JsonObject = {
    ...command.raw,
    id: command.id,
    application_id: command.applicationId,
    name: command.name,
    type: command.type,
    description: command.description,
    default_member_permissions: command.defaultMemberPermissions,
    dm_permission: command.dmPermission,
    contexts: command.contexts,
    integration_types: command.integrationTypes,
    nsfw: command.raw['nsfw'] === true,
    version: command.version,
  };
  if (command.guildId) json['guild_id'] = command.guildId;
  return json;
}

export function parseOptionDefinitions(value: unknown): CommandOptionDefinition[] {
  return asArray(value)
    .filter(isObject)
    .map((option) => ({
      type: asNumber(option['type']) ?? 0,
      name: asString(option['name']) ?? '',
      description: asString(option['description']) ?? '',
      required: option['required'] === true,
      autocomplete: option['autocomplete'] === true,
      choices: asArray(option['choices'])
        .filter(isObject)
        .map((choice) => ({
          name: asString(choice['name']) ?? '',
          value: typeof choice['value'] === 'number' ? choice['value'] : asText(choice['value'] ?? ''),
        })),
      options: parseOptionDefinitions(option['options']),
    }));
}

type Scope = string | null;

/**
 * The bot's registered commands, learnt from its deploy requests. The sandbox refuses what
 * Discord's client would not offer: unknown names, wrong contexts, missing permissions.
 */
export class CommandRegistry {
  readonly #scopes = new Map<string, Map<string, CommandDefinition>>();
  readonly #listeners = new Set<() => void>();

  constructor(private readonly nextId: () => string) {}

  /** The PUT (bulk overwrite) semantics: ids survive for commands that keep their name and type. */
  replace(applicationId: string, guildId: Scope, raws: readonly JsonObject[]): CommandDefinition[] {
    const previous = this.#scope(guildId);
    const next = new Map<string, CommandDefinition>();
    for (const raw of raws) {
      const command = this.#define(applicationId, guildId, raw, previous.get(keyOf(raw))?.id);
      next.set(keyOf(raw), command);
    }
    this.#scopes.set(guildId ?? 'global', next);
    this.#changed();
    return [...next.values()];
  }

  /** POST semantics: create, or overwrite the command with the same name and type. */
  upsert(applicationId: string, guildId: Scope, raw: JsonObject): { command: CommandDefinition; created: boolean } {
    const scope = this.#scope(guildId);
    const existing = scope.get(keyOf(raw));
    const command = this.#define(applicationId, guildId, raw, existing?.id);
    scope.set(keyOf(raw), command);
    this.#changed();
    return { command, created: !existing };
  }

  edit(guildId: Scope, id: string, patch: JsonObject): CommandDefinition | undefined {
    const scope = this.#scope(guildId);
    for (const [key, command] of scope) {
      if (command.id !== id) continue;
      const updated = this.#define(command.applicationId, guildId, { ...command.raw, ...patch }, id);
      scope.delete(key);
      scope.set(keyOf(updated.raw), updated);
      this.#changed();
      return updated;
    }
    return undefined;
  }

  remove(guildId: Scope, id: string): boolean {
    const scope = this.#scope(guildId);
    for (const [key, command] of scope) {
      if (command.id === id) {
        scope.delete(key);
        this.#changed();
        return true;
      }
    }
    return false;
  }

  list(guildId: Scope): CommandDefinition[] {
    return [...this.#scope(guildId).values()];
  }

  get(guildId: Scope, id: string): CommandDefinition | undefined {
    return this.list(guildId).find((command) => command.id === id);
  }

  /** What a person sees in the command picker: guild commands first, then global ones. */
  find(name: string, type: number, guildId: Scope): CommandDefinition | undefined {
    const key = `${type}:${name}`;
    return (guildId ? this.#scopes.get(guildId)?.get(key) : undefined) ?? this.#scopes.get('global')?.get(key);
  }

  get size(): number {
    let total = 0;
    for (const scope of this.#scopes.values()) total += scope.size;
    return total;
  }

  onChange(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  #scope(guildId: Scope): Map<string, CommandDefinition> {
    const key = guildId ?? 'global';
    let scope = this.#scopes.get(key);
    if (!scope) {
      scope = new Map();
      this.#scopes.set(key, scope);
    }
    return scope;
  }

  #define(applicationId: string, guildId: Scope, raw: JsonObject, id: string | undefined): CommandDefinition {
    const contexts = Array.isArray(raw['contexts'])
      ? raw['contexts'].filter((c): c is number => typeof c === 'number')
      : null;
    const integrationTypes = Array.isArray(raw['integration_types'])
      ? raw['integration_types'].filter((t): t is number => typeof t === 'number')
      : [0];
    const permissions = raw['default_member_permissions'];
    return {
      id: id ?? this.nextId(),
      applicationId,
      guildId,
      name: asString(raw['name']) ?? '',
      type: asNumber(raw['type']) ?? CommandType.ChatInput,
      description: asString(raw['description']) ?? '',
      options: parseOptionDefinitions(raw['options']),
      defaultMemberPermissions: permissions === null || permissions === undefined ? null : asText(permissions),
      dmPermission: raw['dm_permission'] !== false,
      contexts,
      integrationTypes,
      version: this.nextId(),
      raw,
    };
  }

  #changed(): void {
    for (const listener of this.#listeners) listener();
  }
}

function keyOf(raw: JsonObject): string {
  return `${asNumber(raw['type']) ?? CommandType.ChatInput}:${asString(raw['name']) ?? ''}`;
}
