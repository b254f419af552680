import { note, quote, type Answer, type Line, type Reply } from '../replies/answer.js';
import { quoteExcerpt } from './excerpts.js';
import { echo } from '../replies/markdown.js';
import { QueryError, type SearchResult } from '../search/search.js';
import type { CommandContext } from './context.js';
import { notCovered } from './not-covered.js';
import { fullParagraphButton } from './paragraph.js';

const MAX_PASSAGES = 3;
/** A passage much weaker than the best is a digression, not part of the answer. */
const RELATIVE_FLOOR = 0.6;

/** The best passages for a question, one per paragraph, most relevant first. */
export function bestPassages(question: string, context: CommandContext): SearchResult[] {
  const results = context.search.search(question, { limit: MAX_PASSAGES });
  const best = results[0]?.score ?? 0;
  return results.filter((r) => r.score >= best * RELATIVE_FLOOR);
}

/** "What is a baton?", "what does two coverages mean": a question about what a term means. */
const ASKS_MEANING = /\b(what(?:'s| is| are| does| do)|meaning|means?|mean by|define|definition|explain)\b/i;

/**
 * The glossary's word on the terms a question asks the meaning of: the article's own explanation,
 * or that it gives none. Without this an excerpt that merely uses a term would read as its definition.
 */
function termLines(question: string, passages: readonly SearchResult[], context: CommandContext): Line[] {
  if (!ASKS_MEANING.test(question)) return [];
  const folded = question.toLowerCase().replace(/[“”‘’"']/g, ' ');
  const asked = context.corpus.glossary.filter(
    (entry) => entry.kind === 'term' && new RegExp(`\\b${escapeRegExp(entry.term.toLowerCase())}\\b`).test(folded),
  );
  // "lion packs" asked: the plural's entry, not also the singular's.
  const longest = asked.filter((entry) => !asked.some((other) => other !== entry && other.term.includes(entry.term)));
  return longest.slice(0, 2).flatMap((entry): Line[] => {
    const { explanation } = entry;
    if (!explanation) return [note(`“${entry.term}”: ${entry.note ?? 'the article does not explain it.'}`)];
    const quotedAbove = passages.some(
      (p) => p.paragraph === explanation.paragraph && p.excerpt.includes(explanation.text),
    );
    return quotedAbove
      ? [note(`The passage above is how the article explains “${entry.term}”.`)]
      : [note(`The article explains “${entry.term}” this way:`), quoteExcerpt(explanation)];
  });
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** An answer to a question in plain words: quoted passages, or a plain "not covered". */
export function answerQuestion(question: string, context: CommandContext): Reply {
  let passages: SearchResult[];
  try {
    passages = bestPassages(question, context);
  } catch (error) {
    if (error instanceof QueryError) return { problem: error.message };
    throw error;
  }
  if (passages.length === 0) return notCovered(question, context);
  const terms = termLines(question, passages, context);
  const answer: Answer = {
    title: echo(question, 200),
    intro:
      passages.length === 1
        ? 'What the article says:'
        : `What the article says, in ${passages.length} passages, most relevant first:`,
    sections: [
      { lines: passages.map((p) => quote(p.excerpt, { paragraph: p.paragraph, sentence: p.sentence }, p.ranges)) },
      ...(terms.length ? [{ heading: 'The term', lines: terms }] : []),
    ],
    buttons: passages.map((p) => fullParagraphButton(p.paragraph)),
  };
  return answer;
}
