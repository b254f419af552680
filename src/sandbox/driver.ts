import { ReplyCollector, type CollectorTiming } from './collect.js';
import type { SandboxConfig, SandboxCore } from './core.js';
import type { FaultRule } from './faults.js';
import { InteractionContext, commandLabel, refusal, type Invocation } from './interactions/access.js';
import type { InteractionSite } from './interactions/build.js';
import {
  deniedExchange,
  runInteraction,
  runTimedInteraction,
  type Exchange,
  type InteractionSpec,
  type TimedExchange,
} from './interactions/dispatch.js';
import { buildOptions } from './interactions/options.js';
import { InteractionsEndpoint, type EndpointCheck } from './interactions/endpoint.js';
import { InteractionTracker, InteractionType } from './interactions/tracker.js';
import { asArray, asNumber, asObject, isObject } from './json.js';
import { dispatchMessage } from './rest/messages.js';
import { listen, type ListeningSandbox } from './server.js';
import { SnowflakeGenerator } from './snowflake.js';
import type { SandboxStatsSnapshot } from './stats.js';
import { CommandType, type CommandDefinition } from './state/commands.js';
import { ChannelType, type SandboxChannel, type SandboxUser } from './state/model.js';
import type {
  AutocompleteChoice,
  ButtonInput,
  CommandInput,
  ExchangeTiming,
  LocalDiscordOptions,
  MessageCommandInput,
  MessageExchange,
  SayInput,
  UserRef,
} from './driver-types.js';
import { messageJson } from './state/payloads.js';
import type { World } from './state/world.js';
import { findComponent } from './components.js';
import { requireLocale } from './locales.js';
import type { SettledReport } from './settlements.js';
import { TrafficRecorder } from './traffic.js';

export type * from './driver-types.js';

/**
 * A local Discord for the real discord.js client: REST under `restApi`, a gateway announced by
 * /gateway/bot, a world of people and channels, and a driver that acts as those people.
 */
export class LocalDiscord {
  readonly restApi: string;
  readonly botToken: string;
  readonly applicationId: string;
  readonly world: World;
  readonly #core: SandboxCore;
  readonly #server: ListeningSandbox;

  private constructor(server: ListeningSandbox) {
    this.#server = server;
    this.#core = server.core;
    this.world = server.core.world;
    this.botToken = server.core.config.botToken;
    this.applicationId = server.core.config.applicationId;
    this.restApi = `http://127.0.0.1:${server.port}/api`;
  }

  static async start(options: LocalDiscordOptions = {}): Promise<LocalDiscord> {
    const ids = new SnowflakeGenerator(options.clock);
    const applicationId = options.applicationId ?? ids.next();
    if (!/^\d{17,19}$/.test(applicationId)) throw new Error('applicationId must be a 17–19 digit snowflake');
    const config: SandboxConfig = {
      applicationId,
      botToken:
        options.botToken ?? `${Buffer.from(applicationId).toString('base64url')}.sandbox.local-discord-bot-token`,
      shards: Math.max(1, options.shards ?? 1),
      quietMs: options.quietMs ?? 60,
      messageQuietMs: options.messageQuietMs ?? 150,
      timeoutMs: options.timeoutMs ?? 5000,
      interactionDeadlineMs: options.interactionDeadlineMs ?? 3000,
      webhookLifetimeMs: options.webhookLifetimeMs ?? 15 * 60_000,
      heartbeatIntervalMs: options.heartbeatIntervalMs ?? 41_250,
      restRoundTripMs: Math.max(0, options.restRoundTripMs ?? 0),
    };
    const server = await listen(config, ids, {
      botName: options.botName ?? 'policy-bot',
      port: options.port ?? 0,
      traffic: TrafficRecorder.create(options.record),
      rateLimits: options.rateLimits ?? {},
      settlement: options.settlement ?? 'quiet',
    });
    return new LocalDiscord(server);
  }

  get gatewayUrl(): string {
    return this.#core.gateway.url;
  }

  /** The application's Ed25519 public key (hex), as the Developer Portal shows it: the bot's `DISCORD_PUBLIC_KEY`. */
  get publicKey(): string {
    return this.#core.http.keys.publicKeyHex;
  }

