import type { ChineseCorpus } from '../../corpus/chinese.js';
import type { Ask } from '../../corpus/load.js';
import type { AskField, AskWord } from '../asks.js';
import type { Role } from '../decide.js';
import type { ForeignNames } from '../foreign-names.js';
import type { Frame } from '../frames.js';
import { askFieldOver, ASKED_ELSEWHERE, type SearchIndex } from '../index.js';
import { findMentions, type Mention, type NamedThing } from '../named.js';
import { otherChineseRanks } from '../ordinals.js';
import { hasContent } from '../parts.js';
import { Recent } from '../recent.js';
import { STOPWORDS } from '../stopwords.js';
import { readQuery, TRUST, type Concept, type QueryContext } from '../query.js';
import { ALONE_TRUST, type QuotedWords } from '../quoted-words.js';
import { termKey } from '../synonyms.js';
import { tokenize } from '../text.js';
import type { Understood } from '../understood.js';
import { readChineseChat, withoutTheCrowd } from './chat.js';
import { readPicturedEmoji } from './emoji.js';
import { chineseNameAskedAt } from './frames.js';
import { compileLexicon, type ChineseLexicon } from './lexicon.js';
import { isLightWord } from './light-words.js';
import { HAN } from './script.js';
import type { QuestionPiece } from './segment.js';
import { romanised, soundsOf } from './sounds.js';

/** The posting key of a Chinese word as the Chinese asks use it: never an English term's key. */
export function askedKey(word: string): string {
  return `${ASKED_ELSEWHERE}${word}`;
}

/** An asked question using a word is weaker evidence than the article's own term for it. */
const TRUST_ASKED = 0.8;
/**
 * How much a Chinese word that neither the glossary nor the asks know weighs against coverage.
 * An unknown English word is often a typo of an article word; an unknown Chinese word is not,
 * since the glossary covers the article's vocabulary: it asks about something else.
 */
const UNKNOWN_WEIGHT = 6;
/**
 * One character nothing knows is most often a verb or a particle of chat ("撸", "查"), rarely
 * what a question is about: it weighs as an unknown English word does; so does a verb with its
 * complement ("混下去", "起到"), see `isLightWord`.
 */
const UNKNOWN_CHARACTER_WEIGHT = 2;
/**
 * An unknown word beside two of the article's telling ideas asked together ("能干事有实绩的干部
 * 有前途吗") is more likely the asker's own way of saying what happens to them than another topic.
 */
const UNKNOWN_BESIDE_KNOWN = 4;
/** A known idea is telling when the article holds it in this many paragraphs at most. */
const TELLING_PARAGRAPHS = 4;
/** A word that puts the question outside the article outweighs anything else it asks. */
const ELSEWHERE_WEIGHT = 1000;
/** Context around a question counts this much beside the question's own words. */
const CONTEXT_EMPHASIS = 0.3;

/** How a Chinese question is to be read besides its words. */
export interface ChineseReading {
  /** The backstory around it, folded. */
  readonly context?: string;
  readonly frame?: Frame;
  /** Read the article's named things in it. */
  readonly names: boolean;
  /** The asker put words of it between quotation marks (“狮子”, 「羊群」). */
  readonly quoted?: boolean;
}

export interface ChineseQuestions {
  /** The question folded (simplified, lower case, Chinese punctuation as spaces). */
  fold(text: string): string;
  /** A folded question with the words it slips in (鸡层 for 基层) written as the glossary writes them. */
  respelled(folded: string): string;
  /** The folded question in pieces: words the glossary knows, stopwords, unknown words, English. */
  pieces(folded: string): QuestionPiece[];
  /** Whether a stretch of a message holds any word to look for. */
  hasContent(text: string): boolean;
  /** The people a question names, by their English names. */
  peopleIn(folded: string): string[];
  understand(folded: string, reading: ChineseReading): Understood;
  /** The Chinese asks as a field of their own, for the index. */
  askField(): AskField;
  /** Builds every table now: OpenCC's, the glossary's, the asks'. */
  warm(): void;
}

