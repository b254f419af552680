import type { Excerpt } from '../corpus/excerpt.js';
import type { Corpus } from '../corpus/load.js';
import { dateIn, eventLabel } from '../i18n/curated.js';
import { t, type Language } from '../i18n/words.js';
import { note, quote, type Line } from '../replies/answer.js';
import type { ArticleTopic } from '../search/search.js';

/** A verified excerpt quoted with the place that holds it; the headline is one line, cited ¶0. */
function quoted(excerpt: Pick<Excerpt, 'paragraph' | 'sentence' | 'text'>): Line {
  const citation =
    excerpt.sentence === undefined || excerpt.paragraph === 0
      ? { paragraph: excerpt.paragraph }
      : { paragraph: excerpt.paragraph, sentence: excerpt.sentence };
  return quote(excerpt.text, citation);
}

function sentence(corpus: Corpus, paragraph: number, number = 1): Line {
  const text = corpus.article.paragraphs[paragraph]!.sentences[number - 1]!.text;
  return quoted({ paragraph, sentence: number, text });
}

/** What the text says of years: none for its events; the one it names dates a journal issue. */
function yearsNote(corpus: Corpus, language: Language): string {
  const years = corpus.article.paragraphs.flatMap((p) =>
    [...p.text.matchAll(/\b(?:19|20)\d\d\b/g)].map((m) => ({ year: m[0], paragraph: p.number })),
  );
  const named = years.length === 1 ? years[0] : undefined;
  const journal = named && corpus.glossary.find((e) => e.kind === 'title' && e.explanation?.text.includes(named.year));
  return named && journal
    ? t(language, 'article.yearsNamed', { year: named.year, journal: journal.term, paragraph: named.paragraph })
    : t(language, 'article.yearsNone');
}

const last = (corpus: Corpus): number => corpus.article.paragraphs.length - 1;

/**
 * The answer to a question about the article itself, from its headline, its lead and its
 * sources (corpus/source.json): quoted and cited, with dates only as the text gives them.
 */
export function articleLines(topic: ArticleTopic, corpus: Corpus, language: Language): Line[] {
  const { source, people } = corpus;
  const [pressConference, seminar] = source.events;
  switch (topic) {
    case 'summary':
      return [
        note(t(language, 'article.ownWords')),
        sentence(corpus, 0),
        sentence(corpus, 1),
        note(
          t(language, 'article.rest', {
            pressConference: dateIn(language, pressConference?.date ?? ''),
            seminar: dateIn(language, seminar?.date ?? ''),
            last: last(corpus),
          }),
        ),
      ];
    case 'headline':
      return [note(t(language, 'article.headline')), sentence(corpus, 0)];
    case 'source':
      return [
        note(t(language, 'article.reportBy', { publisher: source.publisher.name })),
        quoted(source.publisher.evidence),
        note(t(language, 'article.relayed', { relay: source.relay.name })),
        quoted(source.relay.evidence),
        note(t(language, 'article.noAuthor')),
      ];
    case 'when':
    case 'events':
      return [
        ...source.events.flatMap((event) => [
          note(
            t(language, 'article.event', { label: eventLabel(language, event), date: dateIn(language, event.date) }),
          ),
          quoted(event.evidence),
        ]),
        note(yearsNote(corpus, language)),
      ];
    case 'people':
      return people.flatMap((person) => [
        note(t(language, 'article.person', { name: person.name })),
        quoted(person.role),
      ]);
    case 'place':
      return [note(t(language, 'article.place')), sentence(corpus, 0), sentence(corpus, 1)];
    case 'length': {
      const words = corpus.article.paragraphs.reduce((sum, p) => sum + p.text.split(/\s+/).filter(Boolean).length, 0);
      return [note(t(language, 'article.length', { last: last(corpus), words })), sentence(corpus, 0)];
    }
  }
}
