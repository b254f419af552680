import { z } from 'zod';
import { answerButton, wholeArg } from '../src/answers/buttons.js';
import { quoteExcerpt } from '../src/answers/excerpts.js';
import type { Corpus } from '../src/corpus/load.js';
import { t, type Language } from '../src/i18n/words.js';
import { note, quote, type Answer, type Button, type Reply, type Section } from '../src/replies/answer.js';
import { answerCommand } from '../src/dispatch/command.js';
import { commandForAllContexts, described, hideOption, withHide } from '../src/dispatch/definition.js';

const ALL = 'all';

/** One goal's whole paragraph, or `all` of them. */
const goalsVerb = answerButton<number | typeof ALL>({
  verb: 'goals',
  arity: 1,
  write: (which) => [which],
  read: ([which], { corpus }) => (which === ALL ? ALL : wholeArg(which, 1, corpus.goals.goals.length)),
  press: (which, { corpus, language }) => ({
    mode: 'update',
    reply: which === ALL ? goalsOverview(corpus, language) : goalAnswer(which, corpus, language),
  }),
});

const goalButton = (number: number, label: string): Button => ({ label, action: goalsVerb.id(number) });

/** Wang Qi's role in the article's words: who set the goals out matters as much as what they are. */
function setBy(corpus: Corpus, language: Language): Section {
  const person = corpus.people.find((p) => p.name === corpus.goals.setBy);
  return {
    heading: t(language, 'goals.setBy'),
    lines: person
      ? [note(t(language, 'goals.person', { name: person.name })), quoteExcerpt(person.role)]
      : [note(corpus.goals.setBy)],
  };
}

/** The five goals by their lead sentences, introduced by the ¶3 sentence that announces them. */
export function goalsOverview(corpus: Corpus, language: Language): Answer {
  const { goals } = corpus;
  return {
    title: t(language, 'goals.title'),
    intro: t(language, 'goals.intro', {
      setBy: goals.setBy,
      first: goals.goals[0]?.lead.paragraph ?? '',
      last: goals.goals.at(-1)?.lead.paragraph ?? '',
    }),
    sections: [
      setBy(corpus, language),
      { heading: t(language, 'goals.goals'), lines: [quoteExcerpt(goals.intro)] },
      ...goals.goals.map((goal) => ({
        heading: t(language, 'goals.goal', { number: goal.number }),
        lines: [quoteExcerpt(goal.lead)],
      })),
    ],
    buttons: goals.goals.map((goal) => goalButton(goal.number, t(language, 'goals.button', { number: goal.number }))),
  };
}

/** One goal's whole paragraph, sentence by sentence, so each part can be cited on its own. */
export function goalAnswer(number: number, corpus: Corpus, language: Language): Reply {
  const all = corpus.goals.goals;
  const count = all.length;
  const goal = all.find((g) => g.number === number);
  const paragraph = goal ? corpus.article.paragraphs[goal.lead.paragraph] : undefined;
  if (!goal || !paragraph) return { problem: t(language, 'goals.none', { number, count }) };
  const buttons: Button[] = [];
  if (number > 1) buttons.push(goalButton(number - 1, t(language, 'goals.previous', { number: number - 1 })));
  if (number < count) buttons.push(goalButton(number + 1, t(language, 'goals.next', { number: number + 1 })));
  buttons.push({ label: t(language, 'goals.all'), action: goalsVerb.id(ALL) });
  return {
    title: t(language, 'goals.goalTitle', { number, count, title: goal.title.text }),
    intro: t(language, 'goals.whole', { paragraph: paragraph.number, setBy: corpus.goals.setBy }),
    sections: [
      { lines: paragraph.sentences.map((s) => quote(s.text, { paragraph: paragraph.number, sentence: s.number })) },
    ],
    status: t(language, 'goals.status', { number, count }),
    buttons,
  };
}

export const goals = answerCommand({
  definition: withHide(
    commandForAllContexts('goals', 'commands.goals.description').addIntegerOption((o) =>
      described(o.setName('number'), 'commands.goals.number').setMinValue(1).setMaxValue(5),
    ),
  ).toJSON(),
  options: z.object({ number: z.int().min(1).max(5).optional(), ...hideOption }),
  answer: ({ number }, { corpus, language }) =>
    number === undefined ? goalsOverview(corpus, language) : goalAnswer(number, corpus, language),
  buttons: [goalsVerb],
});