/** Question words after which a noun names the kind of answer wanted: "哪些数据", "什么比喻". */
const ANSWER_KIND = /^(?:什么|哪些|哪个|哪种|哪类|哪几个|哪几种|哪一个|哪一种|啥|何种)$/u;

/** Words that ask of what was said or meant: "什么意思", "比喻", "指什么". */
const SPEECH = /说|讲|话|比喻|比作|意思|含义|指的?是|指什么|指啥|代表|象征|形容|打比方|引用|原文|出处/u;
/**
 * A word nothing knows made only of those ("比作", "比成", "说过"): it asks what was said, as the
 * glossary's own words for saying do, and names no topic.
 */
const SPEECH_ONLY = new RegExp(`^(?:${SPEECH.source}|比|过|了|成)+$`, 'u');

/**
 * A word naming a kind of thing said ("狠话", "金句"), or the noun typed after one ("狠|话"); not a
 * language someone speaks ("英语", "方言"), which the article never tells.
 */
const SPEECH_KIND = /^\p{Script=Han}{1,3}(?:话|句)$/u;
const SPEECH_NOUN = /^(?:话|句|句话|的话)$/u;

/** English words for a kind of thing said, typed in a Chinese question ("讲的啥 topic"): like 话题, they name no topic. */
const SAID_KIND =
  /^(?:topics?|subjects?|points?|messages?|quotes?|words?|remarks?|comments?|speech|content|themes?|gist|ideas?|main points?)$/iu;

/** "数据是啥", "措施有哪些": a word before these and a question word names the kind of answer, as after "什么". */
const KIND_THEN = /^(?:是|有|都是|都有|就是|到底是)$/u;
const kindAskedAfter = (list: readonly QuestionPiece[], at: number): boolean =>
  KIND_THEN.test(list[at + 1]?.text ?? '') && ANSWER_KIND.test(list[at + 2]?.text ?? '');

/** Words that may stand between "多少" and what it counts, or end the question: "多少个", "多少呢". */
const COUNT_FILLER = /^(?:个|名|位|的|了|是|呢|吗|啊|呀|人|些|次|项|条|种)$/u;

/** Words that place what follows: a name after them is a setting. */
const PLACING = /^(?:在|于)$/u;

/** "管不管", "提拔没提拔": a verb, "not" and the verb again asks whether; the verb is what is asked. */
const A_NOT_A = /(\p{Script=Han}{1,2})[不没]\1/gu;
/** Words of that shape that ask nothing: "动不动" says "at every turn". */
const A_NOT_A_IDIOMS: ReadonlySet<string> = new Set(['动不动']);
const askWhether = (text: string): string =>
  text.replace(A_NOT_A, (whole, verb: string) => (A_NOT_A_IDIOMS.has(whole) ? whole : verb));

/**
 * Unknown words standing together are one unknown thing asked about ("简单化" is 简单 and 化): they
 * weigh against coverage once, not once each.
 */
function joinUnknown(pieces: readonly QuestionPiece[]): QuestionPiece[] {
  const joined: QuestionPiece[] = [];
  for (const piece of pieces) {
    const last = joined.at(-1);
    if (last?.kind === 'unknown' && piece.kind === 'unknown')
      joined[joined.length - 1] = { ...last, text: last.text + piece.text };
    else joined.push(piece);
  }
  return joined;
}

/** "有新要求没", "提拔了没有": 没 or 没有 closing a question asks whether, as 吗 does; it denies nothing. */
const ENDING_NOT = /^(?:没|没有)$/u;

function endingParticle(pieces: readonly QuestionPiece[]): QuestionPiece[] {
  let last = pieces.length - 1;
  while (last >= 0 && pieces[last]!.kind === 'other') last--;
  const ending = pieces[last];
  if (!ending || !ENDING_NOT.test(ending.text) || !pieces.slice(0, last).some((p) => p.kind === 'known'))
    return [...pieces];
  return pieces.map((p, i) => (i === last ? { ...p, kind: 'stopword' } : p));
}

