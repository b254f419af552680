import { glossaryNote } from '../i18n/curated.js';
import { t } from '../i18n/words.js';
import { note, quote, type Line } from '../replies/answer.js';
import type { Passage } from '../search/search.js';
import type { AnswerContext } from './context.js';

/** "What is a baton?", "what does two coverages mean": a question about what a term means. */
const ASKS_MEANING = /\b(what(?:'s| is| are| does| do)|meaning|means?|mean by|define|definition|explain)\b/i;

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The glossary's word on the terms a question asks the meaning of: the article's own explanation,
 * or that it gives none. Without this an excerpt that merely uses a term would read as its definition.
 */
export function termLines(question: string, passages: readonly Passage[], { corpus, language }: AnswerContext): Line[] {
  if (!ASKS_MEANING.test(question)) return [];
  const folded = question.toLowerCase().replace(/[“”‘’"']/g, ' ');
  const asked = corpus.glossary.filter(
    (entry) => entry.kind === 'term' && new RegExp(`\\b${escapeRegExp(entry.term.toLowerCase())}\\b`).test(folded),
  );
  // "lion packs" asked: the plural's entry, not also the singular's.
  const longest = asked.filter((entry) => !asked.some((other) => other !== entry && other.term.includes(entry.term)));
  return longest.slice(0, 2).flatMap((entry): Line[] => {
    const { explanation } = entry;
    if (!explanation)
      return [
        note(
          t(language, 'terms.line', {
            term: entry.term,
            note: glossaryNote(language, entry) ?? t(language, 'terms.unexplained'),
          }),
        ),
      ];
    const quotedAbove = passages.some(
      (p) => p.paragraph === explanation.paragraph && p.excerpt.includes(explanation.text),
    );
    const citation =
      explanation.sentence === undefined
        ? { paragraph: explanation.paragraph }
        : { paragraph: explanation.paragraph, sentence: explanation.sentence };
    return quotedAbove
      ? [note(t(language, 'terms.explainedAbove', { term: entry.term }))]
      : [note(t(language, 'terms.explainsThisWay', { term: entry.term })), quote(explanation.text, citation)];
  });
}
