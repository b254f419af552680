import type { Corpus } from '../corpus/load.js';
import { articleTopicsOf, type ArticleTopic } from './about-article.js';
import { readChat } from './chat.js';
import { decide, type Decided, type Role } from './decide.js';
import { ForeignNames } from './foreign-names.js';
import { frameOf } from './frames.js';
import { matchedRanges, type Range } from './highlight.js';
import { findMentions, namedThings, type Mention, type NamedThing } from './named.js';
import { splitQuestions, type QuestionPart } from './parts.js';
import { readQuery, type Concept, type QueryContext } from './query.js';
import { QuotedWords } from './quoted-words.js';
import { rank } from './rank.js';
import { asksAboutServerRoles, discordWords } from './server-questions.js';
import { smallTalkOf, type SmallTalk } from './small-talk.js';
import { tokenize } from './text.js';
import { topicPassages } from './topic-passages.js';

export interface Passage {
  readonly paragraph: number;
  /** Sentence number inside the paragraph, from 1. */
  readonly sentence: number;
  /** In [0, 1], falling down the list. */
  readonly score: number;
  /** The sentence, verbatim. */
  readonly excerpt: string;
  /** Where the question's terms stand in the excerpt. */
  readonly ranges: readonly Range[];
}

/** What the article does say of a thing a question names, when it does not say what was asked. */
export interface Unsaid {
  readonly name: string;
  readonly paragraph: number;
  readonly sentence?: number;
  /** The article's words naming it, verbatim. */
  readonly excerpt: string;
}

/**
 * How one question of a message is answered: `passages` from the article; `article` about the
 * article itself (its headline, its source…); `unsaid` when the text names what was asked
 * about but does not say what was asked; `not-covered` when the article has nothing on it.
 */
export type PartKind = 'passages' | 'article' | 'unsaid' | 'not-covered';

export interface PartReading {
  /** The question, as typed. */
  readonly text: string;
  /** The backstory around it in a long message, read only to help find the passage. */
  readonly context?: string;
  readonly kind: PartKind;
  /** The passages that answer it, best first; empty unless `passages` or `article`. */
  readonly passages: readonly Passage[];
  readonly topic?: ArticleTopic;
  /** Every topic asked of the article itself, `topic` first ("who reported it and when"). */
  readonly topics?: readonly ArticleTopic[];
  readonly unsaid?: readonly Unsaid[];
}

export interface Reading {
  /** Set when the whole message is small talk ("hi", "thanks"): no part is read. */
  readonly smallTalk?: SmallTalk;
  readonly parts: readonly PartReading[];
}

/** Components a reading can do without, to measure what each is worth. */
export interface ReadingOptions {
  readonly asks: boolean;
  readonly chat: boolean;
  readonly parts: boolean;
  readonly article: boolean;
  readonly names: boolean;
  readonly frames: boolean;
  readonly smallTalk: boolean;
}

/** A word the article uses only in quotes, asked alone in its everyday sense, counts this much. */
const ALONE_TRUST = 0.35;
/** Verbs of saying: what a named speaker "set out" is what they said. */
const SAYING =
  /^(?:set out|lay out|laid out|lays out|propose|proposed|proposes|outline|outlined|outlines|announce|announced|announces|present|presented|introduce|introduced|introduces|describe|described|explain|explained|mention|mentioned|list|listed|talk|talked|talks|speak|spoke|speaks|discuss|discussed|state|stated|raise|raised|put forward)$/;