/** A count with or without its measure word: "五", "四条", "两项", "几个". */
const COUNT = /^[一二三四五六七八九十两几\d]+[个条项种类点样件位名]?$/u;

/**
 * "五个更都是哪五个", "四条链是哪四条": a count after "哪" restates how many the question already
 * named, and names nothing itself; and after a count, "个人" is a measure word and "人".
 */
function whichCount(pieces: readonly QuestionPiece[]): QuestionPiece[] {
  return pieces.flatMap((p, i): QuestionPiece[] => {
    const before = pieces[i - 1];
    if (!before || p.kind !== 'unknown') return [p];
    if (before.text === '哪' && COUNT.test(p.text)) return [{ ...p, kind: 'stopword' }];
    // "11个人": after a count, 个人 is its measure word and 人, not "one's own".
    if (p.text === '个人' && COUNT.test(before.text.trim()))
      return [
        { text: '个', kind: 'stopword' },
        { text: '人', kind: 'unknown' },
      ];
    return [p];
  });
}

/**
 * "这块儿", "官儿": the northern "儿" spoken after a word adds no meaning; the segmenter leaves it
 * alone beside the word it ends (words that hold it, "女儿", are kept whole).
 */
function erhua(pieces: readonly QuestionPiece[]): QuestionPiece[] {
  return pieces.map((p, i) =>
    p.text === '儿' && i > 0 && pieces[i - 1]!.kind !== 'other' ? { ...p, kind: 'stopword' } : p,
  );
}

function signature(concept: Concept): string {
  return concept.alternatives.length
    ? concept.alternatives
        .map((a) => a.key)
        .sort()
        .join('|')
    : `?${concept.text}`;
}

/**
 * Reads Chinese with the corpus's Chinese annotations. Its tables (OpenCC's, the compiled
 * glossary, the asks' words) are built on the first question with Chinese in it, or when
 * `warm` is called, so a bot never asked in Chinese never pays for them.
 */
