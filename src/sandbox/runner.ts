import type { Reply, Settlement } from './collect.js';
import { PERMISSION_NAMES, permissionNamed } from './permissions.js';
import { listComponents } from './components.js';
import type { LocalDiscord } from './driver.js';
import type { OptionInput } from './interactions/options.js';
import { helpText } from './guide.js';
import { asString, type JsonObject } from './json.js';
import type { CommandInstruction, Instruction, PermissionInstruction, ScriptError } from './script.js';
import { OptionType, type CommandOptionDefinition } from './state/commands.js';
import type { SandboxUser, StoredMessage } from './state/model.js';

/** How the runner restarts the bot for a `restart` line (the local Discord and DATA_DIR stay). */
export interface BotLifecycle {
  restart(): Promise<void>;
}

/** One reply as printed by `--json`: what the bot sent, without sandbox ids. */
export interface ScriptReply {
  readonly kind: Reply['kind'];
  readonly ephemeral: boolean;
  readonly body: unknown;
}

/** The outcome of one line: the bot's replies, Discord's refusal, or why the line could not run. */
export type ScriptResult =
  | {
      readonly input: string;
      readonly replies: readonly ScriptReply[];
      readonly rejected?: readonly string[];
      readonly timedOut?: true;
      /** How the bot said it settled the event, when it reports ('ignored' with its reason …). */
      readonly settlement?: Settlement;
    }
  | { readonly input: string; readonly denied: string }
  | { readonly input: string; readonly error: string }
  | { readonly input: string; readonly help: string }
  /** What a line changed in the local Discord (no event for the bot to answer). */
  | { readonly input: string; readonly note: string };

interface PostedMessage {
  readonly channelId: string;
  readonly messageId: string;
}

/**
 * Runs script instructions one after another against a local Discord, remembering the bot's
 * messages (for `click`) and who spoke last (who clicks).
 */
export class ScriptRunner {
  #posted: PostedMessage[] = [];
  #lastUser: SandboxUser | null = null;

  constructor(
    private readonly discord: LocalDiscord,
    private readonly bot: BotLifecycle,
  ) {}

  async run(line: Instruction | ScriptError): Promise<ScriptResult> {
    if ('error' in line) return { input: line.source, error: line.error };
    try {
      switch (line.kind) {
        case 'restart':
          await this.bot.restart();
          return { input: line.source, replies: [] };
        case 'help':
          return { input: line.source, help: helpText(this.discord.slashCommands()) };
        case 'say': {
          const user = this.#person(line.as);
          const content = line.text.replace(/@bot\b/g, `<@${this.discord.applicationId}>`);
          const channelId = line.dm ? undefined : this.#channelId(line.channel);
          const exchange = await this.discord.say({ user, content, ...(line.dm ? { dm: true } : { channelId }) });
          return this.#result(line.source, exchange);
        }
        case 'click':
          return await this.#click(line.source, line.as, line.label, line.locale);
        case 'permission':
          return this.#permission(line);
        case 'command':
          return await this.#command(line);
      }
    } catch (error) {
      return { input: line.source, error: error instanceof Error ? error.message : String(error) };
    }
  }