/** A question's closing place: "in hockey", "at US companies", "in the us". */
const SCOPE = /\b(?:in|at|for|among)\s+((?:the\s+|a\s+|an\s+)?[\p{L}\p{N}'’ ]{2,30}?)\s*[?.!]*$/iu;
/** Only a short question's closing place says where it asks: a long one's may be the asker's own. */
const SCOPED_WORDS = 10;
/** Context around a long question counts this much beside the question's own words. */
const CONTEXT_EMPHASIS = 0.3;

export interface Reader {
  read(text: string, limit: number): Reading;
  readonly things: readonly NamedThing[];
}

export function createReader(corpus: Corpus, context: QueryContext, options: ReadingOptions): Reader {
  const { index } = context;
  const things = namedThings(corpus, index.paragraphs);
  const quotedWords = new QuotedWords(corpus.article, index.paragraphs);
  const nameSynonyms = new Set(
    corpus.synonyms
      .filter((s) => s.means.some((m) => /^\p{Lu}/u.test(m)))
      .flatMap((s) => s.words.filter((w) => !w.includes(' ')).map((w) => w.toLowerCase())),
  );
  const foreign = new ForeignNames(
    [...corpus.article.paragraphs.map((p) => p.text), ...corpus.asks.map((a) => a.text)],
    // A slip in a name the article prints ("Quishi") is that name, not another; so is another
    // name for one of its names ("Beijing", "CCP").
    (word, names) => nameSynonyms.has(word) || context.vocabulary.correct(word).some((c) => names.has(c.word)),
  );

  function passagesOf(decided: readonly Decided[], limit: number): Passage[] {
    const best = decided[0];
    let previous = 1;
    return decided.slice(0, Math.max(0, limit)).map((r) => {
      const sentence = index.sentences[r.sentence]!;
      // The best passage scores how much of the question it answers; the others, that much in
      // proportion to their rank, never more than their own share: scores fall down the list.
      const proportional = best ? (best.score * r.rank) / best.rank : 0;
      previous = Math.min(previous, proportional, r.score);
      return {
        paragraph: r.paragraph,
        sentence: sentence.number,
        score: Math.round(previous * 1000) / 1000,
        excerpt: sentence.text,
        ranges: matchedRanges(index, r.sentence, r.matched),
      };
    });
  }

  function unsaidOf(mentions: readonly Mention[]): Unsaid[] {
    const seen = new Set<NamedThing>();
    return mentions.flatMap(({ thing }) => {
      if (seen.has(thing)) return [];
      seen.add(thing);
      const { named } = thing;
      return [
        {
          name: thing.name,
          paragraph: named.paragraph,
          ...(named.sentence === undefined ? {} : { sentence: named.sentence }),
          excerpt: named.text,
        },
      ];
    });
  }

  function readPart(part: QuestionPart, limit: number): PartReading {
    const reading = readQuestion(part, limit);
    return part.context ? { ...reading, context: part.context } : reading;
  }

  function readQuestion(part: QuestionPart, limit: number): PartReading {
    const asked = part.text;
    // The person "he" stands for is read as named; the part is still shown as asked.
    const text = part.carried ? `${asked} (${part.carried})` : asked;
    if (options.article) {
      const [topic, ...more] = articleTopicsOf(text);
      if (topic) {
        const topics = [topic, ...more];
        const passages = topics.flatMap((t) => topicPassages(corpus, t));
        const unique = passages.filter((p, i) => passages.findIndex((q) => q.paragraph === p.paragraph) === i);
        return { text: asked, kind: 'article', topic, topics, passages: unique.slice(0, limit) };
      }
    }
    const frame = options.frames ? frameOf(text) : undefined;
    if (frame?.advice || asksAboutServerRoles(text)) return { text: asked, kind: 'not-covered', passages: [] };

    const tokens = tokenize(text);
    const mentions = options.names ? findMentions(tokens, things, context.vocabulary) : [];
    const inMention = (c: Concept): Mention | undefined => mentions.find((m) => c.first >= m.first && c.last <= m.last);
    let concepts: Concept[] = readQuery(text, context).map((c) => {
      const thing = inMention(c)?.thing;
      return thing ? { ...c, refersTo: thing.paragraphs } : c;
    });
    // A word the article uses only in quotes, asked without its term or quotation marks ("the
    // capital of France"), is most likely meant in its everyday sense: it counts for less.
    if (options.frames) {
      const spokenOf = mentions.some((m) => m.thing.paragraphs.size < index.paragraphs.length);
      concepts = quotedWords.weigh(concepts, tokens, text, {
        spokenOf,
        mechanism: frame?.mechanism,
        trust: ALONE_TRUST,
      });
    }
    // What someone "set out" or "talked about" is what they said: with a speaker named, the verb
    // only shapes the question.
    const saying = (c: Concept): boolean => mentions.length > 0 && SAYING.test(c.text);
    const roles: Role[] = concepts.map((c) =>
      inMention(c) ? 'name' : frame?.shaping.has(c.text) || saying(c) ? 'shaping' : 'asked',
    );
    // A name the article does not know is that name, not the everyday word it may share a spelling
    // with; Discord's own things are such names too.
    const discord = discordWords(tokens.map((t) => t.word)).flatMap((word) =>
      tokens.filter((t) => t.word === word).map((t) => ({ name: word, start: t.start })),
    );
    // A number or ordinal the article never gives ("the 14th five year plan") names something else too.
    const numbers = concepts
      .filter((c) => c.first >= 0 && c.first === c.last && c.alternatives.length === 0 && /\d/.test(c.text))
      .map((c) => ({ name: c.text, start: tokens[c.first]!.start }));
    for (const { name, start } of options.names ? [...foreign.in(text), ...discord, ...numbers] : []) {
      const at = tokens.findIndex((t) => t.start === start);
      const i = concepts.findIndex((c) => c.first <= at && at <= c.last);
      const unknown: Concept = { text: name, alternatives: [], first: at, last: at, foreign: true };
      if (i >= 0) [concepts[i], roles[i]] = [unknown, 'asked'];
      else {
        concepts.push(unknown);
        roles.push('asked');
      }
    }
    // "…in hockey", "…at US companies": a question that ends by placing itself where the
    // article never goes asks about there.
    const scope = part.context || tokens.length > SCOPED_WORDS ? null : SCOPE.exec(text);
    if (scope && options.frames) {
      const start = scope.index + scope[0].length - (scope[1]?.length ?? 0);
      const placed = concepts.filter((c) => c.first >= 0 && tokens[c.first]!.start >= start);
      const elsewhere = /^(?:the )?(?:us|usa|uk|west|states)\W*$/i.test(scope[1] ?? '');
      if (elsewhere || (placed.length > 0 && placed.every((c) => c.alternatives.length === 0))) {
        return { text: asked, kind: 'not-covered', passages: [] };
      }
    }
    // Backstory around a long question helps find the passage, a little; it never counts
    // against it. When the question itself says little ("does it say anything about that?"),
    // the backstory is what it asks about.
    const ownWords = roles.filter((r) => r !== 'shaping').length;
    const pointsBack = /\b(?:that|this|it|these|those|them)\W*$/i.test(text.trim());
    const contextEmphasis = ownWords <= 1 && pointsBack ? 1 : CONTEXT_EMPHASIS;
    for (const c of part.context ? readQuery(part.context, context) : []) {
      // The backstory's own words the article lacks ("my uncle complained") never count against it.
      const asked = contextEmphasis === 1 && c.alternatives.length > 0;
      concepts.push({ ...c, emphasis: asked ? 1 : CONTEXT_EMPHASIS, first: -1, last: -1 });
      roles.push(asked ? 'asked' : 'context');
    }

    const ranking = rank(concepts, index, { asks: options.asks });
    let decided = frame?.unknowable
      ? []
      : decide(
          ranking,
          roles,
          frame,
          index,
          mentions.map((m) => m.thing.paragraphs),
        );
    // What someone said can only come from those the article quotes or reports.
    const speaker = frame?.speaker;
    const speakers = speaker
      ? mentions.filter((m) => tokens[m.first]!.start >= speaker[0] && tokens[m.last]!.end <= speaker[1])
      : [];
    if (speakers.length > 0 && speakers.every((m) => !m.thing.speaks)) decided = [];
    if (decided.length > 0) {
      // "Who is Wang Qi", "what is his job", or a name alone: where the text names it comes first.
      const identity =
        (frame?.identity || concepts.length === roles.filter((r) => r === 'name').length) &&
        mentions.length === 1 &&
        !roles.includes('asked');
      const named = identity ? mentions[0]!.thing.named : undefined;
      if (named) {
        const at = decided.findIndex((d) => d.paragraph === named.paragraph);
        if (at > 0) decided = [decided[at]!, ...decided.filter((_, i) => i !== at)];
      }
      return { text: asked, kind: 'passages', passages: passagesOf(decided, limit) };
    }
    if (mentions.length > 0) return { text: asked, kind: 'unsaid', passages: [], unsaid: unsaidOf(mentions) };
    return { text: asked, kind: 'not-covered', passages: [] };
  }

  /**
   * "How old is Huang Qiang and what did he say at the seminar": a later question that speaks
   * of "he" or "she" and names no one is about the person the one before it named.
   */
  function carryNames(parts: readonly QuestionPart[]): readonly QuestionPart[] {
    if (parts.length < 2) return parts;
    let person: string | undefined;
    return parts.map((part) => {
      const named = findMentions(tokenize(part.text), things, context.vocabulary).find((m) =>
        corpus.people.some((p) => p.name === m.thing.name),
      );
      if (named) {
        person = named.thing.name;
        return part;
      }
      if (!person || !/\b(?:he|him|his|she|her)\b/i.test(part.text)) return part;
      return { ...part, carried: person };
    });
  }

  return {
    things,
    read(query, limit) {
      if (options.smallTalk) {
        const smallTalk = smallTalkOf(query);
        if (smallTalk) return { smallTalk, parts: [] };
      }
      const text = options.chat ? readChat(query) : query;
      const parts = options.parts ? splitQuestions(text) : [{ text, context: '' }];
      return { parts: carryNames(parts).map((part) => readPart(part, limit)) };
    },
  };
}