  /**
   * Saves the application's interactions endpoint URL, checked first as Discord checks it (a
   * signed PING must get 200 `{"type":1}`, a badly signed one 401). From then on every
   * interaction is POSTed there, signed, instead of sent on the gateway; its answer comes in
   * the HTTP response (or a REST callback), within the 3 s. `null` goes back to the gateway.
   * A refused URL changes nothing, and the check says why.
   */
  async setInteractionsEndpoint(url: string | null): Promise<EndpointCheck> {
    const { http, config, world, traffic } = this.#core;
    if (url === null) {
      http.endpoint = null;
      return { ok: true };
    }
    const id = world.nextId();
    const ping = {
      id,
      application_id: config.applicationId,
      type: InteractionType.Ping,
      token: InteractionTracker.tokenFor(id),
      version: 1,
    };
    const { check, endpoint } = await InteractionsEndpoint.check(
      url,
      http.keys,
      ping,
      config.interactionDeadlineMs,
      traffic,
    );
    if (endpoint) http.endpoint = endpoint;
    return check;
  }

  /** "METHOD /route/:id" of every REST route this local Discord serves. */
  get routes(): readonly string[] {
    return this.#server.routes;
  }

  get stats(): SandboxStatsSnapshot {
    return this.#core.stats.snapshot();
  }

  /** Resolves once `shardCount` shards (default: the recommended count) are identified and sent their guilds. */
  whenReady(shardCount = this.#core.config.shards): Promise<void> {
    return this.#core.gateway.whenReady(shardCount);
  }

