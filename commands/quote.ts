import { formatCitation, parseCitation } from '../src/corpus/citation.js';
import type { Corpus } from '../src/corpus/load.js';
import { quote as quoted, type Answer, type Reply } from '../src/replies/answer.js';
import { encodeAction } from '../src/replies/custom-id.js';
import { echo } from '../src/replies/markdown.js';
import { QueryError } from '../src/search/search.js';
import { Suggestions } from '../src/search/suggest.js';
import type { ButtonHandler, Choice, Command, CommandContext } from './command.js';
import { everywhere, TEXT_MAX_LENGTH, withHide } from './definition.js';
import { notCovered } from '../src/answers/not-covered.js';
import { fullParagraphButton, paragraphAnswer, paragraphButton } from './paragraph.js';
import { EXPIRED, wholeArg } from './press.js';

const VERB = 'quote';
const MATCHES = 5;

/** One match: where it stands, and its words. */
interface Match {
  readonly citation: { readonly paragraph: number; readonly sentence: number };
  readonly excerpt: string;
  readonly ranges: readonly (readonly [number, number])[];
}

/** The matches a button names (`13.3,14.6`), re-read from the article; null if any is not there. */
function matchesFromCitations(list: string, query: string, context: CommandContext): Match[] | null {
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

/**
 * Match `index` (from 0) of a query's matches, with buttons to the others. The buttons carry
 * the list of matches itself, not just the query: a long query is shortened to fit a custom_id,
 * and searching the shortened words again could find other passages.
 */
function showMatch(query: string, matches: readonly Match[], index: number): Answer {
  const shown = Math.min(Math.max(index, 0), matches.length - 1);
  const match = matches[shown]!;
  const list = matches.map((m) => `${m.citation.paragraph}.${m.citation.sentence}`).join(',');
  return {
    title: `Quote: ${echo(query)}`,
    sections: [{ lines: [quoted(match.excerpt, match.citation, match.ranges)] }],
    status: `Match ${shown + 1} of ${matches.length} (${formatCitation(match.citation)})`,
    buttons: [
      ...(matches.length > 1
        ? [
            { label: '◀ Previous match', action: encodeAction(VERB, shown - 1, list, query), disabled: shown === 0 },
            {
              label: 'Next match ▶',
              action: encodeAction(VERB, shown + 1, list, query),
              disabled: shown === matches.length - 1,
            },
          ]
        : []),
      fullParagraphButton(match.citation.paragraph),
    ],
  };
}

/** The best matches of a query, the first shown. */
export function matchAnswer(query: string, context: CommandContext): Reply {
  let results;
  try {
    results = context.search.search(query, { limit: MATCHES });
  } catch (error) {
    if (error instanceof QueryError) return { problem: error.message };
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
  );
}

/** Built once per corpus: autocomplete runs on every keystroke. */
const suggestions = new WeakMap<Corpus, Suggestions>();

export const quote: Command = {
  definition: withHide(
    everywhere(
      'quote',
      'Quote the article: the passages that best match your words, verbatim and cited.',
      '引用文章：与您的词语最匹配的原文段落及出处',
    )
      .addStringOption((o) =>
        o
          .setName('text')
          .setDescription('Words or a phrase to find, e.g. “flock of sheep”.')
          .setRequired(true)
          .setMaxLength(TEXT_MAX_LENGTH)
          .setAutocomplete(true),
      )
      .addIntegerOption((o) =>
        o
          .setName('paragraph')
          .setDescription('Quote this paragraph instead: 0 is the headline, 1–15 the body.')
          .setMinValue(0)
          .setMaxValue(15),
      ),
  ).toJSON(),
  answers: true,
  execute(options, context) {
    const text = typeof options.text === 'string' ? options.text : '';
    if (typeof options.paragraph === 'number')
      return paragraphAnswer(options.paragraph, context, text.trim() ? text : undefined);
    return matchAnswer(text, context);
  },
  autocomplete(focused, context): Choice[] {
    let forCorpus = suggestions.get(context.corpus);
    if (!forCorpus) suggestions.set(context.corpus, (forCorpus = new Suggestions(context.corpus)));
    return forCorpus.suggest(focused.value).map((s) => ({ name: s.label, value: s.label }));
  },
  buttons: [
    {
      verb: VERB,
      arity: 3,
      press([index, list, query], context) {
        // -1 is what the disabled "Previous" button on the first match carries.
        const number = wholeArg(index, -1, MATCHES);
        const matches = list && query ? matchesFromCitations(list, query, context) : null;
        if (number === undefined || !matches || !query) return EXPIRED;
        return { mode: 'update', reply: showMatch(query, matches, number) };
      },
    } satisfies ButtonHandler,
    paragraphButton,
  ],
};
