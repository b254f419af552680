import { z } from 'zod';
import { answerButton, wholeArg } from '../src/answers/buttons.js';
import { quoteExcerpt } from '../src/answers/excerpts.js';
import type { Corpus } from '../src/corpus/load.js';
import { note, quote, type Answer, type Button, type Reply, type Section } from '../src/replies/answer.js';
import { answerCommand } from '../src/dispatch/command.js';
import { commandForAllContexts, hideOption, withHide } from '../src/dispatch/definition.js';

const ALL = 'all';

/** One goal's whole paragraph, or `all` of them. */
const goalsVerb = answerButton<number | typeof ALL>({
  verb: 'goals',
  arity: 1,
  write: (which) => [which],
  read: ([which], { corpus }) => (which === ALL ? ALL : wholeArg(which, 1, corpus.goals.goals.length)),
  press: (which, { corpus }) => ({
    mode: 'update',
    reply: which === ALL ? goalsOverview(corpus) : goalAnswer(which, corpus),
  }),
});

const goalButton = (number: number, label = `Goal ${number}`): Button => ({ label, action: goalsVerb.id(number) });

/** Wang Qi's role in the article's words: who set the goals out matters as much as what they are. */
function setBy(corpus: Corpus): Section {
  const person = corpus.people.find((p) => p.name === corpus.goals.setBy);
  return {
    heading: 'Who set them out',
    lines: person ? [note(`${person.name}:`), quoteExcerpt(person.role)] : [note(corpus.goals.setBy)],
  };
}

/** The five goals by their lead sentences, introduced by the ¶3 sentence that announces them. */
export function goalsOverview(corpus: Corpus): Answer {
  const { goals } = corpus;
  return {
    title: `The “five more” goals`,
    intro: `The goals ${goals.setBy} set out, one per paragraph (¶${goals.goals[0]?.lead.paragraph}–¶${goals.goals.at(-1)?.lead.paragraph}). Press a goal to read its whole paragraph.`,
    sections: [
      setBy(corpus),
      { heading: 'The goals', lines: [quoteExcerpt(goals.intro)] },
      ...goals.goals.map((goal) => ({ heading: `Goal ${goal.number}`, lines: [quoteExcerpt(goal.lead)] })),
    ],
    buttons: goals.goals.map((goal) => goalButton(goal.number)),
  };
}

/** One goal's whole paragraph, sentence by sentence, so each part can be cited on its own. */
export function goalAnswer(number: number, corpus: Corpus): Reply {
  const all = corpus.goals.goals;
  const goal = all.find((g) => g.number === number);
  const paragraph = goal ? corpus.article.paragraphs[goal.lead.paragraph] : undefined;
  if (!goal || !paragraph)
    return { problem: `There is no goal ${number}: the article sets out goals 1 to ${all.length}.` };
  const buttons: Button[] = [];
  if (number > 1) buttons.push(goalButton(number - 1, `◀ Goal ${number - 1}`));
  if (number < all.length) buttons.push(goalButton(number + 1, `Goal ${number + 1} ▶`));
  buttons.push({ label: 'All goals', action: goalsVerb.id(ALL) });
  return {
    title: `Goal ${number} of ${all.length}: ${goal.title.text}`,
    intro: `The whole of ¶${paragraph.number}, as ${corpus.goals.setBy} set it out:`,
    sections: [
      { lines: paragraph.sentences.map((s) => quote(s.text, { paragraph: paragraph.number, sentence: s.number })) },
    ],
    status: `Goal ${number} of ${all.length}`,
    buttons,
  };
}

export const goals = answerCommand({
  definition: withHide(
    commandForAllContexts(
      'goals',
      'The “five more” goals Wang Qi set out (¶4–¶8), quoted and cited; pick one to read it whole.',
      '王琦提出的“five more”五项目标（¶4–¶8），原文引用并注明出处',
    ).addIntegerOption((o) =>
      o
        .setName('number')
        .setDescription('Read one goal whole: 1 (orientation) to 5 (grassroots).')
        .setDescriptionLocalizations({ 'zh-CN': '阅读某一目标全文：1 至 5' })
        .setMinValue(1)
        .setMaxValue(5),
    ),
  ).toJSON(),
  options: z.object({ number: z.int().min(1).max(5).optional(), ...hideOption }),
  answer: ({ number }, { corpus }) => (number === undefined ? goalsOverview(corpus) : goalAnswer(number, corpus)),
  buttons: [goalsVerb],
});
