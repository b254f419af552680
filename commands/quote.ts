import { formatCitation } from '../src/corpus/citation.js';
import { quote as quoted, type Answer, type Reply } from '../src/replies/answer.js';
import { encodeAction } from '../src/replies/custom-id.js';
import { echo } from '../src/replies/markdown.js';
import { QueryError } from '../src/search/search.js';
import { Suggestions } from '../src/search/suggest.js';
import type { ButtonHandler, Choice, Command, CommandContext } from './command.js';
import { everywhere, TEXT_MAX_LENGTH, withHide } from './definition.js';
import { notCovered } from './not-covered.js';
import { fullParagraphButton, paragraphAnswer, paragraphButton } from './paragraph.js';

const VERB = 'quote';
const MATCHES = 5;

/** Match `index` (from 0) of the query's best matches, with buttons to the others. */
export function matchAnswer(query: string, index: number, context: CommandContext): Reply {
  let results;
  try {
    results = context.search.search(query, { limit: MATCHES });
  } catch (error) {
    if (error instanceof QueryError) return { problem: error.message };
    throw error;
  }
  if (results.length === 0) return notCovered(query, context);
  const shown = Math.min(Math.max(index, 0), results.length - 1);
  const result = results[shown]!;
  const citation = { paragraph: result.paragraph, sentence: result.sentence };
  const answer: Answer = {
    title: `Quote: ${echo(query)}`,
    sections: [{ lines: [quoted(result.excerpt, citation, result.ranges)] }],
    status: `Match ${shown + 1} of ${results.length} (${formatCitation(citation)})`,
    buttons: [
      ...(results.length > 1
        ? [
            { label: '◀ Previous match', action: encodeAction(VERB, shown - 1, query), disabled: shown === 0 },
            { label: 'Next match ▶', action: encodeAction(VERB, shown + 1, query), disabled: shown === results.length - 1 },
          ]
        : []),
      fullParagraphButton(result.paragraph),
    ],
  };
  return answer;
}

let suggestions: Suggestions | undefined;

export const quote: Command = {
  definition: withHide(
    everywhere('quote', 'Quote the article: the passages that best match your words, verbatim and cited.', '引用文章：与您的词语最匹配的原文段落及出处')
      .addStringOption((o) =>
        o.setName('text').setDescription('Words or a phrase to find, e.g. “flock of sheep”.').setRequired(true).setMaxLength(TEXT_MAX_LENGTH).setAutocomplete(true),
      )
      .addIntegerOption((o) => o.setName('paragraph').setDescription('Quote this paragraph instead: 0 is the headline, 1–15 the body.').setMinValue(0).setMaxValue(15)),
  ).toJSON(),
  answers: true,
  execute(options, context) {
    const text = typeof options.text === 'string' ? options.text : '';
    if (typeof options.paragraph === 'number') return paragraphAnswer(options.paragraph, context, text.trim() ? text : undefined);
    return matchAnswer(text, 0, context);
  },
  autocomplete(focused, context): Choice[] {
    suggestions ??= new Suggestions(context.corpus);
    return suggestions.suggest(focused.value).map((s) => ({ name: s.label, value: s.label }));
  },
  buttons: [
    {
      verb: VERB,
      arity: 2,
      press([index, query], context) {
        const number = Number(index);
        if (!Number.isInteger(number) || !query) return { mode: 'reply', reply: { problem: 'This answer has expired: ask again.' } };
        return { mode: 'update', reply: matchAnswer(query, number, context) };
      },
    } satisfies ButtonHandler,
    paragraphButton,
  ],
};
