import { note, quote, type Answer, type Button, type Reply } from '../replies/answer.js';
import { answerButton, wholeArg } from './buttons.js';
import type { AnswerContext } from './context.js';

/** One whole paragraph, verbatim, with the query's words in bold when there is a query. */
export function paragraphAnswer(paragraph: number, context: AnswerContext, query?: string): Reply {
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

/** "Full paragraph ¶N": the whole paragraph in a new message, for the presser only. */
export const paragraphButton = answerButton<number>({
  verb: 'para',
  arity: 1,
  write: (paragraph) => [paragraph],
  read: ([paragraph], { corpus }) => wholeArg(paragraph, 0, corpus.article.paragraphs.length - 1),
  press: (paragraph, context) => ({ mode: 'reply', reply: paragraphAnswer(paragraph, context) }),
});

/** The button that opens a whole paragraph, quoted, for the person who pressed it. */
export function fullParagraphButton(paragraph: number): Button {
  return { label: `Full paragraph ¶${paragraph}`, action: paragraphButton.id(paragraph) };
}
