import { MessageType, type GatewayMessageCreateDispatchData } from 'discord.js';
import { helpAnswer } from '../answers/help.js';
import { answerMessage } from '../answers/message.js';
import { hasWords, questionOf } from '../answers/message-question.js';
import { smallTalkAnswer } from '../answers/small-talk.js';
import { welcome } from '../answers/welcome.js';
import { writtenIn } from '../i18n/written-in.js';
import { t, type Language } from '../i18n/words.js';
import { isProblem, type Reply } from '../replies/answer.js';
import { slowDown } from '../replies/problems.js';
import { renderAnswer, type MessagePayload } from '../replies/render.js';
import { errorReference } from '../log/reference.js';
import { answerContext, type DispatchDeps } from './deps.js';
import { smallTalkOf } from '../search/small-talk.js';
import { isAnswerChannelId } from './placement.js';
import { slashDefinitions } from './registry.js';
import { messageReply } from './responses.js';
import type { MessageHandled } from './result.js';
import { withTranslationNote } from './translation-note.js';

/** "help" as a whole message, in English or Chinese. */
const ASKS_HELP = /^(?:help|帮助|幫助)\W*$/i;

/** What a person writes to a bot: their own words, or a reply to a message. */
const PERSON_MESSAGES: ReadonlySet<MessageType> = new Set([MessageType.Default, MessageType.Reply]);

const ignored = (reason: string): MessageHandled => ({ outcome: 'ignored', reason });

const plain = (content: string): MessagePayload => ({
  content,
  embeds: [],
  components: [],
  allowed_mentions: { parse: [] },
});

/**
 * Plain messages: DMs answered like /ask (with a welcome the first time), @mentions answered in
 * the channels a server allows, everything else left alone. The bot never argues in public:
 * where it may not answer, it stays silent, and says why in the outcome. A message carries no
 * locale: it is answered in the language it is written in (Chinese, or else English). Never rejects.
 */
export async function dispatchMessage(
  message: GatewayMessageCreateDispatchData,
  deps: DispatchDeps,
): Promise<MessageHandled> {
  try {
    return await converse(message, deps);
  } catch (error) {
    return { outcome: 'error', failure: { error, ref: errorReference() } };
  }
}

async function converse(message: GatewayMessageCreateDispatchData, deps: DispatchDeps): Promise<MessageHandled> {
  const { author } = message;
  // Every public answer of the bot comes back as a message: dropped before anything else.
  if (author.id === deps.botId) return ignored("the bot's own message");
  if (author.bot) return ignored("another bot's message");
  if (message.webhook_id) return ignored("a webhook's message");
  if (!PERSON_MESSAGES.has(message.type)) return ignored('a system message');
  const guildId = message.guild_id;
  if (guildId !== undefined) {
    if (!message.mentions.some((user) => user.id === deps.botId)) return ignored('does not mention the bot');
    const settings = deps.settings.get(guildId);
    if (!settings.mentions) return ignored('mentions are off here');
    if (!isAnswerChannelId(settings, message.channel_id, deps.threadParent(message.channel_id)))
      return ignored('not an answer channel');
  }

  const question = questionOf(message.content);
  const language = writtenIn(question.text);
  const verdict = await deps.fairUse.check(author.id, deps.now());
  if (!verdict.allowed) {
    if (!verdict.tell) return { outcome: 'limited', reason: 'over the limit, told already' };
    return sent(message, plain(slowDown(verdict.retryInSeconds, language)), 'limited');
  }

  const context = answerContext(deps, language);
  const asksHelp = ASKS_HELP.test(question.text);
  if (guildId === undefined && (await deps.welcomed.firstTime(author.id))) {
    const hello = welcome(deps.context.corpus, language);
    // The welcome is the answer to a first "hello": the guide after it would say it twice.
    const talk = smallTalkOf(question.text);
    if (!hasWords(question.text) || (talk && talk !== 'help')) return sent(message, plain(hello), 'answered');
    return answered(
      message,
      asksHelp ? helpAnswer(slashDefinitions(), language, deps.privacyUrl) : answerMessage(message.content, context),
      deps,
      language,
      hello,
    );
  }
  if (!hasWords(question.text)) {
    // An emoji alone, or the bot mentioned with nothing else, is small talk: the guide answers.
    // A link is not: the hint says what the bot can read.
    const typed = message.content.replace(/<@!?\d+>/g, '').trim();
    const talk = typed === '' ? 'greeting' : smallTalkOf(typed);
    if (talk) return answered(message, smallTalkAnswer(talk, deps.context.corpus, language), deps, language);
    return sent(message, plain(t(language, 'problems.noWords')), 'problem');
  }
  if (asksHelp) return answered(message, helpAnswer(slashDefinitions(), language, deps.privacyUrl), deps, language);
  return answered(message, answerMessage(message.content, context), deps, language);
}

async function answered(
  message: GatewayMessageCreateDispatchData,
  reply: Reply,
  deps: DispatchDeps,
  language: Language,
  notice?: string,
): Promise<MessageHandled> {
  if (isProblem(reply)) return sent(message, plain(reply.problem), 'problem');
  const payload = renderAnswer(reply, { language, footer: deps.footer(language), ...(notice ? { notice } : {}) });
  return sent(
    message,
    await withTranslationNote(payload, language, message.author.id, deps.toldTranslation),
    'answered',
  );
}

function sent(
  message: GatewayMessageCreateDispatchData,
  payload: MessagePayload,
  outcome: MessageHandled['outcome'],
): MessageHandled {
  return { reply: { channelId: message.channel_id, body: messageReply(payload, message.id) }, outcome };
}
