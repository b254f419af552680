import { ChannelType, type Message } from 'discord.js';
import type { CommandContext } from '../../commands/command.js';
import { findInArticle, NO_WORDS } from '../../commands/find-in-article.js';
import { helpAnswer } from '../../commands/help.js';
import { COMMANDS } from '../../commands/index.js';
import { hasWords, questionOf } from '../../commands/message-question.js';
import { smallTalkAnswer } from '../answers/small-talk.js';
import { isProblem, type Reply } from '../replies/answer.js';
import { smallTalkOf } from '../search/small-talk.js';
import { renderAnswer, type MessagePayload } from '../replies/render.js';
import { slowDown, type FairUse } from './fair-use.js';
import type { Logger } from './logger.js';
import { isAnswerChannelId } from './policy.js';

export interface ConversationDeps {
  readonly context: CommandContext;
  readonly logger: Logger;
  readonly footer: string;
  readonly fairUse: FairUse;
  /** The bot's own user id, known once ready. */
  readonly botId: () => string | undefined;
}

/** People greeted already; bounded, so a restart or a long run may greet someone twice, never fails. */
const WELCOMED_LIMIT = 50_000;

/**
 * Plain messages: DMs answered like /ask (with a welcome the first time), @mentions answered in
 * the channels a server allows, everything else left alone. The bot never argues in public: where
 * it may not answer, it stays silent.
 */
export class Conversations {
  readonly #deps: ConversationDeps;
  readonly #welcomed = new Set<string>();

  constructor(deps: ConversationDeps) {
    this.#deps = deps;
  }

  /** What to send back for a message, or null to stay silent. Never throws for a person's input. */
  respond(message: Message): MessagePayload | null {
    const botId = this.#deps.botId();
    if (message.author.bot || message.system || message.author.id === botId || message.webhookId) return null;
    const isDm = message.channel.type === ChannelType.DM;
    if (!isDm && !this.#mayAnswerMention(message, botId)) return null;

    const verdict = this.#deps.fairUse.check(message.author.id);
    if (!verdict.allowed) return verdict.tell ? this.#plain(slowDown(verdict.retryInSeconds)) : null;

    const question = questionOf(message.content);
    if (isDm && !this.#welcomed.has(message.author.id)) {
      if (this.#welcomed.size >= WELCOMED_LIMIT) this.#welcomed.clear();
      this.#welcomed.add(message.author.id);
      const welcome = this.#welcome();
      // The welcome is the answer to a first "hello": the guide after it would say it twice.
      const talk = smallTalkOf(question.text);
      if (!hasWords(question.text) || (talk && talk !== 'help')) return this.#plain(welcome);
      return this.#render(
        /^help\W*$/i.test(question.text) ? helpAnswer(COMMANDS) : this.#answer(message.content),
        welcome,
      );
    }
    if (!hasWords(question.text)) {
      // An emoji alone, or the bot mentioned with nothing else, is small talk: the guide answers.
      // A link is not: the hint says what the bot can read.
      const typed = message.content.replace(/<@!?\d+>/g, '').trim();
      const talk = typed === '' ? 'greeting' : smallTalkOf(typed);
      return talk ? this.#render(smallTalkAnswer(talk, this.#deps.context.corpus)) : this.#plain(NO_WORDS);
    }
    if (/^help\W*$/i.test(question.text)) return this.#render(helpAnswer(COMMANDS));
    return this.#render(this.#answer(message.content));
  }

  #answer(content: string): Reply {
    return findInArticle(content, this.#deps.context);
  }

  /** A mention of the bot itself (not @everyone, not a role), in a channel where the server lets it answer. */
  #mayAnswerMention(message: Message, botId: string | undefined): boolean {
    if (!botId || !message.guildId || !message.mentions.users.has(botId)) return false;
    const settings = this.#deps.context.settings?.get(message.guildId);
    if (!settings) return true;
    const parent = message.channel.isThread() ? message.channel.parentId : null;
    return settings.mentions && isAnswerChannelId(settings, message.channelId, parent);
  }

  #welcome(): string {
    const { headline } = this.#deps.context.corpus.source;
    return (
      `Hello! I answer questions about one article: “${headline.text}” (¶0). ` +
      'Ask me in plain words — for example “who gets demoted?”, “what is a lion pack?” or “what are the five goals?” — and I reply with the article’s own words, cited by paragraph and sentence (¶N.S). ' +
      'Say “help” for my commands.'
    );
  }

  #plain(content: string): MessagePayload {
    return { content, embeds: [], components: [], allowed_mentions: { parse: [] } };
  }

  #render(reply: Reply, notice?: string): MessagePayload {
    if (isProblem(reply)) return this.#plain(reply.problem);
    return renderAnswer(reply, { footer: this.#deps.footer, ...(notice ? { notice } : {}) });
  }
}
