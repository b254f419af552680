import { z } from 'zod';
import { paragraphButton } from '../src/answers/paragraph.js';
import { answerQuestion } from '../src/answers/question.js';
import { answerCommand } from '../src/dispatch/command.js';
import {
  commandForAllContexts,
  described,
  freeText,
  hideOption,
  TEXT_MAX_LENGTH,
  withHide,
} from '../src/dispatch/definition.js';

export const ask = answerCommand({
  definition: withHide(
    commandForAllContexts('ask', 'commands.ask.description').addStringOption((o) =>
      described(o.setName('question'), 'commands.ask.question').setRequired(true).setMaxLength(TEXT_MAX_LENGTH),
    ),
  ).toJSON(),
  options: z.object({ question: freeText(), ...hideOption }),
  answer: ({ question }, context) => answerQuestion(question, context),
  buttons: [paragraphButton],
});
