import { z } from 'zod';
import { answerButton, wholeArg } from '../src/answers/buttons.js';
import type { AnswerContext } from '../src/answers/context.js';
import { notCovered } from '../src/answers/not-covered.js';
import { fullParagraphButton, paragraphAnswer, paragraphButton } from '../src/answers/paragraph.js';
import { formatCitation, parseCitation } from '../src/corpus/citation.js';
import { derivedFrom } from '../src/corpus/derived.js';
import { t, type Language } from '../src/i18n/words.js';
import { quote as quoted, type Answer, type Reply } from '../src/replies/answer.js';
import { echo } from '../src/replies/markdown.js';
import { QueryError } from '../src/search/search.js';
import { Suggestions } from '../src/search/suggest.js';
import { queryProblem } from '../src/answers/question.js';
import { answerCommand } from '../src/dispatch/command.js';
import {
  commandForAllContexts,
  described,
  freeText,
  hideOption,
  TEXT_MAX_LENGTH,
  withHide,
} from '../src/dispatch/definition.js';

const MATCHES = 5;

/** One match: where it stands, and its words. */
interface Match {
  readonly citation: { readonly paragraph: number; readonly sentence: number };
  readonly excerpt: string;
  readonly ranges: readonly (readonly [number, number])[];
}

/** The matches a button names (`13.3,14.6`), re-read from the article; null if any is not there. */
function matchesFromCitations(list: string, query: string, context: AnswerContext): Match[] | null {
  const matches: Match[] = [];
  for (const item of list.split(',')) {
    const citation = parseCitation(`¶${item}`);
    const paragraph = citation && context.corpus.article.paragraphs[citation.paragraph];
    const sentence = citation?.sentence !== undefined ? paragraph?.sentences[citation.sentence - 1] : undefined;
    if (!paragraph || !sentence) return null;
    const ranges = context.search
      .highlight(query, paragraph.number)
      .filter(([start, end]) => start >= sentence.start && end <= sentence.end)
      .map(([start, end]) => [start - sentence.start, end - sentence.start] as const);
    matches.push({
      citation: { paragraph: paragraph.number, sentence: sentence.number },
      excerpt: sentence.text,
      ranges,
    });
  }
  return matches.length > 0 && matches.length <= MATCHES ? matches : null;
}

const citationList = (matches: readonly Match[]): string =>
  matches.map((m) => `${m.citation.paragraph}.${m.citation.sentence}`).join(',');

/** A page of matches: which one is shown (from 0), of which matches, for which query. */
interface MatchPage {
  readonly index: number;
  readonly matches: readonly Match[];
  readonly query: string;
}

/**
 * ◀ / ▶ between the matches. The buttons carry the list of matches itself, not just the query:
 * a long query is shortened to fit a custom_id, and searching the shortened words again could
 * find other passages. "Previous" on the first match carries -1 (it is disabled).
 */
const matchButton = answerButton<MatchPage>({
  verb: 'quote',
  arity: 3,
  write: ({ index, matches, query }) => [index, citationList(matches), query],
  read([index, list, query], context) {
    const number = wholeArg(index, -1, MATCHES);
    const matches = list && query ? matchesFromCitations(list, query, context) : null;
    return number === undefined || !matches || !query ? undefined : { index: number, matches, query };
  },
  press: ({ index, matches, query }, { language }) => ({
    mode: 'update',
    reply: showMatch(query, matches, index, language),
  }),
});

/** Match `index` (from 0) of a query's matches, with buttons to the others. */
function showMatch(query: string, matches: readonly Match[], index: number, language: Language): Answer {
  const shown = Math.min(Math.max(index, 0), matches.length - 1);
  const match = matches[shown]!;
  return {
    title: t(language, 'quote.title', { query: echo(query) }),
    sections: [{ lines: [quoted(match.excerpt, match.citation, match.ranges)] }],
    status: t(language, 'quote.status', {
      number: shown + 1,
      count: matches.length,
      citation: formatCitation(match.citation),
    }),
    buttons: [
      ...(matches.length > 1
        ? [
            {
              label: t(language, 'quote.previous'),
              action: matchButton.id({ index: shown - 1, matches, query }),
              disabled: shown === 0,
            },
            {
              label: t(language, 'quote.next'),
              action: matchButton.id({ index: shown + 1, matches, query }),
              disabled: shown === matches.length - 1,
            },
          ]
        : []),
      fullParagraphButton(match.citation.paragraph, language),
    ],
  };
}

/** The best matches of a query, the first shown. */
export function matchAnswer(query: string, context: AnswerContext): Reply {
  let results;
  try {
    results = context.search.search(query, { limit: MATCHES });
  } catch (error) {
    if (error instanceof QueryError) return { problem: queryProblem(error, query, context.language) };
    throw error;
  }
  if (results.length === 0) return notCovered(query, context);
  return showMatch(
    query,
    results.map((r) => ({
      citation: { paragraph: r.paragraph, sentence: r.sentence },
      excerpt: r.excerpt,
      ranges: r.ranges,
    })),
    0,
    context.language,
  );
}

/** Autocomplete runs on every keystroke. */
const suggestionsOf = derivedFrom((corpus) => new Suggestions(corpus));

export const quote = answerCommand({
  definition: withHide(
    commandForAllContexts('quote', 'commands.quote.description')
      .addStringOption((o) =>
        described(o.setName('text'), 'commands.quote.text')
          .setRequired(true)
          .setMaxLength(TEXT_MAX_LENGTH)
          .setAutocomplete(true),
      )
      .addIntegerOption((o) =>
        described(o.setName('paragraph'), 'commands.quote.paragraph').setMinValue(0).setMaxValue(15),
      ),
  ).toJSON(),
  options: z.object({ text: freeText(), paragraph: z.int().min(0).max(15).optional(), ...hideOption }),
  answer({ text, paragraph }, context) {
    if (paragraph !== undefined) return paragraphAnswer(paragraph, context, text.trim() ? text : undefined);
    return matchAnswer(text, context);
  },
  autocomplete: (focused, { corpus }) =>
    suggestionsOf(corpus)
      .suggest(focused.value)
      .map((s) => ({ name: s.label, value: s.label })),
  buttons: [matchButton, paragraphButton],
});
