import type { Corpus } from '../src/corpus/load.js';
import { FocusSchema, type Focus } from '../src/corpus/schema.js';
import { note, type Answer, type Button, type Line, type Section } from '../src/replies/answer.js';
import { encodeAction } from '../src/replies/custom-id.js';
import { echo } from '../src/replies/markdown.js';
import { quoteExcerpt } from './cited.js';
import type { ButtonHandler, Command } from './command.js';
import { everywhere, withHide } from './definition.js';
import { EXPIRED, wholeArg } from './press.js';

const VERB = 'crit';
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
const focusButton = (focus: Focus): Button => ({ label: FOCUS_NAMES[focus], action: encodeAction(VERB, focus, 0) });

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
    pageAction: (n) => encodeAction(VERB, OVERVIEW, n),
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
      { label: 'Overview', action: encodeAction(VERB, OVERVIEW, 0) },
    ],
    page,
    pageAction: (n) => encodeAction(VERB, focus, n),
  };
}

const criteriaButton: ButtonHandler = {
  verb: VERB,
  arity: 2,
  press([focus, pageArg], { corpus }) {
    const page = wholeArg(pageArg, 0, MAX_PAGE);
    if (page === undefined) return EXPIRED;
    if (focus === OVERVIEW) return { mode: 'update', reply: criteriaOverview(corpus, page) };
    return isFocus(focus) ? { mode: 'update', reply: criteriaFocus(corpus, focus, page) } : EXPIRED;
  },
};

export const criteria: Command = {
  definition: withHide(
    everywhere(
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
  answers: true,
  execute(options, { corpus }) {
    const { focus } = options;
    if (focus === undefined || focus === '') return criteriaOverview(corpus);
    if (isFocus(focus)) return criteriaFocus(corpus, focus);
    return { problem: `There is no focus ${echo(String(focus))}: choose ${FOCI.join(', ')}.` };
  },
  buttons: [criteriaButton],
};
