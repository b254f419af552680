import { z } from 'zod';
import { answerButton, wholeArg } from '../src/answers/buttons.js';
import { quoteExcerpt } from '../src/answers/excerpts.js';
import { PARAGRAPH_COUNT } from '../src/corpus/article.js';
import type { Corpus } from '../src/corpus/load.js';
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
  press: (which, { corpus }) => ({
    mode: 'update',
    reply: which === ABOUT ? sourceAnswer(corpus) : articlePage(corpus, which),
  }),
});

/**
 * Where the text comes from, each claim resting on the words that show it. Only the dates the
 * text states are given: it states no year for them, so none is shown.
 */
export function sourceAnswer(corpus: Corpus): Answer {
  const { source, article } = corpus;
  const body = article.paragraphs.length - 1;
  return {
    title: 'Where this text comes from',
    sections: [
      { heading: 'Headline', lines: [quoteExcerpt(source.headline)] },
      { heading: `Publisher: ${source.publisher.name}`, lines: [quoteExcerpt(source.publisher.evidence)] },
      { heading: `According to: ${source.relay.name}`, lines: [quoteExcerpt(source.relay.evidence)] },
      ...source.events.map((event) => ({
        heading: `${event.date}: ${event.label}`,
        lines: [quoteExcerpt(event.evidence)],
      })),
      {
        heading: 'The text',
        lines: [
          note(`${article.paragraphs.length} paragraphs: the headline (¶0) and ${body} body paragraphs (¶1–¶${body}).`),
          note(
            `Text hash ${corpus.hash}: the first 12 hex digits of the SHA-256 of the exact text every citation points into.`,
          ),
        ],
      },
    ],
    buttons: [{ label: 'Read the article ▶', action: sourceVerb.id(0), style: 'primary' }],
  };
}

/** One paragraph per page, whole and cited, so the full text can be read in order. */
export function articlePage(corpus: Corpus, page: number): Reply {
  const paragraph = corpus.article.paragraphs[page];
  const count = corpus.article.paragraphs.length;
  if (!paragraph) return { problem: `There is no page ${page + 1}: the article has ${count} paragraphs.` };
  const buttons: Button[] = [];
  if (page > 0) buttons.push({ label: `◀ ¶${page - 1}`, action: sourceVerb.id(page - 1) });
  if (page < count - 1) buttons.push({ label: `¶${page + 1} ▶`, action: sourceVerb.id(page + 1) });
  buttons.push({ label: 'About the source', action: sourceVerb.id(ABOUT) });
  return {
    title: page === 0 ? 'The article: the headline (¶0)' : `The article: ¶${page}`,
    sections: [{ lines: [quote(paragraph.text, { paragraph: page })] }],
    status: `Page ${page + 1} of ${count}`,
    buttons,
  };
}

export const source = answerCommand({
  definition: withHide(
    commandForAllContexts(
      'source',
      'Where the text comes from: headline, publisher, dates it states, and the full text to read.',
      '出处：标题、发布者、文中日期，并可逐段阅读全文',
    ),
  ).toJSON(),
  options: z.object({ ...hideOption }),
  answer: (_options, { corpus }) => sourceAnswer(corpus),
  buttons: [sourceVerb],
});
