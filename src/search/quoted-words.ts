import type { Article } from '../corpus/article.js';
import { quotedSpans } from '../corpus/quoted.js';
import { baseKey, exactKey, type IndexedParagraph } from './index.js';
import { STOPWORDS } from './stopwords.js';
import { tokenize } from './text.js';

/** A quoted span this short is a term (“capital chain”, ‘lion pack’); a longer one is speech. */
const TERM_WORDS = 6;
/** In quoted speech, words this near each other go together ("a lion leading a flock of sheep"). */
const SPEECH_WINDOW = 5;

/**
 * Words the article uses only between quotation marks: its terms (“capital chain”, “traffic
 * lights”) and the speech it quotes (the lions and sheep of ¶11). Such a word, asked alone, is
 * most often asked in its everyday sense ("the capital of France", "what do lions eat"); with
 * a partner from its term ("capital chain"), or in quotation marks, it is the article's.
 */
export class QuotedWords {
  /** Posting key of a word used only in quotes → the stems of the other words of each short span it stands in. */
  readonly #partners = new Map<string, string[][]>();

  constructor(article: Article, paragraphs: readonly IndexedParagraph[]) {
    const spans = quotedSpans(article);
    const inQuotes = new Map<string, boolean>();
    const partners = new Map<string, string[][]>();
    for (const paragraph of paragraphs) {
      const own = spans.filter((s) => s.paragraph === paragraph.number);
      const { tokens } = paragraph;
      for (const [at, token] of tokens.entries()) {
        // The innermost span: ‘lion pack’ inside the speech that holds it.
        const span = own
          .filter((s) => token.start >= s.start && token.end <= s.start + s.text.length)
          .sort((a, b) => a.text.length - b.text.length)[0];
        let near: string[] = [];
        if (span) {
          const words = tokenize(span.text).filter((t) => !STOPWORDS.has(t.word));
          near =
            words.length <= TERM_WORDS
              ? words.map((t) => t.stem)
              : tokens
                  .slice(Math.max(0, at - SPEECH_WINDOW), at + SPEECH_WINDOW + 1)
                  .filter((t) => !STOPWORDS.has(t.word))
                  .map((t) => t.stem);
        }
        const others = near.filter((stem) => stem !== token.stem);
        for (const key of [exactKey(token.word), baseKey(token.base), token.stem]) {
          inQuotes.set(key, (inQuotes.get(key) ?? true) && span !== undefined);
          if (others.length > 0) partners.set(key, [...(partners.get(key) ?? []), others]);
        }
      }
    }
    for (const [key, only] of inQuotes) if (only) this.#partners.set(key, partners.get(key) ?? []);
  }

  /** Whether the article uses this posting key only in quotes. */
  quoted(key: string): boolean {
    return this.#partners.has(key);
  }

  /**
   * Whether the article uses this posting key only in quotes, and the question gives none of
   * its partners (the question's stems).
   */
  aloneInQuestion(key: string, questionStems: ReadonlySet<string>): boolean {
    const partners = this.#partners.get(key);
    if (!partners) return false;
    return !partners.some((words) => words.some((stem) => questionStems.has(stem)));
  }
}
