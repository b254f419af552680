import type { Excerpt } from '../corpus/excerpt.js';
import { quote, type Line } from '../replies/answer.js';
import type { Range } from '../corpus/range.js';
import { list, type Language } from '../i18n/words.js';

/** The headline is one line, not a paragraph of sentences: it is cited `¶0`, never `¶0.1`. */
const HEADLINE = 0;

/**
 * A verified excerpt from the corpus annotations as a quoted line. It is cited to its sentence
 * when one sentence holds it, else to its paragraph: the citation must never claim more
 * precision than the excerpt has.
 */
export function quoteExcerpt(excerpt: Excerpt, ranges?: readonly Range[]): Line {
  const bySentence = excerpt.sentence !== undefined && excerpt.paragraph !== HEADLINE;
  const citation = bySentence
    ? { paragraph: excerpt.paragraph, sentence: excerpt.sentence }
    : { paragraph: excerpt.paragraph };
  return quote(excerpt.text, citation, ranges);
}

/** Paragraph numbers as a reader cites them: `¶3, ¶4, ¶5` (`¶3、¶4、¶5` in Chinese). */
export function paragraphList(paragraphs: readonly number[], language: Language): string {
  return list(
    language,
    paragraphs.map((p) => `¶${p}`),
  );
}