  /** True once the bot has registered at least one command (false after `timeoutMs`). */
  whenCommandsRegistered(timeoutMs = 5000): Promise<boolean> {
    const { commands } = this.#core;
    if (commands.size > 0) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = setTimeout(() => (stop(), resolve(false)), timeoutMs);
      const stop = commands.onChange(() => {
        if (commands.size === 0) return;
        clearTimeout(timer);
        stop();
        resolve(true);
      });
    });
  }

  /** The registered command a person would pick here (guild commands first). */
  findCommand(name: string, options: { guildId?: string | null; type?: number } = {}): CommandDefinition | undefined {
    return this.#core.commands.find(name, options.type ?? CommandType.ChatInput, options.guildId ?? null);
  }

  /** The slash commands a person sees in the picker of a server (its own first), or of a DM (`guildId: null`). */
  slashCommands(guildId: string | null = this.world.defaultGuild.id): CommandDefinition[] {
    const { commands } = this.#core;
    const seen = new Map<string, CommandDefinition>();
    for (const command of [...(guildId ? commands.list(guildId) : []), ...commands.list(null)])
      if (command.type === CommandType.ChatInput && !seen.has(command.name)) seen.set(command.name, command);
    return [...seen.values()].sort((a, b) => a.name.localeCompare(b.name));
  }

  /** A slash command, refused like Discord would (unknown, wrong context, missing permission). */
  async command(input: CommandInput): Promise<Exchange> {
    return this.#chatInput(input, InteractionType.ApplicationCommand, false);
  }

  /**
   * `command`, plus when its callback arrived: from INTERACTION_CREATE written to the bot's
   * socket to the callback's body read, timed in this process. For benchmarks; pass a small
   * `quietMs` so the exchange ends soon after the callback.
   */
  async timedCommand(input: CommandInput): Promise<TimedExchange> {
    const prepared = this.#prepareChatInput(input, InteractionType.ApplicationCommand, false);
    if ('denied' in prepared) return { ...deniedExchange(prepared.denied), timing: null };
    return runTimedInteraction(this.#core, prepared.site, prepared.spec, this.#timing(input, 'interaction'));
  }

  /** The choices the bot offers for the option marked `focused` (throws if it gives none). */
  async autocomplete(input: CommandInput): Promise<AutocompleteChoice[]> {
    const exchange = await this.#chatInput(input, InteractionType.Autocomplete, true);
    if (exchange.denied) throw new Error(`autocomplete refused: ${exchange.denied}`);
    const answer = exchange.replies.find(
      (reply) => reply.kind === 'callback' && asNumber(asObject(reply.body)['type']) === 8,
    );
    if (!answer)
      throw new Error(
        `the bot gave no autocomplete answer${exchange.rejected[0] ? `: ${exchange.rejected[0].message}` : ''}`,
      );
    return asArray(asObject(asObject(answer.body)['data'])['choices'])
      .filter(isObject)
      .map((choice) => ({
        name: String(choice['name']),
        value: typeof choice['value'] === 'number' ? choice['value'] : String(choice['value']),
      }));
  }

  /** Clicks the button `customId` on a stored message (a component interaction, type 3). */
  async pressButton(input: ButtonInput): Promise<Exchange> {
    const user = this.#user(input.user);
    const message = this.world.message(input.message.channelId, input.message.id);
    if (!message) return deniedExchange('the message no longer exists');
    const button = findComponent(
      message.components,
      (component) => component['custom_id'] === input.customId && component['type'] === 2,
    );
    if (message.visibleTo !== null && message.visibleTo !== user.id) {
      const owner = this.world.user(message.visibleTo)?.username ?? message.visibleTo;
      return deniedExchange(
        `message ${message.id} is ephemeral: only ${owner} can see it, so only ${owner} can press its buttons`,
      );
    }
    // Discord only sends a press for a custom_id the message carries: a forged one never reaches the bot.
    if (!button) return deniedExchange(`no button with custom_id "${input.customId}" on message ${message.id}`);
    if (button['disabled'] === true) return deniedExchange(`the button "${input.customId}" is disabled`);
    const channel = this.#channel(message.channelId);
    const site = this.#site(user, channel, false);
    return runInteraction(
      this.#core,
      site,
      {
        type: InteractionType.MessageComponent,
        data: { custom_id: input.customId, component_type: 2 },
        message: messageJson(this.world, message),
        componentMessageId: message.id,
        responseMessageType: 0,
        metadata: { interacted_message_id: message.id },
        ...localeOf(input),
      },
      this.#timing(input, 'interaction'),
    );
  }

  /** A message context-menu command ("Apps → name") on `targetMessage`. */
  async messageCommand(input: MessageCommandInput): Promise<Exchange> {
    const user = this.#user(input.user);
    const target = this.world.message(input.targetMessage.channelId, input.targetMessage.id);
    if (!target) return deniedExchange('the target message no longer exists');
    const site = this.#site(user, this.#channel(target.channelId), input.userInstall ?? false);
    const command = this.#core.commands.find(input.name, CommandType.Message, site.guildId);
    const denied = refusal(this.world, command, site, commandLabel(input.name, CommandType.Message));
    if (denied || !command) return deniedExchange(denied ?? 'unknown command');
    const data = {
      id: command.id,
      name: command.name,
      type: CommandType.Message,
      target_id: target.id,
      resolved: { messages: { [target.id]: messageJson(this.world, target) } },
      ...(command.guildId ? { guild_id: command.guildId } : {}),
    };
    return runInteraction(
      this.#core,
      site,
      {
        type: InteractionType.ApplicationCommand,
        data,
        responseMessageType: 23,
        metadata: { name: command.name, command_type: CommandType.Message, target_message_id: target.id },
        ...localeOf(input),
      },
      this.#timing(input, 'interaction'),
    );
  }

  /** A person posts a message; the exchange holds the bot's messages in that channel. */
  async say(input: SayInput): Promise<MessageExchange> {
    const user = this.#user(input.user);
    const channel = input.dm ? this.world.dmChannel(user) : this.#channel(input.channelId ?? this.world.general.id);
    const mentions = [...input.content.matchAll(/<@!?(\d{17,20})>/g)].flatMap((match) => {
      const mentioned = this.world.user(match[1] ?? '');
      return mentioned ? [mentioned] : [];
    });
    if (input.mentionsBot && !mentions.some((mentioned) => mentioned.id === this.world.bot.id))
      mentions.push(this.world.bot);
    const reference = input.replyTo
      ? { message_id: input.replyTo, channel_id: channel.id, ...(channel.guildId ? { guild_id: channel.guildId } : {}) }
      : null;
    const message = this.world.addMessage({
      channelId: channel.id,
      author: user,
      content: input.content,
      embeds: [],
      components: [],
      flags: 0,
      type: reference ? 19 : 0,
      messageReference: reference,
      mentions: [...new Set(mentions)],
      attachments: [],
      webhookId: null,
      interactionMetadata: null,
      visibleTo: null,
    });
    const collector = new ReplyCollector(
      'message',
      this.#timing(input, 'message'),
      () => this.#core.rateLimits?.pausedFor([`channel:${channel.id}`]) ?? 0,
    );
    this.#core.watchers.watch(channel.id, collector, message.id);
    this.#core.settlements.open(message.id, collector);
    this.#core.stats.userMessages++;
    const reached = dispatchMessage(this.#core, 'MESSAGE_CREATE', message, () => collector.delivered());
    if (reached === 0) collector.finish();
    await collector.done;
    return {
      messageId: message.id,
      delivered: reached > 0,
      replies: [...collector.replies],
      rejected: [...collector.rejected],
      timedOut: collector.timedOut,
      settlement: collector.settlement,
    };
  }

  /**
   * The bot reports that it settled an interaction or a message (`onSettled` of its start
   * options): its exchange ends once the bot's requests for it have completed. False when no
   * open exchange has that id, or the report is not `{ id, outcome, reason? }`.
   */
  settle(report: SettledReport): boolean {
    return this.#core.settlements.settle(report);
  }

  // Faults ---------------------------------------------------------------------------------

  /** The server closes the gateway socket(s) with `code`; with 4000 the client RESUMEs. */
  closeGateway(code = 4000, shard?: number): void {
    this.#core.gateway.closeGateway(code, shard);
  }

  /** Destroys the TCP socket(s) without a close frame. */
  dropConnection(shard?: number): void {
    this.#core.gateway.dropConnection(shard);
  }

  /** Op 7: the client closes and RESUMEs. */
  sendReconnect(shard?: number): void {
    this.#core.gateway.sendReconnect(shard);
  }

  /** Op 9: not resumable → the client IDENTIFYs again (discord.js waits ~5 s between identifies of a shard). */
  invalidateSession(resumable = false, shard?: number): void {
    this.#core.gateway.invalidateSession(resumable, shard);
  }

  /** Makes the next matching REST request(s) fail, e.g. a 429 with Retry-After on the callback. */
  failNext(rule: FaultRule): void {
    this.#core.faults.add(rule);
  }

  /** Forgets interactions whose webhook token has expired (done every minute anyway); keeps long benchmarks small. */
  forgetExpiredInteractions(): void {
    this.#core.interactions.sweep();
  }

  async stop(): Promise<void> {
    await this.#server.close();
  }

  // Internals --------------------------------------------------------------------------------

  async #chatInput(input: CommandInput, type: number, partial: boolean): Promise<Exchange> {
    const prepared = this.#prepareChatInput(input, type, partial);
    if ('denied' in prepared) return deniedExchange(prepared.denied);
    return runInteraction(this.#core, prepared.site, prepared.spec, this.#timing(input, 'interaction'));
  }

  /** Discord's refusal, or where the chat-input interaction happens and what it carries. */
  #prepareChatInput(
    input: CommandInput,
    type: number,
    partial: boolean,
  ): { denied: string } | { site: InteractionSite; spec: InteractionSpec } {
    const user = this.#user(input.user);
    const channel = input.dm
      ? input.userInstall
        ? this.world.privateChannel(user)
        : this.world.dmChannel(user)
      : this.#channel(input.channelId ?? this.world.guild(input.guildId ?? '')?.channelIds[0] ?? this.world.general.id);
    const site = this.#site(user, channel, input.userInstall ?? false);
    const command = this.#core.commands.find(input.name, CommandType.ChatInput, site.guildId);
    const denied = refusal(this.world, command, site, commandLabel(input.name, CommandType.ChatInput));
    if (denied || !command) return { denied: denied ?? 'unknown command' };
    const built = buildOptions(this.world, command.options, input.options ?? [], {
      guildId: site.guildId,
      userId: site.user.id,
      partial,
    });
    if ('error' in built) return { denied: `${commandLabel(input.name, CommandType.ChatInput)}: ${built.error}` };
    const data: Record<string, unknown> = { id: command.id, name: command.name, type: CommandType.ChatInput };
    if (built.options.length > 0) data['options'] = built.options;
    if (built.resolved) data['resolved'] = built.resolved;
    if (command.guildId) data['guild_id'] = command.guildId;
    return {
      site,
      spec: {
        type,
        data,
        responseMessageType: 20,
        metadata: { name: command.name, command_type: CommandType.ChatInput },
        ...localeOf(input),
      },
    };
  }

  #site(user: SandboxUser, channel: SandboxChannel, userInstall: boolean): Invocation & { channel: SandboxChannel } {
    if (channel.guildId)
      return { guildId: channel.guildId, channel, user, context: InteractionContext.Guild, userInstall };
    const botDm = channel.type === ChannelType.DM && this.world.dmChannel(user).id === channel.id;
    return {
      guildId: null,
      channel,
      user,
      context: botDm ? InteractionContext.BotDM : InteractionContext.PrivateChannel,
      userInstall,
    };
  }

  #user(ref: UserRef): SandboxUser {
    const user = typeof ref === 'string' ? this.world.user(ref) : ref;
    if (!user) throw new Error(`no user ${typeof ref === 'string' ? ref : ref.id}`);
    return user;
  }

  #channel(id: string): SandboxChannel {
    const channel = this.world.getChannel(id);
    if (!channel) throw new Error(`no channel ${id}`);
    return channel;
  }

  #timing(input: ExchangeTiming, mode: 'interaction' | 'message'): CollectorTiming {
    const { config } = this.#core;
    return {
      quietMs: input.quietMs ?? (mode === 'message' ? config.messageQuietMs : config.quietMs),
      timeoutMs: input.timeoutMs ?? config.timeoutMs,
      awaitReport: this.#core.settlements.awaitReport,
    };
  }
}

/** An input's locale in Discord's spelling (an unknown one is the test's mistake: it throws). */
function localeOf(input: { readonly locale?: string }): { locale?: string } {
  return input.locale === undefined ? {} : { locale: requireLocale(input.locale) };
}
