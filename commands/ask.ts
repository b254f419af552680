import { z } from 'zod';
import { paragraphButton } from '../src/answers/paragraph.js';
import { answerQuestion } from '../src/answers/question.js';
import { answerCommand } from '../src/dispatch/command.js';
import { commandForAllContexts, freeText, hideOption, TEXT_MAX_LENGTH, withHide } from '../src/dispatch/definition.js';

export const ask = answerCommand({
  definition: withHide(
    commandForAllContexts(
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
  options: z.object({ question: freeText(), ...hideOption }),
  answer: ({ question }, context) => answerQuestion(question, context),
  buttons: [paragraphButton],
});
