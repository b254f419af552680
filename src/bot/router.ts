import {
  MessageFlags,
  type Message,
  type MessageContextMenuCommandInteraction,
  type AutocompleteInteraction,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type Interaction,
  type RepliableInteraction,
} from 'discord.js';
import type { CommandContext, Invocation } from '../../commands/command.js';
import { FIND_IN_ARTICLE, findInArticle } from '../../commands/find-in-article.js';
import { ANSWER_BUTTONS, BUTTONS, findCommand } from '../../commands/index.js';
import { isProblem, type Reply } from '../replies/answer.js';
import { decodeAction } from '../replies/custom-id.js';
import { renderAnswer, renderProblem, SHARE_ACTION, type MessagePayload } from '../replies/render.js';
import { Activity, type Kind, type Outcome } from './activity.js';
import { AnswerCache, type Rendered } from './answer-cache.js';
import { slowDown, type FairUse } from './fair-use.js';
import { errorReference, type Logger } from './logger.js';
import { Conversations } from './messages.js';
import { flattenOptions } from './options.js';
import { messageReplyOptions, replyPayload, rewritePayload } from './payload.js';
import { placeAnswer, shareRefusal } from './policy.js';
import { sharedAnswer } from './share.js';

export interface RouterDeps {
  readonly context: CommandContext;
  readonly logger: Logger;
  /** Names the source under every answer. */
  readonly footer: string;
  readonly fairUse: FairUse;
  /** The bot's own user id, once it is known. */
  readonly botId: () => string | undefined;
}

const EXPIRED = 'This answer has expired: ask again.';

/** Discord's "unknown interaction": the 3 s window passed, or the token expired. Nothing to answer. */
function isUnknownInteraction(error: unknown): boolean {
  return (
    typeof error === 'object' && error !== null && 'code' in error && (error.code === 10062 || error.code === 40060)
  );
}

/**
 * One router for every interaction: slash commands, autocomplete and buttons. A failure anywhere
 * is answered with an ephemeral "something went wrong (ref: …)" and logged under that reference;
 * the bot goes on.
 */
export class Router {
  readonly #deps: RouterDeps;
  readonly #conversations: Conversations;
  readonly #answers = new AnswerCache();
  readonly #activity: Activity;
  readonly #inFlight = new Set<Promise<void>>();
  #closed = false;

  constructor(deps: RouterDeps) {
    this.#deps = deps;
    this.#conversations = new Conversations(deps);
    this.#activity = new Activity(deps.logger);
  }

  /** Handles one interaction; never rejects. */
  handle(interaction: Interaction): Promise<void> {
    return this.#track(() => this.#route(interaction));
  }

  /** Handles one message (a DM, or a mention of the bot); never rejects. */
  handleMessage(message: Message): Promise<void> {
    // Every public answer of the bot comes back as a message: drop those before any bookkeeping.
    if (message.author.bot) return Promise.resolve();
    return this.#track(() => this.#converse(message));
  }

