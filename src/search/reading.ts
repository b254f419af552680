import type { Corpus } from '../corpus/load.js';
import { articleTopicsOf, type ArticleTopic } from './about-article.js';
import { readChat } from './chat.js';
import { chineseArticleTopicsOf } from './chinese/about-article.js';
import { chineseFrameOf } from './chinese/frames.js';
import { splitChineseQuestions } from './chinese/parts.js';
import { createChineseQuestions, type ChineseQuestions } from './chinese/question.js';
import { hasHan } from './chinese/script.js';
import { foldChinese } from './chinese/simplified.js';
import { chineseSmallTalkOf } from './chinese/small-talk.js';
import { decide, type Decided } from './decide.js';
import { understandEnglish, type EnglishQuestionTools } from './english-question.js';
import { ForeignNames } from './foreign-names.js';
import { GivenNames } from './given-names.js';
import { countIn, frameOf, spellFrameWords, type Frame } from './frames.js';
import { matchedRanges, type Range } from './highlight.js';
import { OtherPlaces } from './other-places.js';
import { findMentions, namedThings, type Mention, type NamedThing } from './named.js';
import { nthOfList } from './ordinals.js';
import { splitQuestions, type QuestionPart } from './parts.js';
import type { QueryContext } from './query.js';
import { QuotedWords } from './quoted-words.js';
import { rank } from './rank.js';
import { asksAboutServerRoles } from './server-questions.js';
import { smallTalkOf, type SmallTalk } from './small-talk.js';
import { tokenize } from './text.js';
import { topicPassages } from './topic-passages.js';
import type { Understood } from './understood.js';

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

/**
 * The language a question was typed in, as Discord names locales: English, or Chinese in
 * simplified (zh-CN) or traditional (zh-TW) characters. A reply can speak it back.
 */
export type Language = 'en' | 'zh-CN' | 'zh-TW';

export interface Reading {
  readonly language: Language;
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
  readonly places: boolean;
  readonly smallTalk: boolean;
  readonly chinese: boolean;
  readonly slips: boolean;
}

export interface Reader {
  read(text: string, limit: number): Reading;
  readonly things: readonly NamedThing[];
  /** What reads questions in Chinese; undefined when Chinese is switched off. */
  readonly chinese?: ChineseQuestions;
  /** A folded Chinese question with its slips of sound respelled, unless they are switched off. */
  respelled(folded: string): string;
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
        ranges: matchedRanges(index, r.sentence, new Set(r.matched.flat())),
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

  /** Whether a paragraph gives this count, in figures or in words. */
  const counts = (paragraph: number, n: number): boolean =>
    tokenize(index.article.paragraphs[paragraph]?.text ?? '').some((t) => countIn(t.word) === n);

  /** How many of the article's people a paragraph names. */
  const peopleNamedIn = (paragraph: number): number => {
    // Word by word: "Wang Qi" is not named by "Wang Qiushi".
    const words = ` ${tokenize(index.article.paragraphs[paragraph]?.text ?? '')
      .map((t) => t.word)
      .join(' ')} `;
    return corpus.people.filter((p) => words.includes(` ${p.name.toLowerCase()} `)).length;
  };

  const english: EnglishQuestionTools = {
    context,
    things,
    quotedWords,
    foreign,
    places: new OtherPlaces(options.places ? corpus.elsewhere : []),
  };
  const givenNames = new GivenNames(options.names ? corpus.people.map((p) => p.name) : []);
  const knownWord = (word: string): boolean => index.words.has(word) || index.asks.words.has(word);
  const people = new Set(corpus.people.map((p) => p.name));
  const chinese = options.chinese
    ? createChineseQuestions(corpus.chinese, context, things, foreign, people, quotedWords)
    : undefined;

