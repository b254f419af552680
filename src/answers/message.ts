import { t } from '../i18n/words.js';
import { isProblem, note, type Reply } from '../replies/answer.js';
import type { AnswerContext } from './context.js';
import { hasWords, questionOf } from './message-question.js';
import { answerQuestion } from './question.js';

/** What a message without words is told, in English (other languages: `problems.noWords`). */
export const NO_WORDS = t('en', 'problems.noWords');

/**
 * A message answered as a question (a DM, a mention, "Find in the article"): the passages that
 * best match its words; what a shortened message was cut to is said.
 */
export function answerMessage(content: string, context: AnswerContext): Reply {
  const { language } = context;
  const question = questionOf(content);
  if (!hasWords(question.text)) return { problem: t(language, 'problems.noWords') };
  const reply = answerQuestion(question.text, context);
  if (!question.shortened || isProblem(reply)) return reply;
  return {
    ...reply,
    sections: [
      ...reply.sections,
      { lines: [note(t(language, 'message.shortened', { count: [...question.text].length }))] },
    ],
  };
}
