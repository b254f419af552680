import { z } from 'zod';
import { answerButton, wholeArg } from '../src/answers/buttons.js';
import { quoteExcerpt } from '../src/answers/excerpts.js';
import type { Corpus } from '../src/corpus/load.js';
import { FocusSchema, type Focus } from '../src/corpus/schema.js';
import { note, type Answer, type Button, type Line, type Section } from '../src/replies/answer.js';
import { answerCommand } from '../src/dispatch/command.js';
import { commandForAllContexts, hideOption, withHide } from '../src/dispatch/definition.js';
/** Stands for "no focus" in a custom_id: the overview. */
const OVERVIEW = 'all';
/** More pages than any focus could fill: a page argument past this was not made by us. */
const MAX_PAGE = 20;

export const FOCI: readonly Focus[] = FocusSchema.options;

/** The bot's names for the foci: what a newcomer would ask, not the article's words. */
const FOCUS_NAMES: Record<Focus, string> = {
  promote: 'Whom it promotes',
  demote: 'Whom it demotes',
  evaluation: 'How cadres are evaluated',
  tolerance: 'Which mistakes it tolerates',
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
  press: ({ focus, page }, { corpus }) => ({
    mode: 'update',
    reply: focus === OVERVIEW ? criteriaOverview(corpus, page) : criteriaFocus(corpus, focus, page),
  }),
});

const focusButton = (focus: Focus): Button => ({
  label: FOCUS_NAMES[focus],
  action: criteriaVerb.id({ focus, page: 0 }),
});

/** The shortest excerpt states the topic most tightly: the overview shows one per topic. */
function tightest(topic: Topic): Topic['excerpts'][number] {
  return topic.excerpts.reduce((best, e) => (e.text.length < best.text.length ? e : best));
}

/** Every focus with its topics' labels and one excerpt each; a focus button opens the rest. */
export function criteriaOverview(corpus: Corpus, page = 0): Answer {
  const sections: Section[] = FOCI.map((focus) => ({
    heading: FOCUS_NAMES[focus],
    lines: topicsOf(corpus, focus).flatMap((topic): Line[] => [
      note(`*${topic.label}*`),
      quoteExcerpt(tightest(topic)),
    ]),
  }));
  return {
    title: 'Selection standards: whom the Provincial Party Committee promotes, demotes and tolerates',
    intro: 'One excerpt per topic. Pick a focus for every excerpt, cited.',
    sections,
    buttons: FOCI.map(focusButton),
    page,
    pageAction: (page) => criteriaVerb.id({ focus: OVERVIEW, page }),
  };
}

/**
 * Every topic of one focus, every excerpt quoted. A list the article names without spelling out
 * gets the curated note saying so, and nothing else: no item is ever supplied for it.
 */
export function criteriaFocus(corpus: Corpus, focus: Focus, page = 0): Answer {
  const sections: Section[] = topicsOf(corpus, focus).map((topic) => ({
    heading: topic.label,
    lines: [
      ...topic.excerpts.map((e) => quoteExcerpt(e)),
      ...topic.namedOnly.map((n) => note(`Named only: ${n.note}`)),
    ],
  }));
  return {
    title: `Selection standards — ${FOCUS_NAMES[focus]}`,
    sections,
    buttons: [
      ...FOCI.filter((f) => f !== focus).map(focusButton),
      { label: 'Overview', action: criteriaVerb.id({ focus: OVERVIEW, page: 0 }) },
    ],
    page,
    pageAction: (page) => criteriaVerb.id({ focus, page }),
  };
}

export const criteria = answerCommand({
  definition: withHide(
    commandForAllContexts(
      'criteria',
      'Whom Jilin’s Party Committee promotes, demotes, evaluates and tolerates: the standards, quoted.',
      '吉林省委选人用人标准：提拔、调整、考核、容错，原文引用',
    ).addStringOption((o) =>
      o
        .setName('focus')
        .setDescription('Show every excerpt on one side of the standards.')
        .setDescriptionLocalizations({ 'zh-CN': '只看某一方面的全部原文' })
        .setMaxLength(200)
        .addChoices(
          { name: 'promote — whom it promotes and appoints', value: 'promote' },
          { name: 'demote — whom it demotes or adjusts', value: 'demote' },
          { name: 'evaluation — how cadres are evaluated', value: 'evaluation' },
          { name: 'tolerance — which mistakes it tolerates', value: 'tolerance' },
        ),
    ),
  ).toJSON(),
  options: z.object({ focus: FocusSchema.optional(), ...hideOption }),
  answer: ({ focus }, { corpus }) => (focus === undefined ? criteriaOverview(corpus) : criteriaFocus(corpus, focus)),
  buttons: [criteriaVerb],
});
