import type { Article } from '../corpus/article.js';
import { quotedSpans } from '../corpus/quoted.js';
import { ASKED_ELSEWHERE, baseKey, exactKey, type IndexedParagraph } from './index.js';
import type { Concept } from './query.js';
import { STOPWORDS } from './stopwords.js';
import { tokenize, type Token } from './text.js';

/** A word the article uses only in quotes, asked alone in its everyday sense, counts this much. */
export const ALONE_TRUST = 0.35;

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
          // A term goes with the words the text sets right beside it too: “five more” goals.
          const end = span.start + span.text.length;
          const beside = [tokens.findLast((t) => t.end <= span.start), tokens.find((t) => t.start >= end)].filter(
            (t): t is Token => t !== undefined && !STOPWORDS.has(t.word),
          );
          near =
            words.length <= TERM_WORDS
              ? [...words, ...beside].map((t) => t.stem)
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
    for (const [key, only] of inQuotes) {
      if (only) this.#partners.set(key, partners.get(key) ?? []);
      else this.#unquoted.add(key);
    }
  }

  /** Posting keys the article uses outside quotes somewhere. */
  readonly #unquoted = new Set<string>();

  /** Whether the article uses this posting key only in quotes. */
  quoted(key: string): boolean {
    return this.#partners.has(key);
  }

  /** Whether the article uses a word only in quotes: "talent" stands only in “talent chain”, but "talents" stands in the text. */
  onlyInQuotes(token: Token): boolean {
    const keys = [exactKey(token.word), baseKey(token.base), token.stem];
    return keys.some((key) => this.quoted(key)) && !keys.some((key) => this.#unquoted.has(key));
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

  /**
   * Ideas read from another language ("狮子" as "lion"), those standing only for words the article
   * uses only in quotes, with none of their partners among the other ideas, weighed down by `trust`;
   * `asThing` ("红绿灯是怎么工作的" asks how the thing itself works): whatever else is asked.
   */
  weighForeign(concepts: readonly Concept[], trust: number, asThing = false): Concept[] {
    // Each idea's stems, worked out only if some idea is found standing for quoted words alone.
    let stems: (readonly string[])[] | undefined;
    return concepts.map((c, i) => {
      const own = c.alternatives.filter((a) => !a.key.startsWith(ASKED_ELSEWHERE)).map((a) => a.key);
      const words = own.filter((key) => /^[=~]/.test(key));
      // A phrase of the article's words ("lion pack") asked whole is the article's own term,
      // unless the question asks how the thing itself works.
      if (words.length === 0 && !asThing) return c;
      const phrases = own.filter((key) => !/^[=~]/.test(key));
      if (own.length === 0 || !words.every((key) => this.quoted(key))) return c;
      if (!phrases.every((key) => key.split(' ').every((stem) => STOPWORDS.has(stem) || this.quoted(stem)))) return c;
      if (!asThing) {
        stems ??= concepts.map(stemsOf);
        const others = new Set(stems.flatMap((list, k) => (k === i ? [] : list)));
        if (!words.every((key) => this.aloneInQuestion(key, others))) return c;
      }
      return { ...c, alternatives: c.alternatives.map((a) => ({ ...a, weight: a.weight * trust })) };
    });
  }

  /**
   * The question's ideas, those asked in the everyday sense of a word the article uses only in
   * quotes weighed down by `trust`. The article's sense is meant when the asker quotes, speaks of
   * who said it (`spokenOf`, or "said", "quote"), or gives the term's partner; "how do X work"
   * (`mechanism`, offsets of X) asks of the thing itself whatever else is given.
   */
  weigh(
    concepts: readonly Concept[],
    tokens: readonly Token[],
    text: string,
    {
      spokenOf,
      mechanism,
      trust,
      figurative = () => false,
      everyday = Infinity,
    }: {
      spokenOf: boolean;
      mechanism?: readonly [number, number];
      /** From this offset the asker means the things themselves ("real lions…"): every such word is everyday. */
      everyday?: number;
      trust: number;
      /** Whether the word at this token is said of someone as a figure ("stop being sheep"). */
      figurative?: (first: number) => boolean;
    },
  ): Concept[] {
    const stems = new Set(tokens.map((t) => t.stem));
    const quotedByAsker = spokenOf || /[“”"‘’]|(?:^|\s)'/.test(text) || SPOKEN.test(text);
    return concepts.map((c) => {
      if (c.alternatives.length === 0 || c.first < 0) return c;
      const asThing =
        tokens[c.first]!.start >= everyday ||
        (mechanism !== undefined && tokens[c.first]!.start >= mechanism[0] && tokens[c.last]!.end <= mechanism[1]);
      if ((quotedByAsker || figurative(c.first)) && !asThing) return c;
      // The words as asked, not what the synonyms make of them ("capital" is not yet “capital chain”).
      const own = tokens.slice(c.first, c.last + 1);
      if (!own.every((t) => this.onlyInQuotes(t))) return c;
      const alone = own.every((t) => keysOf(t).every((key) => !this.quoted(key) || this.aloneInQuestion(key, stems)));
      if (!asThing && !alone) return c;
      return { ...c, alternatives: c.alternatives.map((a) => ({ ...a, weight: a.weight * trust })) };
    });
  }
}

/** Words that ask of a quoted line itself ("who said the lion stuff", "the part about…"). */
const SPOKEN =
  /\b(?:said|say|says|saying|quote|quoted|quotes|speech|metaphor|analogy|comment|comments|remark|remarks|line about|bit about|part about)\b/i;

/** The posting keys of a word as asked: the word itself, every inflection of it, its stem. */
function keysOf(t: Token): string[] {
  return [exactKey(t.word), baseKey(t.base), t.stem];
}

/** The stems of an idea's own forms (not those asked of another language's paragraphs). */
function stemsOf(c: Concept): string[] {
  return c.alternatives
    .filter((a) => !a.key.startsWith(ASKED_ELSEWHERE))
    .flatMap((a) => a.key.replace(/^[=~]/, '').split(' '))
    .map((w) => tokenize(w)[0]?.stem ?? w);
}
