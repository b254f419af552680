import type { Corpus, Person } from '../src/corpus/load.js';
import { note, type Answer, type Button, type Reply } from '../src/replies/answer.js';
import { encodeAction } from '../src/replies/custom-id.js';
import { echo } from '../src/replies/markdown.js';
import { paragraphList, quoteExcerpt } from './cited.js';
import type { ButtonHandler, Command } from './command.js';
import { everywhere, withHide } from './definition.js';
import { EXPIRED, wholeArg } from './press.js';

const VERB = 'person';
const EVERYONE = 'all';

/** One button per person, the one shown marked and disabled, and one back to everyone. */
function peopleButtons(corpus: Corpus, shown?: number): Button[] {
  const each = corpus.people.map((person, i): Button => ({
    label: person.name,
    action: encodeAction(VERB, i),
    style: i === shown ? 'primary' : 'secondary',
    disabled: i === shown,
  }));
  return shown === undefined ? each : [...each, { label: 'Everyone', action: encodeAction(VERB, EVERYONE) }];
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

const personButton: ButtonHandler = {
  verb: VERB,
  arity: 1,
  press([which], { corpus }) {
    if (which === EVERYONE) return { mode: 'update', reply: peopleOverview(corpus) };
    const index = wholeArg(which, 0, corpus.people.length - 1);
    return index === undefined ? EXPIRED : { mode: 'update', reply: personAnswer(corpus, index) };
  },
};

/**
 * The names Discord offers as choices. Definitions are registered without loading the corpus, so
 * the names are written here; a test holds them to corpus/people.json.
 */
export const PEOPLE_NAMES = ['Wang Qi', 'Wang Qiushi', 'Huang Qiang', 'Huang Feiyu'] as const;

export const people: Command = {
  definition: withHide(
    everywhere(
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
  answers: true,
  execute(options, { corpus }) {
    const { name } = options;
    if (name === undefined || name === '') return peopleOverview(corpus);
    const index = corpus.people.findIndex((p) => p.name === name);
    if (index < 0)
      return {
        problem: `The article names no ${echo(String(name))}: choose ${corpus.people.map((p) => p.name).join(', ')}.`,
      };
    return personAnswer(corpus, index);
  },
  buttons: [personButton],
};
