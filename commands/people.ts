import { z } from 'zod';
import { answerButton, wholeArg } from '../src/answers/buttons.js';
import { paragraphList, quoteExcerpt } from '../src/answers/excerpts.js';
import type { Corpus, Person } from '../src/corpus/load.js';
import { note, type Answer, type Button, type Reply } from '../src/replies/answer.js';
import { answerCommand } from '../src/dispatch/command.js';
import { commandForAllContexts, hideOption, withHide } from '../src/dispatch/definition.js';

const EVERYONE = 'all';

/** One person by their place in corpus/people.json, or `all` of them. */
const personVerb = answerButton<number | typeof EVERYONE>({
  verb: 'person',
  arity: 1,
  write: (which) => [which],
  read: ([which], { corpus }) => (which === EVERYONE ? EVERYONE : wholeArg(which, 0, corpus.people.length - 1)),
  press: (which, { corpus }) => ({
    mode: 'update',
    reply: which === EVERYONE ? peopleOverview(corpus) : personAnswer(corpus, which),
  }),
});

/** One button per person, the one shown marked and disabled, and one back to everyone. */
function peopleButtons(corpus: Corpus, shown?: number): Button[] {
  const each = corpus.people.map((person, i): Button => ({
    label: person.name,
    action: personVerb.id(i),
    style: i === shown ? 'primary' : 'secondary',
    disabled: i === shown,
  }));
  return shown === undefined ? each : [...each, { label: 'Everyone', action: personVerb.id(EVERYONE) }];
}

/** Each person's role as the article words it, and where they appear. */
export function peopleOverview(corpus: Corpus): Answer {
  return {
    title: 'Who is who in the article',
    intro: `The ${corpus.people.length} people the article names, each with their role in its own words.`,
    sections: corpus.people.map((person) => ({
      heading: person.name,
      lines: [quoteExcerpt(person.role), note(`Paragraphs: ${paragraphList(person.paragraphs)}`)],
    })),
    buttons: peopleButtons(corpus),
  };
}

/** One person: role, what the article reports them saying, and where. */
export function personAnswer(corpus: Corpus, index: number): Reply {
  const person: Person | undefined = corpus.people[index];
  if (!person) return { problem: `The article names ${corpus.people.map((p) => p.name).join(', ')}.` };
  return {
    title: person.name,
    sections: [
      { heading: 'Role', lines: [quoteExcerpt(person.role)] },
      ...(person.said.length
        ? [{ heading: 'What the article reports them saying', lines: person.said.map((s) => quoteExcerpt(s)) }]
        : []),
      { heading: 'Paragraphs', lines: [note(paragraphList(person.paragraphs))] },
    ],
    buttons: peopleButtons(corpus, index),
  };
}

/**
 * The names Discord offers as choices. Definitions are registered without loading the corpus, so
 * the names are written here; a test holds them to corpus/people.json.
 */
export const PEOPLE_NAMES = ['Wang Qi', 'Wang Qiushi', 'Huang Qiang', 'Huang Feiyu'] as const;

export const people = answerCommand({
  definition: withHide(
    commandForAllContexts(
      'people',
      'Who is who: the four officials the article names, their roles and words, quoted.',
      '人物：文章提到的四位官员、职务及其言论',
    ).addStringOption((o) =>
      o
        .setName('name')
        .setDescription('One person: their role, what they said, and where.')
        .setDescriptionLocalizations({ 'zh-CN': '某一人物：职务、言论及出处' })
        .setMaxLength(200)
        .addChoices(...PEOPLE_NAMES.map((name) => ({ name, value: name }))),
    ),
  ).toJSON(),
  options: z.object({ name: z.enum(PEOPLE_NAMES).optional(), ...hideOption }),
  answer({ name }, { corpus }) {
    const index = corpus.people.findIndex((p) => p.name === name);
    return index < 0 ? peopleOverview(corpus) : personAnswer(corpus, index);
  },
  buttons: [personVerb],
});
