import type { ArticleContext } from '../answers/context.js';
import { answerQuestion } from '../answers/question.js';
import type { Placement } from '../dispatch/placement.js';
import { render } from '../dispatch/render.js';
import type { MessagePayload } from '../replies/render.js';
import { sourceLine } from '../replies/source-line.js';

/**
 * Questions that show the three kinds of answer: passages quoted and cited, a term the article
 * explains, and a thing it names but says nothing of what was asked.
 */
export const EXAMPLE_QUESTIONS: readonly string[] = [
  'who gets demoted?',
  'what is a lion pack?',
  'where did Huang Feiyu study?',
];

/** How `/ask` answers in a server that changed no setting: publicly. */
const PUBLIC: Placement = { ephemeral: false, shareable: true };

export interface Example {
  /** As the person typed it. */
  readonly question: string;
  /** The message the bot sends for `/ask question:` it, as Discord receives it. */
  readonly reply: MessagePayload;
}

/** Each question answered as `/ask` answers it in English, by the bot's own answer and reply builders. */
export function examples(questions: readonly string[], article: ArticleContext): Example[] {
  const context = { ...article, language: 'en' } as const;
  const footer = sourceLine(context.corpus, 'en');
  return questions.map((question) => ({
    question,
    reply: render(answerQuestion(question, context), PUBLIC, 'en', footer).payload,
  }));
}
