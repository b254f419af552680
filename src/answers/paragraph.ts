import { t, type Language } from '../i18n/words.js';
import { note, quote, type Answer, type Button, type Reply } from '../replies/answer.js';
import { answerButton, wholeArg } from './buttons.js';
import type { AnswerContext } from './context.js';

/** One whole paragraph, verbatim, with the query's words in bold when there is a query. */
export function paragraphAnswer(paragraph: number, context: AnswerContext, query?: string): Reply {
  const { language } = context;
  const text = context.corpus.article.paragraphs[paragraph]?.text;
  if (text === undefined) return { problem: t(language, 'paragraph.none', { paragraph }) };
  const ranges = query ? context.search.highlight(query, paragraph) : [];
  const answer: Answer = {
    title: paragraph === 0 ? t(language, 'paragraph.headline') : t(language, 'paragraph.title', { paragraph }),
    sections: [{ lines: [quote(text, { paragraph }, ranges)] }],
  };
  return ranges.length === 0 && query
    ? { ...answer, sections: [...answer.sections, { lines: [note(t(language, 'paragraph.noWords'))] }] }
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
export function fullParagraphButton(paragraph: number, language: Language): Button {
  return { label: t(language, 'paragraph.button', { paragraph }), action: paragraphButton.id(paragraph) };
}
