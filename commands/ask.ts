import { answerQuestion } from '../src/answers/question.js';
import type { Reply } from '../src/replies/answer.js';
import type { Command, CommandContext } from './command.js';
import { everywhere, TEXT_MAX_LENGTH, withHide } from './definition.js';
import { fullParagraphButton, paragraphButton } from './paragraph.js';

/** A question in plain words, answered with the article's own (see src/answers/question.ts). */
export function askAnswer(question: string, context: CommandContext): Reply {
  return answerQuestion(question, context, fullParagraphButton);
}

export const ask: Command = {
  definition: withHide(
    everywhere(
      'ask',
      'Ask a question about the article: the answer is its own words, quoted and cited.',
      '就文章提问：以原文回答并注明出处',
    ).addStringOption((o) =>
      o
        .setName('question')
        .setDescription('Your question, e.g. “who gets demoted?”')
        .setRequired(true)
        .setMaxLength(TEXT_MAX_LENGTH),
    ),
  ).toJSON(),
  answers: true,
  execute(options, context) {
    return askAnswer(typeof options.question === 'string' ? options.question : '', context);
  },
  buttons: [paragraphButton],
};