  async #command(line: CommandInstruction): Promise<ScriptResult> {
    const { world } = this.discord;
    const user = this.#person(line.as);
    const channelId = line.dm ? undefined : this.#channelId(line.channel);
    const definition = this.discord.findCommand(line.name, { guildId: line.dm ? null : world.defaultGuild.id });
    let levelDefinitions = definition?.options ?? [];
    const path: string[] = [];
    for (const word of line.path) {
      const sub = levelDefinitions.find(
        (option) =>
          option.name === word && (option.type === OptionType.Subcommand || option.type === OptionType.SubcommandGroup),
      );
      if (definition && !sub) {
        const known = levelDefinitions
          .filter((option) => option.type <= OptionType.SubcommandGroup)
          .map((option) => option.name);
        return {
          input: line.source,
          error: `/${line.name}: no subcommand "${word}"${known.length ? `; known: ${known.join(', ')}` : ''}`,
        };
      }
      levelDefinitions = sub?.options ?? [];
      path.push(word);
    }
    let options: OptionInput[] = line.options.map((option) => ({
      name: option.name,
      value: this.#typed(
        option.value,
        levelDefinitions.find((candidate) => candidate.name === option.name),
      ),
    }));
    for (const word of [...path].reverse()) options = [{ name: word, options }];
    const exchange = await this.discord.command({
      user,
      name: line.name,
      options,
      ...(line.dm ? { dm: true } : { channelId }),
      ...(line.locale ? { locale: line.locale } : {}),
    });
    if (exchange.denied) return { input: line.source, denied: exchange.denied };
    return this.#result(line.source, exchange);
  }

  async #click(source: string, as: string | null, label: string, locale: string | null): Promise<ScriptResult> {
    const wanted = label.toLowerCase();
    for (const posted of [...this.#posted].reverse()) {
      const message = this.discord.world.message(posted.channelId, posted.messageId);
      if (!message) continue;
      const button = listComponents(
        message.components,
        (component) => component['type'] === 2 && (asString(component['label']) ?? '').trim().toLowerCase() === wanted,
      )[0];
      if (!button) continue;
      const customId = asString(button['custom_id']);
      if (!customId) return { input: source, error: `the button [${label}] is a link, not something the bot answers` };
      const user = as !== null ? this.#person(as) : (this.#lastUser ?? this.#person(null));
      const exchange = await this.discord.pressButton({ user, message, customId, ...(locale ? { locale } : {}) });
      if (exchange.denied) return { input: source, denied: exchange.denied };
      return this.#result(source, exchange);
    }
    const labels = this.#latestButtons().map((component) => `[${asString(component['label']) ?? '?'}]`);
    return {
      input: source,
      error: `no button [${label}] on the bot's recent messages${labels.length ? `; the latest buttons are ${labels.join(' ')}` : ''}`,
    };
  }

  #result(
    input: string,
    {
      replies,
      rejected,
      timedOut,
      settlement,
    }: {
      readonly replies: readonly Reply[];
      readonly rejected: readonly { status: number; code: number; message: string; route: string }[];
      readonly timedOut: boolean;
      readonly settlement: Settlement | null;
    },
  ): ScriptResult {
    for (const reply of replies) {
      if (reply.messageId && reply.channelId)
        this.#posted.push({ channelId: reply.channelId, messageId: reply.messageId });
    }
    this.#posted = this.#posted.slice(-50);
    const result: {
      input: string;
      replies: ScriptReply[];
      rejected?: string[];
      timedOut?: true;
      settlement?: Settlement;
    } = {
      input,
      replies: replies.map((reply) => ({ kind: reply.kind, ephemeral: reply.ephemeral, body: reply.body })),
    };
    if (rejected.length > 0)
      result.rejected = rejected.map(
        (rejection) => `${rejection.route}: ${rejection.status} ${rejection.code} ${rejection.message}`,
      );
    if (timedOut) result.timedOut = true;
    if (settlement) result.settlement = settlement;
    return result;
  }

  /** The labels `click` can press now: the buttons of the bot's latest message that has some. */
  latestButtonLabels(): string[] {
    return this.#latestButtons().flatMap((component) => {
      const label = asString(component['label']);
      return label && asString(component['custom_id']) ? [label] : [];
    });
  }

  /** The buttons of the bot's most recent message that still has some. */
  #latestButtons(): JsonObject[] {
    for (const posted of [...this.#posted].reverse()) {
      const message: StoredMessage | undefined = this.discord.world.message(posted.channelId, posted.messageId);
      const buttons = message ? listComponents(message.components, (component) => component['type'] === 2) : [];
      if (buttons.length > 0) return buttons;
    }
    return [];
  }

  /** Changes the bot's role's overwrite in a channel of the default server, as a moderator would. */
  #permission(line: PermissionInstruction): ScriptResult {
    const { world } = this.discord;
    const named = permissionNamed(line.permission);
    if (!named)
      return { input: line.source, error: `no permission "${line.permission}"; known: ${PERMISSION_NAMES.join(', ')}` };
    const channel = world.channel(world.defaultGuild.id, line.channel);
    const role = world.botRole(world.defaultGuild.id);
    const current = channel.overwrites.find((o) => o.type === 0 && o.id === role.id);
    const deny = line.change === 'deny' ? (current?.deny ?? 0n) | named.bit : (current?.deny ?? 0n) & ~named.bit;
    const allow = (current?.allow ?? 0n) & ~named.bit;
    world.setOverwrite(channel.id, { id: role.id, type: 0 }, deny === 0n && allow === 0n ? null : { allow, deny });
    const verb = line.change === 'deny' ? 'may no longer' : 'may again';
    return { input: line.source, note: `(the bot's role ${verb} ${named.name} in #${channel.name ?? line.channel})` };
  }

  /** "mod" is a member with Manage Server; any other name is a distinct ordinary member. */
  #person(name: string | null, speaking = true): SandboxUser {
    const user =
      name === 'mod'
        ? this.discord.world.member('mod', { manageGuild: true })
        : this.discord.world.member(name ?? 'member');
    if (speaking) this.#lastUser = user;
    return user;
  }

  #channelId(name: string | null): string {
    const { world } = this.discord;
    return name === null ? world.general.id : world.channel(world.defaultGuild.id, name).id;
  }

  /** Channel, user and role values become ids; numbers and booleans are checked by the driver. */
  #typed(value: string, definition: CommandOptionDefinition | undefined): string {
    const { world } = this.discord;
    switch (definition?.type) {
      case OptionType.Channel:
        return /^\d{17,20}$/.test(value) ? value : world.channel(world.defaultGuild.id, value).id;
      case OptionType.User:
      case OptionType.Mentionable: {
        const name = value.replace(/^@/, '');
        if (name === 'bot') return world.bot.id;
        return /^\d{17,20}$/.test(name) ? name : this.#person(name, false).id;
      }
      case OptionType.Role: {
        const name = value.replace(/^@/, '');
        for (const role of world.defaultGuild.roles.values())
          if (role.name === name || role.id === name) return role.id;
        throw new Error(`no role "${name}" in the server`);
      }
      default:
        return value;
    }
  }
}

/** Runs every instruction in order and returns one result per instruction. */
export async function runScript(
  discord: LocalDiscord,
  bot: BotLifecycle,
  instructions: readonly (Instruction | ScriptError)[],
): Promise<ScriptResult[]> {
  const runner = new ScriptRunner(discord, bot);
  const results: ScriptResult[] = [];
  for (const instruction of instructions) results.push(await runner.run(instruction));
  return results;
}
