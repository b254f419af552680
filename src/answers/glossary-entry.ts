import type { Article } from '../corpus/article.js';
import type { GlossaryEntry } from '../corpus/load.js';
import { glossaryNote } from '../i18n/curated.js';
import { t, type Language, type WordKey } from '../i18n/words.js';
import { note, quote, type Answer, type Line } from '../replies/answer.js';
import { paragraphList, quoteExcerpt } from './excerpts.js';
import { fullParagraphButton } from './paragraph.js';

const KINDS: Record<GlossaryEntry['kind'], WordKey> = {
  term: 'glossary.kinds.term',
  slogan: 'glossary.kinds.slogan',
  title: 'glossary.kinds.title',
};

/**
 * The sentences that print the term inside quotation marks, with the term in bold. Only the
 * quoted form counts: “lion pack” must not find the sentence about ‘lion packs’. A quotation
 * that spans sentences is cited to its whole paragraph.
 */
export function occurrences(article: Article, entry: GlossaryEntry): Line[] {
  const lines: Line[] = [];
  for (const number of entry.paragraphs) {
    const paragraph = article.paragraphs[number];
    if (!paragraph) continue;
    const starts = [`“${entry.term}”`, `‘${entry.term}’`].flatMap((marked) => offsetsOf(paragraph.text, marked));
    const shown = new Set<number>();
    for (const start of starts.sort((a, b) => a - b)) {
      const end = start + entry.term.length;
      const sentence = paragraph.sentences.find((s) => start >= s.start && end <= s.end);
      if (!sentence) {
        lines.push(quote(paragraph.text, { paragraph: number }, [[start, end]]));
        continue;
      }
      if (shown.has(sentence.number)) continue;
      shown.add(sentence.number);
      const ranges = starts
        .filter((s) => s >= sentence.start && s + entry.term.length <= sentence.end)
        .map((s) => [s - sentence.start, s - sentence.start + entry.term.length] as const);
      lines.push(quote(sentence.text, { paragraph: number, sentence: sentence.number }, ranges));
    }
  }
  return lines;
}

/** Offsets just inside each quotation mark that opens `marked` in `text`. */
function offsetsOf(text: string, marked: string): number[] {
  const found: number[] = [];
  for (let at = text.indexOf(marked); at >= 0; at = text.indexOf(marked, at + 1)) found.push(at + 1);
  return found;
}

/**
 * A glossary entry: where the article quotes the term, and its explanation in the article's
 * words when it gives one. When it gives none the curated note says so, because an
 * explanation from anywhere else would be the bot's, not the article's.
 */
export function glossaryAnswer(article: Article, entry: GlossaryEntry, language: Language): Answer {
  const explained: Line[] = entry.explanation ? [quoteExcerpt(entry.explanation)] : [];
  const said = glossaryNote(language, entry) ?? (entry.explanation ? undefined : t(language, 'glossary.unexplained'));
  return {
    title: `“${entry.term}”`,
    intro: t(language, 'glossary.intro', {
      kind: t(language, KINDS[entry.kind]),
      paragraphs: paragraphList(entry.paragraphs, language),
    }),
    sections: [
      { heading: t(language, 'glossary.appears'), lines: occurrences(article, entry) },
      ...(explained.length ? [{ heading: t(language, 'glossary.explains'), lines: explained }] : []),
      ...(said ? [{ heading: t(language, 'glossary.note'), lines: [note(said)] }] : []),
    ],
    buttons: entry.paragraphs.map((paragraph) => fullParagraphButton(paragraph, language)),
  };
}