export function createChineseQuestions(
  corpus: ChineseCorpus,
  context: QueryContext,
  things: readonly NamedThing[],
  foreign: ForeignNames,
  people: ReadonlySet<string>,
  quotedWords: QuotedWords,
): ChineseQuestions {
  let compiled: ChineseLexicon | undefined;
  const lexicon = (): ChineseLexicon => (compiled ??= compileLexicon(corpus));
  let field: AskField | undefined;
  const index: SearchIndex = context.index;

  function askField(): AskField {
    if (field) return field;
    const asks: Ask[] = corpus.asks.flatMap(({ paragraph, sentence, asks: texts }) =>
      texts.map((text) => (sentence === undefined ? { paragraph, text } : { paragraph, sentence, text })),
    );
    const folded = new Map(
      lexicon()
        .foldAll(asks.map((a) => a.text))
        .map((f, i) => [asks[i]!.text, f]),
    );
    const read = (text: string): AskWord[] =>
      lexicon()
        .segmenter.segment(folded.get(text) ?? lexicon().fold(text))
        .filter((p) => p.kind === 'known' || p.kind === 'unknown')
        .map((p) => ({ keys: [askedKey(lexicon().lemma(p.text))] }));
    field = askFieldOver(index, asks, read);
    return field;
  }

  /**
   * The named things a word stands for: what the glossary's English for it names ("Huang Qiang",
   * "the Organization Department"). A name may hold several ("吉林省委组织部": the department, of
   * Jilin); a term names a thing only when the whole of it is that thing's name ("省委书记").
   */
  const namedBy = new Map<string, readonly NamedThing[]>();
  function thingsNamedBy(word: string): readonly NamedThing[] {
    let named = namedBy.get(word);
    if (!named) {
      const english = lexicon().english(word)[0];
      const tokens = english ? tokenize(english) : [];
      const content = tokens.map((t, i) => (STOPWORDS.has(t.word) ? -1 : i)).filter((i) => i >= 0);
      const found = findMentions(tokens, things, context.vocabulary).filter(
        (m) => lexicon().isName(word) || (m.first === content[0] && m.last === content.at(-1)),
      );
      named = [...new Set(found.map((m) => m.thing))];
      namedBy.set(word, named);
    }
    return named;
  }

  /** The article's people by the sounds of their names: "Wang Qiushi" is wang, then qiushi in two syllables. */
  const voiced = things.flatMap((thing) => {
    const [family, given, ...rest] = thing.name.split(' ');
    if (!people.has(thing.name) || !family || !given || rest.length > 0) return [];
    return [{ thing, family: romanised(family).sounds, given: romanised(given) }];
  });

  /**
   * The person an unknown Chinese name stands for: the article prints its people in pinyin only,
   * so a run of characters opening with one of their surnames' characters (certain: 王 is Wang,
   * 黄 is Huang) names one of them when it says their name, a syllable a character: 王琪 and 王琦
   * are Wang Qi, 黄飞鱼 Huang Feiyu; 王岐山 (wang qi shan) and 黄晓明 are no one in it.
   */
  function personNamed(word: string): NamedThing | undefined {
    const chars = [...word];
    const surname = chars[0] === undefined ? undefined : lexicon().surname(chars[0]);
    if (!surname || chars.length < 2 || chars.length > 3 || !chars.every((c) => HAN.test(c))) return undefined;
    const [family, ...given] = soundsOf(word);
    const fits = voiced.filter(
      (v) => v.family === family && v.given.syllables === given.length && v.given.sounds === given.join(''),
    );
    return fits.length === 1 ? fits[0]!.thing : undefined;
  }

  /**
   * An unknown stretch that opens with a name of the article's people is that name and the rest
   * ("王秋实在" is 王秋实 and 在): the segmenter, not knowing the name, may have cut across it. Only
   * when the rest opens with a word known to the reader: 王岐山 is not 王岐 and 山.
   */
  function namesApart(list: readonly QuestionPiece[]): QuestionPiece[] {
    const apart: QuestionPiece[] = [];
    for (let k = 0; k < list.length; k++) {
      const piece = list[k]!;
      // A surname left alone, its given name read as words of their own (王|其): the name is
      // the surname and the one or two characters after it, where they say a name of theirs.
      const joined = piece.kind === 'unknown' && [...piece.text].length === 1 ? givenAfter(list, k) : 0;
      if (joined > 0) {
        apart.push({
          text: list
            .slice(k, k + joined + 1)
            .map((p) => p.text)
            .join(''),
          kind: 'unknown',
        });
        k += joined;
        continue;
      }
      apart.push(...nameOpening(piece));
    }
    return apart;
  }

  /** How many one-character pieces after a lone surname make with it a name of the article's people. */
  function givenAfter(list: readonly QuestionPiece[], at: number): number {
    for (const count of [2, 1]) {
      const given = list.slice(at + 1, at + 1 + count);
      if (given.length < count || given.some((p) => [...p.text].length !== 1)) continue;
      // 王|其|山 is not 王其 and 山: the name would run on.
      if (list[at + 1 + count]?.kind === 'unknown') continue;
      if (
        personNamed(
          list
            .slice(at, at + 1 + count)
            .map((p) => p.text)
            .join(''),
        )
      )
        return count;
    }
    return 0;
  }

  /** An unknown piece opening with a name of theirs, as the name and the rest. */
  function nameOpening(piece: QuestionPiece): QuestionPiece[] {
    if (piece.kind !== 'unknown' || personNamed(piece.text)) return [piece];
    const chars = [...piece.text];
    for (const length of [3, 2]) {
      if (chars.length <= length || !personNamed(chars.slice(0, length).join(''))) continue;
      const rest = pieces(chars.slice(length).join(''));
      if (rest[0]?.kind === 'known' || rest[0]?.kind === 'stopword')
        return [{ text: chars.slice(0, length).join(''), kind: 'unknown' as const }, ...rest];
    }
    return [piece];
  }

  /** Whether a lone surname stands before a title naming one of the article's people who bears it. */
  function titledAfter(surname: string, next: QuestionPiece | undefined): boolean {
    const family = lexicon().surname(surname);
    if (!family || next?.kind !== 'known') return false;
    return (
      thingsNamedBy(next.text).some((t) => people.has(t.name) && t.name.startsWith(`${family} `)) ||
      titleBearer(family, next.text) !== undefined
    );
  }

  /**
   * "黄书记": the one of the article's people of that surname whose title holds the word, when
   * only one does; "王部长" is no one, since both Wangs' titles hold "Minister".
   */
  function titleBearer(family: string, title: string): NamedThing | undefined {
    const words = lexicon()
      .english(title)
      .map(
        (english) =>
          ` ${tokenize(english)
            .map((t) => t.word)
            .join(' ')} `,
      );
    const bearers = things.filter((t) => {
      if (!people.has(t.name) || !t.name.startsWith(`${family} `)) return false;
      const role = ` ${tokenize(t.named.text)
        .map((w) => w.word)
        .join(' ')} `;
      return words.some((w) => w.trim() !== '' && role.includes(w));
    });
    return bearers.length === 1 ? bearers[0] : undefined;
  }

  /** Whether the article holds a known idea in few paragraphs: it tells where the question points. */
  function telling(concept: Concept): boolean {
    const paragraphs = new Set<number>();
    for (const { key } of concept.alternatives)
      for (const paragraph of index.posting(key)?.positions.keys() ?? []) paragraphs.add(paragraph);
    return paragraphs.size > 0 && paragraphs.size <= TELLING_PARAGRAPHS;
  }

  /**
   * The folded question with each stretch nothing knows that slips for a glossary word (鸡层 for
   * 基层) written as that word; a slip keeps the length, so places in the question stay where
   * they were.
   */
  function respelled(folded: string): string {
    return lexicon().respell(folded) ?? folded;
  }

  function pieces(folded: string): QuestionPiece[] {
    return whichCount(endingParticle(erhua(lexicon().segmenter.segment(folded))));
  }

  function understand(
    folded: string,
    { context: backstory = '', frame, names, quoted = false }: ChineseReading,
  ): Understood {
    const concepts: Concept[] = [];
    const roles: Role[] = [];
    const mentions: Mention[] = [];
    const speakers: Mention[] = [];
    const seen = new Set<string>();
    const push = (concept: Concept, role: Role): void => {
      const key = signature(concept);
      if (seen.has(key)) return;
      seen.add(key);
      concepts.push(concept);
      roles.push(role);
    };
    const roleOf = (text: string, kind?: QuestionPiece['kind']): Role =>
      frame?.shaping.has(text) || (kind === 'unknown' && SPEECH_ONLY.test(text)) ? 'shaping' : 'asked';
    // Positions count ideas, not characters: Chinese word order is not the article's, so only
    // neighbouring ideas are compared as phrases.
    let position = 0;
    let offset = 0;
    const speaker = frame?.speaker;
    /** After "在" or "于" a name is where something was said ("在发布会上讲了什么"), not who said it. */
    let placed = false;
    let setting = false;
    const inSpeaker = (start: number, end: number): boolean =>
      speaker !== undefined && !setting && start >= speaker[0] && end <= speaker[1];
    /** Unknown words right after a question word ("哪些数据"), by concept index. */
    const kinds = new Set<number>();
    /** Of those, words naming a kind of speech after "what" in a question of what someone said, by concept index. */
    const speechKinds = new Set<number>();
    /** Known words right after a question word ("是什么平台"), by concept index. */
    const knownKinds = new Set<number>();
    let afterQuestionWord = false;
    /** Concepts of words typed right after 的, things someone's or something's, by index. */
    const possessed = new Set<number>();
    /** Concepts read from words the glossary knows, by index. */
    const knownAt = new Set<number>();
    const list = namesApart(joinUnknown(pieces(folded)));
    /** "有多少干部": the concepts of the piece after "多少", and whether that piece is a word with no topic. */
    const countedAt = frame?.counted;
    let counting: number | undefined;
    let counted: number[] = [];
    let countsNothing = false;
    const nameAskedAt = frame?.askName ? chineseNameAskedAt(folded) : undefined;
    /** The last word with a topic before the name asked, and whether it names one of the article's things. */
    let head: { concepts: number; named: boolean } | undefined;
    /** Titles a surname before them makes one of the article's people ("黄|书记"), by piece index. */
    const titled = new Map<number, NamedThing>();
    for (const [k, piece] of list.entries()) {
      const start = offset;
      offset += piece.text.length;
      if (nameAskedAt !== undefined && offset <= nameAskedAt && piece.kind !== 'stopword' && piece.text.trim() !== '')
        head = { concepts: concepts.length, named: false };
      if (counting !== undefined) {
        counted = concepts.map((_, i) => i).slice(counting);
        counting = undefined;
      }
      const firstCounted = countedAt !== undefined && start >= countedAt && counted.length === 0 && !countsNothing;
      if (firstCounted && piece.text.trim() !== '') {
        if (piece.kind !== 'stopword') counting = concepts.length;
        else if (!COUNT_FILLER.test(piece.text)) countsNothing = true;
      }
      // "王副部长", "黄书记": a surname before the title of one of theirs who bears it is that person, named by the title.
      if (piece.kind === 'unknown' && titledAfter(piece.text, list[k + 1])) {
        const family = lexicon().surname(piece.text);
        const bearer = family === undefined ? undefined : titleBearer(family, list[k + 1]!.text);
        if (bearer) titled.set(k + 1, bearer);
        continue;
      }
      const blank = piece.text.trim() === '';
      const kind = piece.kind === 'unknown' && (afterQuestionWord || kindAskedAfter(list, k));
      // "讲的啥 topic": an English word typed after the question word names the kind of answer too.
      const englishKind = afterQuestionWord && piece.kind === 'other' && !blank;
      if (afterQuestionWord && piece.kind === 'known') knownKinds.add(concepts.length);
      if (!blank) afterQuestionWord = piece.kind === 'stopword' && ANSWER_KIND.test(piece.text);
      if (kind) kinds.add(concepts.length);
      // "说了啥狠话", "讲了什么金句": of what someone said, a word naming a kind of speech only asks what was said.
      if (kind && frame?.speaker && (SPEECH_KIND.test(piece.text) || SPEECH_NOUN.test(list[k + 1]?.text ?? '')))
        speechKinds.add(concepts.length);
      if (piece.kind === 'stopword') {
        placed = PLACING.test(piece.text);
        continue;
      }
      setting = placed;
      placed = false;
      if (piece.kind === 'other') {
        const tokens = tokenize(piece.text);
        const found = names ? findMentions(tokens, things, context.vocabulary) : [];
        const inMention = (c: Concept): Mention | undefined =>
          found.find((m) => c.first >= m.first && c.last <= m.last);
        for (const [n, concept] of readQuery(piece.text, context).entries()) {
          const thing = inMention(concept)?.thing;
          const moved = { ...concept, first: concept.first + position, last: concept.last + position };
          // Of what someone said, an English word for a kind of thing said after "what" only asks what was said.
          const spokenKind = englishKind && n === 0 && frame?.speaker && SAID_KIND.test(concept.text);
          push(
            thing ? { ...moved, refersTo: thing.paragraphs } : moved,
            thing ? 'name' : spokenKind ? 'shaping' : roleOf(concept.text),
          );
        }
        for (const m of found) {
          const mention = { thing: m.thing, first: m.first + position, last: m.last + position };
          mentions.push(mention);
          if (inSpeaker(start, offset)) speakers.push(mention);
        }
        // A capitalised English word neither the article nor its asks know is a name from elsewhere.
        for (const token of names ? tokens : []) {
          const word = piece.text.slice(token.start, token.end);
          if (/^\p{Lu}/u.test(word) && foreign.isUnknown(word)) {
            const at = position + tokens.indexOf(token);
            push({ text: word, alternatives: [], first: at, last: at, foreign: true }, 'asked');
          }
        }
        position += tokens.length;
        continue;
      }
      const { text } = piece;
      const person = names && piece.kind === 'unknown' ? personNamed(text) : undefined;
      if (person) {
        const concept: Concept = {
          text,
          alternatives: [{ key: termKey(person.name), weight: TRUST.synonym }],
          first: position,
          last: position,
          refersTo: person.paragraphs,
        };
        push(concept, 'name');
        const mention = { thing: person, first: position, last: position };
        mentions.push(mention);
        if (inSpeaker(start, offset)) speakers.push(mention);
        position++;
        continue;
      }
      const alternatives = piece.kind === 'known' ? [...lexicon().terms(text)] : [];
      const asked = askedKey(lexicon().lemma(text));
      if (askField().posting(asked)) alternatives.push({ key: asked, weight: TRUST_ASKED });
      const guessed = alternatives.length === 0 && piece.kind === 'unknown' && !lexicon().isElsewhere(text);
      if (guessed) alternatives.push(...lexicon().held(text));
      const bearer = titled.get(k);
      const named = bearer ? [bearer] : names && piece.kind === 'known' ? thingsNamedBy(text) : [];
      const elsewhere = lexicon().isElsewhere(text);
      const concept: Concept = {
        text,
        alternatives,
        first: position,
        last: position,
        unseenWeight: elsewhere
          ? ELSEWHERE_WEIGHT
          : [...text].length === 1 || isLightWord(text)
            ? UNKNOWN_CHARACTER_WEIGHT
            : UNKNOWN_WEIGHT,
        ...(elsewhere ? { foreign: true } : {}),
        ...(guessed && alternatives.length > 0 ? { guessed: true } : {}),
        ...(named.length === 1 ? { refersTo: named[0]!.paragraphs } : {}),
      };
      push(concept, named.length > 0 ? 'name' : roleOf(text, piece.kind));
      if (list[k - 1]?.text === '的' && concepts.at(-1) === concept) possessed.add(concepts.length - 1);
      if (head && nameAskedAt !== undefined && offset <= nameAskedAt) head.named = named.length > 0;
      if (piece.kind === 'known' && concepts.at(-1) === concept) knownAt.add(concepts.length - 1);
      for (const thing of named) {
        const mention = { thing, first: position, last: position };
        mentions.push(mention);
        if (inSpeaker(start, offset)) speakers.push(mention);
      }
      position++;
    }
    if (counting !== undefined) counted = concepts.map((_, i) => i).slice(counting);
    // "组织部新出的那个让干部敢闯敢干的文件全名叫啥": a thing whose name is asked, described by one
    // who does not know it; what describes it helps find where it is named, never counts against.
    if (head?.named) for (let i = 0; i < head.concepts; i++) if (roles[i] === 'asked') roles[i] = 'context';
    // Backstory helps find the passage a little; its words nothing knows never count against it.
    for (const piece of backstory ? pieces(backstory) : []) {
      if (piece.kind !== 'known') continue;
      const alternatives = [...lexicon().terms(piece.text)];
      push({ text: piece.text, alternatives, first: -1, last: -1, emphasis: CONTEXT_EMPHASIS }, 'context');
    }
    // "王秋实披露了哪些数据", "黄强用了什么比喻": in a question that names one of the article's
    // things, a word nothing knows right after "what" or "which" names the kind of answer wanted
    // more likely than another topic, and weighs as an unknown English word does.
    // "吉林发布是什么平台": there a known word only says what kind of answer is wanted.
    if (mentions.length > 0)
      for (const i of knownKinds) if (roles[i] === 'asked' && concepts[i]?.first !== -1) roles[i] = 'shaping';
    for (const i of speechKinds) if (roles[i] === 'asked') roles[i] = 'shaping';
    // "发布会哪天放出来的": of a thing named, when it happened; a verb nothing knows only says it happened.
    // Not of the setting alone, and not a thing someone's ("吉林的雪什么时候下": 雪 is what is asked of).
    // Of an event, not a person: "王琦哪天走的" asks what the article never dates.
    if (frame?.wants === 'date' && mentions.some((m) => !m.thing.setting && !people.has(m.thing.name)))
      concepts.forEach((c, i) => {
        const verb = c.alternatives.length === 0 && c.unseenWeight === UNKNOWN_CHARACTER_WEIGHT && !possessed.has(i);
        if (roles[i] === 'asked' && verb) roles[i] = 'shaping';
      });
    const besideKnown = [...knownAt].filter((i) => roles[i] !== 'context' && telling(concepts[i]!)).length >= 2;
    // A guess from the words holding a word helps the question's known words, never stands alone:
    // "真实的自己是什么样" is not asked of the true effectiveness of cadres.
    const knownIdea = concepts.some((c, i) => !c.guessed && c.alternatives.length > 0 && roles[i] !== 'context');
    const anchored = concepts.map((c, i) => {
      if (c.guessed && !knownIdea) return { ...c, alternatives: [], guessed: false };
      if (mentions.length > 0 && kinds.has(i)) return { ...c, unseenWeight: UNKNOWN_CHARACTER_WEIGHT };
      if (besideKnown && c.unseenWeight === UNKNOWN_WEIGHT) return { ...c, unseenWeight: UNKNOWN_BESIDE_KNOWN };
      return c;
    });
    // "狮子吃什么": a word the article uses only in quotes, asked alone and not of what was said,
    // is meant in its everyday sense, as an English one is.
    const spokenOf =
      quoted ||
      frame?.speaker !== undefined ||
      SPEECH.test(folded) ||
      mentions.some((m) => m.thing.paragraphs.size < index.paragraphs.length);
    const everyday =
      frame?.mechanism || !spokenOf
        ? quotedWords.weighForeign(anchored, ALONE_TRUST, frame?.mechanism !== undefined)
        : anchored;
    return {
      concepts: otherChineseRanks(everyday),
      roles,
      ...(frame ? { frame } : {}),
      mentions,
      speakers,
      counted,
      ...(countsNothing ? { countsNothing } : {}),
    };
  }

  // A message and its one question are the same text, folded once.
  const folded = new Recent<string>(16);
  const foldAsked = (text: string): string =>
    askWhether(withoutTheCrowd(readChineseChat(lexicon().fold(readPicturedEmoji(text)))));

  return {
    pieces,
    fold: (text) => folded.of(text, foldAsked),
    respelled,
    hasContent: (text) =>
      pieces(lexicon().fold(text)).some((p) => (p.kind === 'other' ? hasContent(p.text) : p.kind !== 'stopword')),
    peopleIn: (folded) =>
      namesApart(joinUnknown(pieces(folded))).flatMap((p) => {
        if (p.kind === 'unknown') return [personNamed(p.text)?.name ?? []].flat();
        if (p.kind !== 'known') return [];
        return thingsNamedBy(p.text)
          .filter((t) => people.has(t.name))
          .map((t) => t.name);
      }),
    understand,
    askField,
    warm() {
      askField();
      understand(lexicon().fold('干部'), { names: true });
      // pinyin-pro's dictionaries, read the first time a name is said or a word slips.
      personNamed('王琦');
      lexicon().respell('鸡层');
    },
  };
}