  #track(run: () => Promise<void>): Promise<void> {
    if (this.#closed) return Promise.resolve();
    const work = run().finally(() => this.#inFlight.delete(work));
    this.#inFlight.add(work);
    return work;
  }

  async #converse(message: Message): Promise<void> {
    const started = performance.now();
    let outcome: Outcome = 'ignored';
    try {
      const payload = this.#conversations.respond(message);
      if (payload) {
        await message.reply(messageReplyOptions(payload));
        outcome = 'answered';
      }
    } catch (error) {
      outcome = 'error';
      this.#deps.logger.error(
        { err: error, ref: errorReference(), channel: message.channelId },
        'message handler failed',
      );
    }
    if (outcome !== 'ignored') {
      const ms = performance.now() - started;
      this.#activity.record('message', outcome, ms);
      this.#deps.logger.debug(
        { kind: 'message', dm: message.guildId === null, ms: Math.round(ms * 100) / 100, outcome },
        'message',
      );
    }
  }

  /** Stops taking work and waits for the replies already under way. */
  async drain(): Promise<void> {
    this.#closed = true;
    await Promise.allSettled([...this.#inFlight]);
    this.#activity.stop();
  }

  async #route(interaction: Interaction): Promise<void> {
    const started = performance.now();
    const { logger } = this.#deps;
    const name =
      interaction.isCommand() || interaction.isAutocomplete()
        ? interaction.commandName
        : interaction.isButton()
          ? interaction.customId.split(':')[0]
          : undefined;
    const kind: Kind = interaction.isAutocomplete()
      ? 'autocomplete'
      : interaction.isButton()
        ? 'button'
        : interaction.isCommand()
          ? 'command'
          : 'other';
    let outcome: Outcome = 'answered';
    try {
      if (interaction.isAutocomplete()) await this.#autocomplete(interaction);
      else if (interaction.isChatInputCommand()) outcome = await this.#command(interaction);
      else if (interaction.isButton()) outcome = await this.#button(interaction);
      else if (interaction.isMessageContextMenuCommand()) outcome = await this.#findInArticle(interaction);
      else return;
    } catch (error) {
      outcome = 'error';
      if (isUnknownInteraction(error)) {
        logger.warn(
          { kind, name, code: (error as { code: number }).code },
          'interaction expired before it was answered',
        );
      } else {
        const ref = errorReference();
        logger.error({ err: error, ref, kind, name }, 'handler failed');
        if (interaction.isRepliable()) await this.#apologise(interaction, ref);
      }
    }
    const ms = performance.now() - started;
    this.#activity.record(kind, outcome, ms);
    logger.debug(
      { kind, name, ms: Math.round(ms * 100) / 100, outcome, guild: interaction.guildId ?? undefined },
      'interaction',
    );
  }

  async #apologise(interaction: RepliableInteraction, ref: string): Promise<void> {
    const content = `Something went wrong on my side (ref: ${ref}). Please try again in a moment.`;
    try {
      if (interaction.deferred || interaction.replied)
        await interaction.followUp({ content, flags: MessageFlags.Ephemeral, allowedMentions: { parse: [] } });
      else await interaction.reply({ content, flags: MessageFlags.Ephemeral, allowedMentions: { parse: [] } });
    } catch (error) {
      this.#deps.logger.warn({ err: error, ref }, 'could not tell the user about the failure');
    }
  }

  #render(reply: Reply, ephemeral: boolean, shareable: boolean, notice?: string): MessagePayload {
    if (isProblem(reply)) return renderProblem(reply);
    return renderAnswer(reply, { ephemeral, shareable, footer: this.#deps.footer, ...(notice ? { notice } : {}) });
  }

  #invocation(interaction: ChatInputCommandInteraction | ButtonInteraction): Invocation {
    const channels = new Map<string, { type: number }>();
    if (interaction.isChatInputCommand()) {
      for (const option of interaction.options.data.flatMap(function all(o): (typeof o)[] {
        return [o, ...(o.options ?? []).flatMap(all)];
      })) {
        if (option.channel) channels.set(option.channel.id, { type: option.channel.type });
      }
    }
    return { userId: interaction.user.id, guildId: interaction.guildId, channelId: interaction.channelId, channels };
  }

  async #command(interaction: ChatInputCommandInteraction): Promise<Outcome> {
    const command = findCommand(interaction.commandName);
    if (!command) {
      await interaction.reply(
        replyPayload(
          interaction,
          renderProblem({ problem: 'I do not know this command any more: it may have been renamed. Try `/help`.' }),
        ),
      );
      return 'expired';
    }
    const options = flattenOptions(interaction.options.data);
    if (command.answers && !(await this.#withinFairUse(interaction))) return 'limited';
    if (command.defer) {
      // Storage may wait on a lock: acknowledge now, answer by edit, all for the moderator only.
      await interaction.deferReply({ flags: MessageFlags.Ephemeral });
      const reply = await command.execute(options, this.#deps.context, this.#invocation(interaction));
      await interaction.editReply(rewritePayload(interaction, this.#render(reply, true, false)));
      return isProblem(reply) ? 'problem' : 'answered';
    }
    const hide = typeof options['hide'] === 'boolean' ? options['hide'] : undefined;
    const placement = command.answers
      ? placeAnswer(interaction, this.#deps.context.settings, hide)
      : { ephemeral: true, shareable: false };
    const render = async (): Promise<Rendered> => {
      const reply = await command.execute(options, this.#deps.context, this.#invocation(interaction));
      return {
        payload: this.#render(reply, placement.ephemeral, placement.shareable, placement.notice),
        problem: isProblem(reply),
      };
    };
    // Only answers are cached: they depend on nothing but their options and the article.
    const { payload, problem } = await (command.answers
      ? this.#answers.get(interaction.commandName, options, placement, render)
      : render());
    await interaction.reply(replyPayload(interaction, payload));
    return problem ? 'problem' : 'answered';
  }

  /** Answers a person over the limit (privately, every time: a slash command must be acknowledged). */
  async #withinFairUse(interaction: RepliableInteraction): Promise<boolean> {
    const verdict = this.#deps.fairUse.check(interaction.user.id);
    if (verdict.allowed) return true;
    await interaction.reply(replyPayload(interaction, renderProblem({ problem: slowDown(verdict.retryInSeconds) })));
    return false;
  }

  async #findInArticle(interaction: MessageContextMenuCommandInteraction): Promise<Outcome> {
    if (interaction.commandName !== FIND_IN_ARTICLE) return 'expired';
    if (!(await this.#withinFairUse(interaction))) return 'limited';
    const reply = findInArticle(interaction.targetMessage.content, this.#deps.context);
    await interaction.reply(replyPayload(interaction, this.#render(reply, true, false)));
    return isProblem(reply) ? 'problem' : 'answered';
  }

  async #autocomplete(interaction: AutocompleteInteraction): Promise<void> {
    const command = findCommand(interaction.commandName);
    const focused = interaction.options.getFocused(true);
    const choices =
      command?.autocomplete?.({ name: focused.name, value: String(focused.value) }, this.#deps.context) ?? [];
    await interaction.respond(
      choices.slice(0, 25).map((c) => ({ name: c.name.slice(0, 100), value: c.value.slice(0, 100) })),
    );
  }

  async #button(interaction: ButtonInteraction): Promise<Outcome> {
    const ephemeral = interaction.message.flags.has(MessageFlags.Ephemeral);
    if (interaction.customId === SHARE_ACTION) {
      const refusal = shareRefusal(interaction, this.#deps.context.settings);
      await interaction.reply(
        replyPayload(interaction, refusal ? renderProblem({ problem: refusal }) : sharedAnswer(interaction)),
      );
      return refusal ? 'problem' : 'answered';
    }
    const handler = BUTTONS.get(interaction.customId.split(':')[0] ?? '');
    const action = handler && decodeAction(interaction.customId, handler.arity);
    if (!handler || !action) {
      await interaction.reply(replyPayload(interaction, renderProblem({ problem: EXPIRED })));
      return 'expired';
    }
    const press = await handler.press(action.args, this.#deps.context, this.#invocation(interaction));
    // Share is offered only on answers, and only where this server lets answers be shared.
    const shareable =
      ANSWER_BUTTONS.has(handler) && placeAnswer(interaction, this.#deps.context.settings, true).shareable;
    if (press.mode === 'update' && !isProblem(press.reply)) {
      await interaction.update(
        rewritePayload(interaction, this.#render(press.reply, ephemeral, ephemeral && shareable)),
      );
    } else {
      await interaction.reply(replyPayload(interaction, this.#render(press.reply, true, shareable)));
    }
    return isProblem(press.reply) ? 'problem' : 'answered';
  }
}
