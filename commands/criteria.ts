import { z } from 'zod';
import { answerButton, wholeArg } from '../src/answers/buttons.js';
import { quoteExcerpt } from '../src/answers/excerpts.js';
import type { Corpus } from '../src/corpus/load.js';
import { FocusSchema, type Focus } from '../src/corpus/schema.js';
import { namedOnlyNote, topicLabel } from '../src/i18n/curated.js';
import { t, type Language, type WordKey } from '../src/i18n/words.js';
import { note, type Answer, type Button, type Line, type Section } from '../src/replies/answer.js';
import { answerCommand } from '../src/dispatch/command.js';
import { choice, commandForAllContexts, described, hideOption, withHide } from '../src/dispatch/definition.js';
/** Stands for "no focus" in a custom_id: the overview. */
const OVERVIEW = 'all';
/** More pages than any focus could fill: a page argument past this was not made by us. */
const MAX_PAGE = 20;

export const FOCI: readonly Focus[] = FocusSchema.options;

/** The bot's names for the foci: what a newcomer would ask, not the article's words. */
const FOCUS_NAMES: Record<Focus, WordKey> = {
  promote: 'criteria.foci.promote',
  demote: 'criteria.foci.demote',
  evaluation: 'criteria.foci.evaluation',
  tolerance: 'criteria.foci.tolerance',
};

/** How /criteria's `focus` choices are named: the value, then what it shows. */
const FOCUS_CHOICES: Record<Focus, WordKey> = {
  promote: 'commands.criteria.choices.promote',
  demote: 'commands.criteria.choices.demote',
  evaluation: 'commands.criteria.choices.evaluation',
  tolerance: 'commands.criteria.choices.tolerance',
};

type Topic = Corpus['criteria']['topics'][number];

const isFocus = (value: unknown): value is Focus =>
  typeof value === 'string' && (FOCI as readonly string[]).includes(value);
const topicsOf = (corpus: Corpus, focus: Focus): Topic[] => corpus.criteria.topics.filter((t) => t.focus === focus);

/** A page of the overview (no focus) or of one focus. */
interface CriteriaPage {
  readonly focus: Focus | typeof OVERVIEW;
  readonly page: number;
}

const criteriaVerb = answerButton<CriteriaPage>({
  verb: 'crit',
  arity: 2,
  write: ({ focus, page }) => [focus, page],
  read([focus, page]) {
    const number = wholeArg(page, 0, MAX_PAGE);
    if (number === undefined || (focus !== OVERVIEW && !isFocus(focus))) return undefined;
    return { focus, page: number };
  },
  press: ({ focus, page }, { corpus, language }) => ({
    mode: 'update',
    reply: focus === OVERVIEW ? criteriaOverview(corpus, language, page) : criteriaFocus(corpus, focus, language, page),
  }),
});

const focusButton = (focus: Focus, language: Language): Button => ({
  label: t(language, FOCUS_NAMES[focus]),
  action: criteriaVerb.id({ focus, page: 0 }),
});

/** The shortest excerpt states the topic most tightly: the overview shows one per topic. */
function tightest(topic: Topic): Topic['excerpts'][number] {
  return topic.excerpts.reduce((best, e) => (e.text.length < best.text.length ? e : best));
}

/** Every focus with its topics' labels and one excerpt each; a focus button opens the rest. */
export function criteriaOverview(corpus: Corpus, language: Language, page = 0): Answer {
  const sections: Section[] = FOCI.map((focus) => ({
    heading: t(language, FOCUS_NAMES[focus]),
    lines: topicsOf(corpus, focus).flatMap((topic): Line[] => [
      note(`*${topicLabel(language, topic)}*`),
      quoteExcerpt(tightest(topic)),
    ]),
  }));
  return {
    title: t(language, 'criteria.title'),
    intro: t(language, 'criteria.intro'),
    sections,
    buttons: FOCI.map((focus) => focusButton(focus, language)),
    page,
    pageAction: (page) => criteriaVerb.id({ focus: OVERVIEW, page }),
  };
}

/**
 * Every topic of one focus, every excerpt quoted. A list the article names without spelling out
 * gets the curated note saying so, and nothing else: no item is ever supplied for it.
 */
export function criteriaFocus(corpus: Corpus, focus: Focus, language: Language, page = 0): Answer {
  const sections: Section[] = topicsOf(corpus, focus).map((topic) => ({
    heading: topicLabel(language, topic),
    lines: [
      ...topic.excerpts.map((e) => quoteExcerpt(e)),
      ...topic.namedOnly.map((n) =>
        note(t(language, 'criteria.namedOnly', { note: namedOnlyNote(language, topic, n) })),
      ),
    ],
  }));
  return {
    title: t(language, 'criteria.focusTitle', { focus: t(language, FOCUS_NAMES[focus]) }),
    sections,
    buttons: [
      ...FOCI.filter((f) => f !== focus).map((f) => focusButton(f, language)),
      { label: t(language, 'criteria.overview'), action: criteriaVerb.id({ focus: OVERVIEW, page: 0 }) },
    ],
    page,
    pageAction: (page) => criteriaVerb.id({ focus, page }),
  };
}

export const criteria = answerCommand({
  definition: withHide(
    commandForAllContexts('criteria', 'commands.criteria.description').addStringOption((o) =>
      described(o.setName('focus'), 'commands.criteria.focus')
        .setMaxLength(200)
        .addChoices(...FOCI.map((focus) => choice(FOCUS_CHOICES[focus], focus))),
    ),
  ).toJSON(),
  options: z.object({ focus: FocusSchema.optional(), ...hideOption }),
  answer: ({ focus }, { corpus, language }) =>
    focus === undefined ? criteriaOverview(corpus, language) : criteriaFocus(corpus, focus, language),
  buttons: [criteriaVerb],
});