  /** Ranks the passages for what a question asks, and decides whether they answer it. */
  function settle(asked: string, understood: Understood, limit: number): PartReading {
    const { concepts, roles, frame, mentions, speakers } = understood;
    const ranking = rank(concepts, index, { asks: options.asks });
    let decided = frame?.unknowable || understood.general ? [] : decide(ranking, understood, index);
    // What someone said can only come from those the article quotes or reports.
    if (speakers.length > 0 && speakers.every((m) => !m.thing.speaks)) decided = [];
    // "The 11 cadres' names": a passage that counts them but names fewer does not name them.
    const group = frame?.group;
    if (group) decided = decided.filter((d) => !counts(d.paragraph, group) || peopleNamedIn(d.paragraph) >= group);
    // "When did the Third Plenary Session open": the text dates its events and what its people
    // said, nothing else it names.
    const undated = mentions.filter((m) => !m.thing.setting);
    if (frame?.when && undated.length > 0 && undated.every((m) => !m.thing.dated && !m.thing.speaks)) decided = [];
    // "被调整的干部叫什么名字": only a thing the article names has a name it can give.
    if (frame?.askName && mentions.length === 0) decided = [];
    // "The names of the officials who were demoted": a passage naming one person at most names no group.
    if (frame?.names) decided = decided.filter((d) => peopleNamedIn(d.paragraph) >= 2);
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

  /** A question about the article itself, answered from its headline, lead or sources. */
  function aboutArticle(asked: string, topics: readonly ArticleTopic[], limit: number): PartReading | undefined {
    const [topic] = topics;
    if (!topic) return undefined;
    const passages = topics.flatMap((t) => topicPassages(corpus, t, asked));
    const unique = passages.filter((p, i) => passages.findIndex((q) => q.paragraph === p.paragraph) === i);
    return { text: asked, kind: 'article', topic, topics, passages: unique.slice(0, limit) };
  }

  function withContext(part: QuestionPart, reading: PartReading): PartReading {
    return part.context ? { ...reading, context: part.context } : reading;
  }

  function readEnglishPart(part: QuestionPart, limit: number): PartReading {
    const asked = part.text;
    // The person "he" stands for is read as named; the part is still shown as asked.
    const carried = part.carried ? `${asked} (${part.carried})` : asked;
    const article = options.article ? aboutArticle(asked, articleTopicsOf(carried), limit) : undefined;
    if (article) return withContext(part, article);
    const text = options.frames ? nthOfList(spellFrameWords(carried, knownWord)) : carried;
    const frame = options.frames ? frameOf(text) : undefined;
    const understood =
      frame?.advice || asksAboutServerRoles(text) ? undefined : understandEnglish(part, text, frame, english, options);
    const reading = understood ? settle(asked, understood, limit) : notCovered(asked);
    return withContext(part, reading);
  }

  const respelled = (folded: string): string => (chinese && options.slips ? chinese.respelled(folded) : folded);

  function readChinesePart(questions: ChineseQuestions, part: QuestionPart, limit: number): PartReading {
    const asked = part.text;
    // The person "他" stands for is read in its place; the part is still shown as asked.
    const folded = respelled(
      questions.fold(part.carried ? asked.replace(/[他她](?!们)/u, ` ${part.carried} `) : asked),
    );
    const article = options.article ? aboutArticle(asked, chineseArticleTopicsOf(folded), limit) : undefined;
    if (article) return withContext(part, article);
    const frame: Frame | undefined = options.frames ? chineseFrameOf(folded) : undefined;
    if (frame?.advice) return withContext(part, notCovered(asked));
    const understood = questions.understand(folded, {
      context: respelled(questions.fold(part.context)),
      ...(frame ? { frame } : {}),
      names: options.names,
      quoted: QUOTED.test(asked),
    });
    return withContext(part, settle(asked, understood, limit));
  }

  /**
   * "How old is Huang Qiang and what did he say at the seminar": a later question that speaks
   * of "he" or "she" and names no one is about the person the one before it named, or else
   * the one the talk around it named.
   */
  function carryNames(
    parts: readonly QuestionPart[],
    peopleIn: (text: string) => readonly string[],
    pronoun: RegExp,
  ): readonly QuestionPart[] {
    let person: string | undefined;
    return parts.map((part, at) => {
      const refers = pronoun.test(part.text);
      // The last part, asking of no one, has no one to name for a part after it.
      if (!refers && at === parts.length - 1) return part;
      const named = peopleIn(part.text)[0];
      if (named) {
        person = named;
        return part;
      }
      if (!refers) return part;
      // "Huang Qiang gave that speech, fine, but how old is he": or the one its backstory named.
      const meant = person ?? (part.context === '' ? undefined : peopleIn(part.context)[0]);
      return meant ? { ...part, carried: meant } : part;
    });
  }

  const englishPeopleIn = (text: string): string[] =>
    findMentions(tokenize(text), things, context.vocabulary)
      .map((m) => m.thing.name)
      .filter((name) => people.has(name));

  function readEnglish(query: string, limit: number): Reading {
    if (options.smallTalk) {
      const smallTalk = smallTalkOf(query);
      if (smallTalk) return { language: 'en', smallTalk, parts: [] };
    }
    const text = givenNames.spell(options.chat ? readChat(query) : query);
    const aboutArticle = (part: string): boolean => options.article && articleTopicsOf(part).length > 0;
    const parts = options.parts ? splitQuestions(text, aboutArticle) : [{ text, context: '' }];
    const carried = carryNames(parts, englishPeopleIn, /\b(?:he|him|his|she|her)\b/i);
    const read: PartReading[] = [];
    // "…shared on Weibo. Unrelated, but how does…": what the asker says is not about the article.
    const departure = UNRELATED.exec(text);
    for (const part of carried) {
      const before = read.at(-1);
      // "Who is the governor of Jilin, and does he report to…": a later question whose subject
      // is the earlier one's, which the article does not know, asks about what it does not know.
      const aboutUnknown =
        before !== undefined &&
        !part.carried &&
        (before.kind === 'not-covered' || before.kind === 'unsaid') &&
        (SUBJECT_BEFORE.test(part.text) || pointsBackAtRefused(before, part.text)) &&
        !aboutArticle(part.text);
      const unrelated =
        departure !== null &&
        text.indexOf(part.text) + part.text.length > departure.index &&
        !OF_THE_ARTICLE.test(part.text) &&
        !aboutArticle(part.text) &&
        findMentions(tokenize(part.text), things, context.vocabulary).every((m) => m.thing.setting);
      read.push(aboutUnknown || unrelated ? withContext(part, notCovered(part.text)) : readEnglishPart(part, limit));
    }
    return { language: 'en', parts: read };
  }

  function readChinese(questions: ChineseQuestions, query: string, limit: number): Reading {
    const folded = questions.fold(query);
    // Traditional characters are those OpenCC changes.
    const language: Language = foldChinese(query) === query.normalize('NFKC').toLowerCase() ? 'zh-CN' : 'zh-TW';
    if (options.smallTalk) {
      const smallTalk = chineseSmallTalkOf(folded);
      if (smallTalk) return { language, smallTalk, parts: [] };
    }
    const parts = options.parts
      ? splitChineseQuestions(query, (text) => PRONOUN.test(text) || questions.hasContent(text))
      : [{ text: query.trim(), context: '' }];
    const peopleIn = (text: string): string[] => [
      ...questions.peopleIn(questions.fold(text)),
      ...englishPeopleIn(text),
    ];
    const carried = carryNames(parts, peopleIn, PRONOUN);
    return { language, parts: carried.map((part) => readChinesePart(questions, part, limit)) };
  }

  return {
    things,
    ...(chinese ? { chinese } : {}),
    respelled,
    read(query, limit) {
      return chinese && hasHan(query) ? readChinese(chinese, query, limit) : readEnglish(query, limit);
    },
  };
}

/**
 * A question whose subject is a pronoun standing for what was asked before it ("does he report
 * to…", "is it run by…"); not "does it say…", where "it" is the article.
 */
const SUBJECT_BEFORE =
  /^(?:and\s+|but\s+|also\s+)?(?:(?:does|did|do|is|was|are|were|can|could|will|would|has|have|had)\s+(?:he|she|it|they)|(?:he|she|it|they)\s+(?!(?:say|says|said|mention|mentions|mentioned|talk|talks|cover|covers|discuss|discusses)\b)\p{L}+)\b(?!\s+(?:say|mention|talk|cover|discuss)\b)/iu;

/**
 * "How does the civil service exam work and how many people take it": a later question that
 * names nothing of its own and speaks of "it" or "them" asks about what the one before it
 * asked, which the article does not hold.
 */
const BACK_AT = /\b(?:it|them|its|their)\b/i;
const OF_THE_ARTICLE =
  /\b(?:article|text|piece|story|report)\b|\bit\s+(?:say|says|said|mention|mentions|cover|covers|talk|talks)\b/i;

function pointsBackAtRefused(before: PartReading, text: string): boolean {
  return before.kind === 'not-covered' && BACK_AT.test(text) && !OF_THE_ARTICLE.test(text);
}

/** The asker's own word that what follows is not about the article. */
const UNRELATED =
  /\b(?:unrelated|off[- ]topic|not related to (?:the|this) (?:article|text)|nothing to do with (?:the|this) (?:article|text)|(?:a )?(?:different|another|separate) (?:topic|subject)|chang(?:e|ing) (?:of )?(?:the )?(?:topic|subject))\b/i;

/** Quotation marks of either script around words of a question. */
const QUOTED = /[“”"‘’「」『』]/u;

/** "他说了什么": a question about someone named before it. */
const PRONOUN = /[他她](?!们)|\b(?:he|him|his|she|her)\b/iu;

function notCovered(asked: string): PartReading {
  return { text: asked, kind: 'not-covered', passages: [] };
}
