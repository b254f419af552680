import { isProblem, note, type Reply } from '../replies/answer.js';
import type { AnswerContext } from './context.js';
import { hasWords, questionOf } from './message-question.js';
import { answerQuestion } from './question.js';

export const NO_WORDS =
  'I answer questions in words about the article: links, emoji and attachments alone give me nothing to look for.';

/**
 * A message answered as a question (a DM, a mention, "Find in the article"): the passages that
 * best match its words; what a shortened message was cut to is said.
 */
export function answerMessage(content: string, context: AnswerContext): Reply {
  const question = questionOf(content);
  if (!hasWords(question.text)) return { problem: NO_WORDS };
  const reply = answerQuestion(question.text, context);
  if (!question.shortened || isProblem(reply)) return reply;
  return {
    ...reply,
    sections: [
      ...reply.sections,
      { lines: [note(`(I read only the first ${[...question.text].length} characters of the message.)`)] },
    ],
  };
}
