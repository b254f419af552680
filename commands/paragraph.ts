import { note, quote, type Answer, type Reply } from '../src/replies/answer.js';
import { encodeAction } from '../src/replies/custom-id.js';
import type { ButtonHandler, CommandContext } from './command.js';
import { EXPIRED, wholeArg } from './press.js';

export const PARAGRAPH_VERB = 'para';

/** The button that opens a whole paragraph, quoted, for the person who pressed it. */
export function fullParagraphButton(paragraph: number) {
  return { label: `Full paragraph ¶${paragraph}`, action: encodeAction(PARAGRAPH_VERB, paragraph) };
}

/** One whole paragraph, verbatim, with the query's words in bold when there is a query. */
export function paragraphAnswer(paragraph: number, context: CommandContext, query?: string): Reply {
  const text = context.corpus.article.paragraphs[paragraph]?.text;
  if (text === undefined) return { problem: `There is no ¶${paragraph}: the article has ¶0 (the headline) to ¶15.` };
  const ranges = query ? context.search.highlight(query, paragraph) : [];
  const answer: Answer = {
    title: paragraph === 0 ? 'The headline (¶0)' : `Paragraph ¶${paragraph}`,
    sections: [{ lines: [quote(text, { paragraph }, ranges)] }],
  };
  return ranges.length === 0 && query
    ? { ...answer, sections: [...answer.sections, { lines: [note('(None of your words appear in this paragraph.)')] }] }
    : answer;
}

export const paragraphButton: ButtonHandler = {
  verb: PARAGRAPH_VERB,
  arity: 1,
  press([paragraph], context) {
    const number = wholeArg(paragraph, 0, context.corpus.article.paragraphs.length - 1);
    return number === undefined ? EXPIRED : { mode: 'reply', reply: paragraphAnswer(number, context) };
  },
};
