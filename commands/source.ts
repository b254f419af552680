import { z } from 'zod';
import { answerButton, wholeArg } from '../src/answers/buttons.js';
import { quoteExcerpt } from '../src/answers/excerpts.js';
import { PARAGRAPH_COUNT } from '../src/corpus/article.js';
import type { Corpus } from '../src/corpus/load.js';
import { dateIn, eventLabel } from '../src/i18n/curated.js';
import { t, type Language } from '../src/i18n/words.js';
import { note, quote, type Answer, type Button, type Reply } from '../src/replies/answer.js';
import { answerCommand } from '../src/dispatch/command.js';
import { commandForAllContexts, hideOption, withHide } from '../src/dispatch/definition.js';

/** Back from the reader to the provenance. */
const ABOUT = 'about';

/** A page of the article reader (one paragraph each, from 0), or back to the provenance. */
const sourceVerb = answerButton<number | typeof ABOUT>({
  verb: 'source',
  arity: 1,
  write: (which) => [which],
  read: ([which]) => (which === ABOUT ? ABOUT : wholeArg(which, 0, PARAGRAPH_COUNT - 1)),
  press: (which, { corpus, language }) => ({
    mode: 'update',
    reply: which === ABOUT ? sourceAnswer(corpus, language) : articlePage(corpus, which, language),
  }),
});

/**
 * Where the text comes from, each claim resting on the words that show it. Only the dates the
 * text states are given: it states no year for them, so none is shown.
 */
export function sourceAnswer(corpus: Corpus, language: Language): Answer {
  const { source, article } = corpus;
  const body = article.paragraphs.length - 1;
  return {
    title: t(language, 'source.title'),
    sections: [
      { heading: t(language, 'source.headline'), lines: [quoteExcerpt(source.headline)] },
      {
        heading: t(language, 'source.publisher', { name: source.publisher.name }),
        lines: [quoteExcerpt(source.publisher.evidence)],
      },
      {
        heading: t(language, 'source.relay', { name: source.relay.name }),
        lines: [quoteExcerpt(source.relay.evidence)],
      },
      ...source.events.map((event) => ({
        heading: t(language, 'source.event', {
          date: dateIn(language, event.date),
          label: eventLabel(language, event),
        }),
        lines: [quoteExcerpt(event.evidence)],
      })),
      {
        heading: t(language, 'source.text'),
        lines: [
          note(t(language, 'source.paragraphs', { count: article.paragraphs.length, body })),
          note(t(language, 'source.hash', { hash: corpus.hash })),
        ],
      },
    ],
    buttons: [{ label: t(language, 'source.read'), action: sourceVerb.id(0), style: 'primary' }],
  };
}

/** One paragraph per page, whole and cited, so the full text can be read in order. */
export function articlePage(corpus: Corpus, page: number, language: Language): Reply {
  const paragraph = corpus.article.paragraphs[page];
  const count = corpus.article.paragraphs.length;
  if (!paragraph) return { problem: t(language, 'source.noPage', { page: page + 1, count }) };
  const buttons: Button[] = [];
  if (page > 0) buttons.push({ label: `◀ ¶${page - 1}`, action: sourceVerb.id(page - 1) });
  if (page < count - 1) buttons.push({ label: `¶${page + 1} ▶`, action: sourceVerb.id(page + 1) });
  buttons.push({ label: t(language, 'source.about'), action: sourceVerb.id(ABOUT) });
  return {
    title: page === 0 ? t(language, 'source.headlinePage') : t(language, 'source.page', { paragraph: page }),
    sections: [{ lines: [quote(paragraph.text, { paragraph: page })] }],
    status: t(language, 'render.page', { page: page + 1, count }),
    buttons,
  };
}

export const source = answerCommand({
  definition: withHide(commandForAllContexts('source', 'commands.source.description')).toJSON(),
  options: z.object({ ...hideOption }),
  answer: (_options, { corpus, language }) => sourceAnswer(corpus, language),
  buttons: [sourceVerb],
});
