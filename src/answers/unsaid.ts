import { list, t, type Language } from '../i18n/words.js';
import { note, quote, type Line, type Section } from '../replies/answer.js';
import type { Unsaid } from '../search/search.js';

/**
 * For a question about something the article names but asking what it does not say: that it
 * does not say, then, apart and labelled as not the answer, what it does say of the thing.
 */
export function unsaidSections(unsaid: readonly Unsaid[], language: Language, heading?: string): Section[] {
  const said: Line[] = unsaid.map((u) =>
    quote(
      u.excerpt,
      u.sentence === undefined || u.paragraph === 0
        ? { paragraph: u.paragraph }
        : { paragraph: u.paragraph, sentence: u.sentence },
    ),
  );
  const names = list(
    language,
    unsaid.map((u) => t(language, 'unsaid.name', { name: u.name })),
  );
  return [
    { ...(heading ? { heading } : {}), lines: [note(t(language, 'unsaid.doesNotSay'))] },
    { heading: t(language, 'unsaid.notTheAnswer', { names }), lines: said },
  ];
}
