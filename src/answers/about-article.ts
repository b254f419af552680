import type { Excerpt } from '../corpus/excerpt.js';
import type { Corpus } from '../corpus/load.js';
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
function yearsNote(corpus: Corpus): string {
  const years = corpus.article.paragraphs.flatMap((p) =>
    [...p.text.matchAll(/\b(?:19|20)\d\d\b/g)].map((m) => ({ year: m[0], paragraph: p.number })),
  );
  const named = years.length === 1 ? years[0] : undefined;
  const journal = named && corpus.glossary.find((e) => e.kind === 'title' && e.explanation?.text.includes(named.year));
  const year =
    named && journal
      ? ` The one year it names, ${named.year}, dates an issue of “${journal.term}” (¶${named.paragraph}).`
      : '';
  return `The text gives no year for these dates.${year} It gives no date of publication; it opens with “Recently” (¶1).`;
}

const last = (corpus: Corpus): number => corpus.article.paragraphs.length - 1;

/**
 * The answer to a question about the article itself, from its headline, its lead and its
 * sources (corpus/source.json): quoted and cited, with dates only as the text gives them.
 */
export function articleLines(topic: ArticleTopic, corpus: Corpus): Line[] {
  const { source, people } = corpus;
  const [pressConference, seminar] = source.events;
  switch (topic) {
    case 'summary':
      return [
        note('In its own words, the headline and the opening paragraph:'),
        sentence(corpus, 0),
        sentence(corpus, 1),
        note(
          `The rest reports what was said at a press conference on ${pressConference?.date ?? ''} (¶2–¶8, ¶12–¶${last(corpus)}), ` +
            `what Wang Qiushi had disclosed before (¶9), ` +
            `and a seminar opening on ${seminar?.date ?? ''} (¶10–¶11).`,
        ),
      ];
    case 'headline':
      return [note('The headline:'), sentence(corpus, 0)];
    case 'source':
      return [
        note(`It is a report by ${source.publisher.name}:`),
        quoted(source.publisher.evidence),
        note(`Its account of the press conference comes from ${source.relay.name}:`),
        quoted(source.relay.evidence),
        note('The text names no author and gives no link or date of publication.'),
      ];
    case 'when':
    case 'events':
      return [
        ...source.events.flatMap((event) => [note(`${event.label}, ${event.date}:`), quoted(event.evidence)]),
        note(yearsNote(corpus)),
      ];
    case 'people':
      return people.flatMap((person) => [note(`${person.name}:`), quoted(person.role)]);
    case 'place':
      return [
        note('It is about one province, Jilin, and its Provincial Party Committee:'),
        sentence(corpus, 0),
        sentence(corpus, 1),
      ];
    case 'length': {
      const words = corpus.article.paragraphs.reduce((sum, p) => sum + p.text.split(/\s+/).filter(Boolean).length, 0);
      return [
        note(`A headline and ${last(corpus)} paragraphs (¶1–¶${last(corpus)}), ${words} words in all. The headline:`),
        sentence(corpus, 0),
      ];
    }
  }
}
