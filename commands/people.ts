import { z } from 'zod';
import { answerButton, wholeArg } from '../src/answers/buttons.js';
import { paragraphList, quoteExcerpt } from '../src/answers/excerpts.js';
import type { Corpus, Person } from '../src/corpus/load.js';
import { list, t, type Language } from '../src/i18n/words.js';
import { note, type Answer, type Button, type Reply } from '../src/replies/answer.js';
import { answerCommand } from '../src/dispatch/command.js';
import { commandForAllContexts, described, hideOption, withHide } from '../src/dispatch/definition.js';

const EVERYONE = 'all';

/** One person by their place in corpus/people.json, or `all` of them. */
const personVerb = answerButton<number | typeof EVERYONE>({
  verb: 'person',
  arity: 1,
  write: (which) => [which],
  read: ([which], { corpus }) => (which === EVERYONE ? EVERYONE : wholeArg(which, 0, corpus.people.length - 1)),
  press: (which, { corpus, language }) => ({
    mode: 'update',
    reply: which === EVERYONE ? peopleOverview(corpus, language) : personAnswer(corpus, which, language),
  }),
});

/** One button per person, the one shown marked and disabled, and one back to everyone. */
function peopleButtons(corpus: Corpus, language: Language, shown?: number): Button[] {
  const each = corpus.people.map((person, i): Button => ({
    label: person.name,
    action: personVerb.id(i),
    style: i === shown ? 'primary' : 'secondary',
    disabled: i === shown,
  }));
  return shown === undefined
    ? each
    : [...each, { label: t(language, 'people.everyone'), action: personVerb.id(EVERYONE) }];
}

/** Each person's role as the article words it, and where they appear. */
export function peopleOverview(corpus: Corpus, language: Language): Answer {
  return {
    title: t(language, 'people.title'),
    intro: t(language, 'people.intro', { count: corpus.people.length }),
    sections: corpus.people.map((person) => ({
      heading: person.name,
      lines: [
        quoteExcerpt(person.role),
        note(t(language, 'people.paragraphsLine', { paragraphs: paragraphList(person.paragraphs, language) })),
      ],
    })),
    buttons: peopleButtons(corpus, language),
  };
}

/** One person: role, what the article reports them saying, and where. */
export function personAnswer(corpus: Corpus, index: number, language: Language): Reply {
  const person: Person | undefined = corpus.people[index];
  if (!person)
    return {
      problem: t(language, 'people.names', {
        names: list(
          language,
          corpus.people.map((p) => p.name),
        ),
      }),
    };
  return {
    title: person.name,
    sections: [
      { heading: t(language, 'people.role'), lines: [quoteExcerpt(person.role)] },
      ...(person.said.length
        ? [{ heading: t(language, 'people.said'), lines: person.said.map((s) => quoteExcerpt(s)) }]
        : []),
      { heading: t(language, 'people.paragraphs'), lines: [note(paragraphList(person.paragraphs, language))] },
    ],
    buttons: peopleButtons(corpus, language, index),
  };
}

/**
 * The names Discord offers as choices. Definitions are registered without loading the corpus, so
 * the names are written here; a test holds them to corpus/people.json.
 */
export const PEOPLE_NAMES = ['Wang Qi', 'Wang Qiushi', 'Huang Qiang', 'Huang Feiyu'] as const;

export const people = answerCommand({
  definition: withHide(
    commandForAllContexts('people', 'commands.people.description').addStringOption((o) =>
      described(o.setName('name'), 'commands.people.name')
        .setMaxLength(200)
        .addChoices(...PEOPLE_NAMES.map((name) => ({ name, value: name }))),
    ),
  ).toJSON(),
  options: z.object({ name: z.enum(PEOPLE_NAMES).optional(), ...hideOption }),
  answer({ name }, { corpus, language }) {
    const index = corpus.people.findIndex((p) => p.name === name);
    return index < 0 ? peopleOverview(corpus, language) : personAnswer(corpus, index, language);
  },
  buttons: [personVerb],
});
