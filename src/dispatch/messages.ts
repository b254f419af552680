import { MessageType, type GatewayMessageCreateDispatchData } from 'discord.js';
import { helpAnswer } from '../answers/help.js';
import { answerMessage, NO_WORDS } from '../answers/message.js';
import { hasWords, questionOf } from '../answers/message-question.js';
import { smallTalkAnswer } from '../answers/small-talk.js';
import { welcome } from '../answers/welcome.js';
import { isProblem, type Reply } from '../replies/answer.js';
import { slowDown } from '../replies/problems.js';
import { renderAnswer, type MessagePayload } from '../replies/render.js';
import { errorReference } from '../log/reference.js';
import type { DispatchDeps } from './deps.js';
import { smallTalkOf } from '../search/small-talk.js';
import { isAnswerChannelId } from './placement.js';
import { slashDefinitions } from './registry.js';
import { messageReply } from './responses.js';
import type { MessageHandled } from './result.js';

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
 * where it may not answer, it stays silent, and says why in the outcome. Never rejects.
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

  const verdict = await deps.fairUse.check(author.id, deps.now());
  if (!verdict.allowed) {
    if (!verdict.tell) return { outcome: 'limited', reason: 'over the limit, told already' };
    return sent(message, plain(slowDown(verdict.retryInSeconds)), 'limited');
  }

  const question = questionOf(message.content);
  const asksHelp = /^help\W*$/i.test(question.text);
  if (guildId === undefined && (await deps.welcomed.firstTime(author.id))) {
    const hello = welcome(deps.context.corpus);
    // The welcome is the answer to a first "hello": the guide after it would say it twice.
    const talk = smallTalkOf(question.text);
    if (!hasWords(question.text) || (talk && talk !== 'help')) return sent(message, plain(hello), 'answered');
    return answered(
      message,
      asksHelp ? helpAnswer(slashDefinitions()) : answerMessage(message.content, deps.context),
      deps,
      hello,
    );
  }
  if (!hasWords(question.text)) {
    // An emoji alone, or the bot mentioned with nothing else, is small talk: the guide answers.
    // A link is not: the hint says what the bot can read.
    const typed = message.content.replace(/<@!?\d+>/g, '').trim();
    const talk = typed === '' ? 'greeting' : smallTalkOf(typed);
    if (talk) return answered(message, smallTalkAnswer(talk, deps.context.corpus), deps);
    return sent(message, plain(NO_WORDS), 'problem');
  }
  if (asksHelp) return answered(message, helpAnswer(slashDefinitions()), deps);
  return answered(message, answerMessage(message.content, deps.context), deps);
}

function answered(
  message: GatewayMessageCreateDispatchData,
  reply: Reply,
  deps: DispatchDeps,
  notice?: string,
): MessageHandled {
  if (isProblem(reply)) return sent(message, plain(reply.problem), 'problem');
  return sent(message, renderAnswer(reply, { footer: deps.footer, ...(notice ? { notice } : {}) }), 'answered');
}

function sent(
  message: GatewayMessageCreateDispatchData,
  payload: MessagePayload,
  outcome: MessageHandled['outcome'],
): MessageHandled {
  return { reply: { channelId: message.channel_id, body: messageReply(payload, message.id) }, outcome };
}
