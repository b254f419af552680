import type { Role } from './decide.js';
import type { ForeignNames } from './foreign-names.js';
import type { Frame } from './frames.js';
import { findMentions, type Mention, type NamedThing } from './named.js';
import { hasContent, JUDGES_BEFORE, type QuestionPart } from './parts.js';
import type { SearchIndex } from './index.js';
import { termKey } from './synonyms.js';
import { otherRanks } from './ordinals.js';
import type { OtherPlaces } from './other-places.js';
import { readQuery, type Concept, type QueryContext } from './query.js';
import { ALONE_TRUST, type QuotedWords } from './quoted-words.js';
import { discordWords } from './server-questions.js';
import { STOPWORDS } from './stopwords.js';
import { tokenize, type Token } from './text.js';
import type { Understood } from './understood.js';

/** Verbs of saying: what a named speaker "set out" is what they said. */
const SAYING =
  /^(?:set out|lay out|laid out|lays out|propose|proposed|proposes|outline|outlined|outlines|announce|announced|announces|present|presented|introduce|introduced|introduces|describe|described|explain|explained|mention|mentioned|list|listed|talk|talked|talks|speak|spoke|speaks|discuss|discussed|state|stated|raise|raised|put forward|think|thinks|thought|believe|believes|believed|feel|feels|felt)$/;
/** What the text is said to say: "is Jilin saying…", "does it claim…". */
const SAID = /^(?:say|says|saying|said|claim|claims|claiming|claimed)$/;
/** A question's closing place: "in hockey", "at US companies", "in the us". */
const SCOPE =
  /\b(?:in|at|for|among|of)\s+((?:the\s+|a\s+|an\s+)?(?:(?!\b(?:in|at|for|among|of)\s)[\p{L}\p{N}'’ ]){2,30}?)\s*[?.!]*$/iu;
/** A question's opening place: "In software engineering, how…". */
const OPENING_SCOPE = /^\W*(?:in|at|for|among)\s+([\p{L}\p{N}'’ -]{2,40}?)\s*,\s+/iu;
/** Openings that say how to answer, not where: "in short", "in simple terms". */
const MANNER =
  /^(?:short|brief|general|simple|plain|other|a nutshell|lay|layman|laymans|layman's|one|a few|few|a word|a sentence|english|your|my|theory|practice|practical|concrete|basic|everyday|summary|total|particular|detail|details|essence|effect|fact|sum|the end|reality)\b/i;
/** What closes a question as "in…", "at…" or "for…" without placing it: "at any cost", "for now", "in practice". */
const CLOSING_IDIOM =
  /^(?:any cost|all costs?|all|first|last|least|most|once|best|worst|the end of the day|the same time|times|general|short|fact|practice|theory|principle|particular|total|sure|now|good|real|reality|the long run|the end|a while|course|a nutshell)$/i;
/**
 * "…in economics", "…in hr", "…in distributed systems": a field of knowledge or sport, where the
 * article's words ("capital chain", "bottom line", "fault tolerance") mean something else.
 */
const FIELD =
  /^(?:the\s+)?(?:(?:field|world|study)\s+of\s+)?(?:economics|finance|financial markets|accounting|marketing|advertising|hr|human resources|psychology|sociology|biology|ecology|zoology|physics|chemistry|math|maths|mathematics|statistics|computing|computer science|programming|software|networking|distributed systems|machine learning|ai|engineering|medicine|law school|sports?|football|soccer|basketball|baseball|hockey|tennis|chess|music|art|philosophy|religion|linguistics|logistics|retail|real estate|investing|crypto|video games|gaming)\W*$/i;

/** Only a short question's closing place says where it asks: a long one's may be the asker's own. */
const SCOPED_WORDS = 10;
/** Words that place what follows: a name after them is a setting. */
const PLACING = /^(?:at|in|during|on)$/;
/**
 * "Who said that and what was the point", "does it back that up": a question that points back at
 * its backstory with a word standing for it (not "this article") asks about the backstory.
 * ("What is this 'Three Ups…'": a word in quotation marks after "this" is what "this" names.)
 */
const POINTS_BACK =
  /\b(?:said|say|back|backs|support|supports|confirm|confirms|contradict|contradicts|(is|was|does|did))\s+(?:that|this|it|these|those|them)\b(?:\s+["'‘“]?([\p{L}\p{N}]+))?/giu;

/** After the pronoun, a word that ends its clause: "said that and what…", "back that up". */
const CLAUSE_END = new Set([
  'and',
  'or',
  'but',
  'so',
  'up',
  'then',
  'too',
  'who',
  'what',
  'how',
  'why',
  'where',
  'when',
  'which',
]);

/** After "is that", "does it": words asking of the backstory itself. */
const ASKED_OF_IT = new Set(['still', 'how', 'mean', 'true', 'right', 'correct', 'accurate', 'so', 'the']);

/**
 * "Is that true?" asks of the backstory; "is it true they'll demote…" asks of the clause after
 * it, as any question does.
 */
const VERDICT = new Set(['true', 'right', 'correct', 'accurate']);
/** Where a clause ends: its punctuation, or the word joining the next one. */
const CLAUSE_STOP = /[,;.?!]|\s(?:and|or|but)\s/i;

function clauseAfter(text: string): string {
  const stop = CLAUSE_STOP.exec(text);
  return stop ? text.slice(0, stop.index) : text;
}

/** "Who said it originally": a manner or time word after the pronoun ends its clause too. */
const ADVERB = /^(?:\p{L}{3,}ly|first|again|before|exactly)$/iu;

function pointsBackAt(text: string): boolean {
  return [...text.matchAll(POINTS_BACK)].some(
    (m) =>
      // Followed by any other word ("say it will use", "say that officials…"), the pronoun opens a clause;
      // after words of its own ("some quote about lions… who said it"), it points at them.
      // "Is that still how it works", "does that mean": asked of it, the pronoun is the backstory.
      (m[2] === undefined ||
        CLAUSE_END.has(m[2].toLowerCase()) ||
        (m[1] === undefined && ADVERB.test(m[2])) ||
        (m[1] !== undefined &&
          ASKED_OF_IT.has(m[2].toLowerCase()) &&
          !(VERDICT.has(m[2].toLowerCase()) && hasContent(clauseAfter(text.slice(m.index + m[0].length)))))) &&
      tokenize(text.slice(0, m.index)).every((t) => STOPWORDS.has(t.word)),
  );
}

/**
 * "Does the plan say anything about such cases?", "…about situations like this?": a question that
 * closes on a word for cases of the kind its backstory tells asks about what the backstory tells.
 */
const SUCH_CASES =
  /\b(?:such\s+(?:a\s+)?(?:cases?|things?|situations?|incidents?|stories|story|matters?)|(?:cases?|things?|situations?|incidents?|stories)\s+like\s+(?:this|that|these|those|mine|his|hers|ours|theirs)|(?:this|that)\s+(?:kind|sort|type)\s+of\s+(?:thing|case|situation))\W*$/i;

/** What a question sets aside, up to the end of its clause: "besides the deputy minister,". */
const ASIDE = /\b(?:besides|apart from|aside from|other than|except(?: for)?)\s+[^,;?!.]+/i;
/**
 * "…, or is it all slogans?": the answer the asker fears, offered after the question, is doubt
 * voiced, not more to look for; so is their doubt of whoever told them ("…, or is he mixing things up?").
 */
const OTHER_ANSWER =
  /,?\s+or\s+(?:(?:is|was|are|were)\s+(?:it|this|that|they|these|those)\s+(?:all|just|only|mostly|simply|really)\b|(?:is|was|are|were|am|did|does|do|has|have)\s+(?:he|she|they|i|my\s+\p{L}+)\s+(?:just\s+|totally\s+|completely\s+)?(?:mixing|confusing|wrong|mistaken|misremembering|remembering it wrong|exaggerating|making (?:it|that|this|things) up|made (?:it|that|this) up|(?:get|got|getting) (?:it|that|this|things) wrong)\b)[^?!.]*/iu;
/** A question's opening up to its subject: "does", "how did the", "so is". */
const SUBJECT_BEFORE =
  /^\W*(?:(?:so|and|but|also|ok|wait)\W+)*(?:(?:how|why|when|where|what|which)\s+)?(?:does|did|do|is|are|was|were|has|have|can|could|will|would|should)\s+(?:the\s+)?$/i;
/**
 * "How do sheep behave in a flock", "how do traffic lights decide when to change": the article's
 * figure asked doing what the article never speaks of is the thing itself; where it starts, or
 * Infinity. ("How do the traffic lights guide work" asks of the figure, in the article's words.)
 */
function figureDoing(tokens: readonly Token[], quotedWords: QuotedWords, index: SearchIndex): number {
  // "Do lions actually hunt in packs" asks it as plainly as "how do lions hunt".
  const opensWithDo = DOES.has(tokens[0]?.word ?? '');
  const how = opensWithDo ? -1 : tokens.findIndex((t, at) => t.word === 'how' && DOES.has(tokens[at + 1]?.word ?? ''));
  if (!opensWithDo && how < 0) return Infinity;
  let at = how + 2;
  if (ARTICLES.has(tokens[at]?.word ?? '')) at++;
  const first = at;
  while (tokens[at] && quotedWords.onlyInQuotes(tokens[at]!)) at++;
  if (at > first) while (tokens[at] && /^(?:\p{L}{3,}ly|really|ever|even|still|just)$/u.test(tokens[at]!.word)) at++;
  const verb = tokens[at];
  const after = tokens[at + 1];
  if (at === first || !verb || (STOPWORDS.has(verb.word) && !THINGS_DO.has(verb.word)) || FIGURE_WORDS.has(verb.word))
    return Infinity;
  // A verb closes its clause or is followed by its preposition: "behave in", "hunt together".
  if (after && !STOPWORDS.has(after.word) && !/ly$|^(?:when|where|why|how|what|if|whether)$/.test(after.word))
    return Infinity;
  // A verb the article writes beside the figure is said of it ("the traffic lights guide"); one it
  // writes only elsewhere ("do sheep really follow a leader") asks of the things themselves.
  const doing = index.posting(verb.stem);
  const figure = index.posting(tokens[first]!.stem);
  const ofFigure = doing && (!figure || [...doing.positions.keys()].some((p) => figure.positions.has(p)));
  return ofFigure ? Infinity : tokens[first]!.start;
}
/** Nouns that name the figure as the article's ("the lion pack idea"), not a doing. */
const FIGURE_WORDS = new Set([
  'idea',
  'thing',
  'stuff',
  'metaphor',
  'analogy',
  'quote',
  'comparison',
  'line',
  'saying',
  'image',
  'concept',
  'bit',
  'part',
  'speech',
]);
const DOES = new Set(['do', 'does', 'did']);
/** Common verbs only the things themselves do, never the article's figure: "how do traffic lights know when…". */
const THINGS_DO = new Set(['know', 'happen', 'get', 'go', 'come']);
const ARTICLES = new Set(['the', 'a', 'an']);

/** Words that say the next is meant as the thing itself: "real lions", "actual landlords". */
const LITERAL = new Set(['real', 'actual', 'literal', 'wild', 'living']);
/** Before a place offered as the other answer: "jilin or some other province". */
const OR_ELSE = /\bor\s+(?:some\s+|any\s+|an\s+)?$/i;
/** The article's word for the officials it speaks of, as the index keys its inflections. */
const CADRES = termKey('cadres');
/** Words that say someone is, or acts as, what follows: "being sheep", "act like middlemen". */
const FIGURE_LEAD = new Set(['be', 'being', 'been', 'are', 'is', 'as', 'like', 'become', 'becoming', 'not']);
/** Verbs that name someone as a figure: "call officials lions". */
const NAMING = new Set(['call', 'calls', 'called', 'calling', 'compare', 'compares', 'compared', 'comparing']);
/** Context around a long question counts this much beside the question's own words. */
const CONTEXT_EMPHASIS = 0.3;

export interface EnglishQuestionTools {
  readonly context: QueryContext;
  readonly things: readonly NamedThing[];
  readonly quotedWords: QuotedWords;
  readonly foreign: ForeignNames;
  readonly places: OtherPlaces;
}

export interface EnglishOptions {
  readonly names: boolean;
  readonly frames: boolean;
}

/**
 * What an English question asks: its ideas through the synonyms, the vocabulary and the named
 * things; a word the article only quotes weighed down when meant in its everyday sense; names
 * the article does not know, Discord's things and numbers it never gives, as asked about
 * elsewhere. Undefined when the question places itself where the article never goes.
 */
export function understandEnglish(
  part: QuestionPart,
  text: string,
  frame: Frame | undefined,
  tools: EnglishQuestionTools,
  options: EnglishOptions,
): Understood | undefined {
  const { context, things, quotedWords, foreign, places } = tools;
  const { index } = context;
  const tokens = tokenize(text);
  // "Besides the deputy minister, who…": what the question sets aside is not what it asks about.
  const aside = ASIDE.exec(text) ?? OTHER_ANSWER.exec(text);
  const setAside = (first: number, last: number): boolean =>
    aside !== null &&
    first >= 0 &&
    tokens[first]!.start >= aside.index &&
    tokens[last]!.end <= aside.index + aside[0].length;
  const named = options.names ? findMentions(tokens, things, context.vocabulary) : [];
  const mentions = [...named, ...(options.names ? pointedAt(tokens, named, part.context, tools) : [])]
    .filter((m) => !setAside(m.first, m.last))
    .sort((a, b) => a.first - b.first);
  const inMention = (c: Concept): Mention | undefined => mentions.find((m) => c.first >= m.first && c.last <= m.last);
  let concepts: Concept[] = readQuery(text, context)
    .filter((c) => !setAside(c.first, c.last) && !frame?.unlooked?.includes(c.text))
    .map((c) => {
      const thing = inMention(c)?.thing;
      return thing ? { ...c, refersTo: thing.paragraphs } : c;
    });
  // A word the article uses only in quotes, asked without its term or quotation marks ("the
  // capital of France"), is most likely meant in its everyday sense: it counts for less.
  /** Where the question asks of a figure as the thing itself ("how do real lions hunt"), if it does. */
  let everydayAt = Infinity;
  if (options.frames) {
    // The article's figures of speech are said of its cadres: officials asked to be or not to be
    // one ("telling officials to stop being sheep", "act like middlemen") are asked of the figure.
    const ofCadres = concepts.some((c) => c.alternatives.some((a) => a.key === CADRES));
    const figurative = (first: number): boolean =>
      ofCadres && (FIGURE_LEAD.has(tokens[first - 1]?.word ?? '') || NAMING.has(tokens[first - 2]?.word ?? ''));
    const spokenOf = mentions.some((m) => m.thing.paragraphs.size < index.paragraphs.length);
    // "How do real lions hunt": the asker means the things themselves, not the article's figure.
    const literal = tokens.find(
      (t, at) => LITERAL.has(t.word) && tokens[at + 1] && quotedWords.onlyInQuotes(tokens[at + 1]!),
    );
    everydayAt = Math.min(literal?.start ?? Infinity, figureDoing(tokens, quotedWords, index));
    concepts = quotedWords.weigh(concepts, tokens, text, {
      spokenOf,
      figurative,
      ...(everydayAt < Infinity ? { everyday: everydayAt } : {}),
      mechanism: frame?.mechanism,
      trust: ALONE_TRUST,
    });
    // "How do traffic lights know when to change": what the things themselves do, in a word too
    // common to look for, is still asked, and the article never says it of them.
    const doing = everydayAt < Infinity ? tokens.findIndex((t) => t.start > everydayAt && THINGS_DO.has(t.word)) : -1;
    if (doing >= 0)
      concepts.push({ text: tokens[doing]!.word, alternatives: [], first: doing, last: doing, foreign: true });
  }
  // What someone "set out" or "talked about" is what they said: with a speaker named, the verb
  // only shapes the question.
  // ("state-owned", "talk-show": a word joined to the next by a hyphen is no verb.)
  const compound = (c: Concept): boolean => c.last >= 0 && /^-\p{L}/u.test(text.slice(tokens[c.last]!.end));
  const saying = (c: Concept): boolean => mentions.length > 0 && SAYING.test(c.text) && !compound(c);
  // "Is The Paper a newspaper": a word that only names a thing the question names again is that name.
  const namesAgain = new Set(mentions.map((m) => termKey(m.thing.name)));
  const renames = (c: Concept): boolean =>
    c.alternatives.length > 0 && c.alternatives.every((a) => namesAgain.has(a.key));
  const roles: Role[] = concepts.map((c) =>
    inMention(c) || renames(c) ? 'name' : frame?.shaping.has(c.text) || saying(c) ? 'shaping' : 'asked',
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
  const ranks = otherRanks(tokens, index);
  // Another place, in capitals or not ("Shanghai's rules", "how does guangdong select…").
  // "Is it about Jilin or some other province" offers the other place as the answer it doubts.
  const elsewhere = places.in(tokens, text).filter(({ start }) => !OR_ELSE.test(text.slice(0, start)));
  // ("In plain English": a word only saying how to answer names nothing.)
  const strangers = (options.names ? [...foreign.in(text), ...elsewhere] : []).filter(
    ({ name }) => !frame?.unlooked?.includes(name.toLowerCase()),
  );
  // "Does Zhejiang also have…": a question whose subject is a name the article does not know
  // asks about that other thing, whatever it shares with the article.
  if (strangers.some(({ start }) => SUBJECT_BEFORE.test(text.slice(0, start)))) return undefined;
  for (const { name, start } of options.names ? [...strangers, ...discord, ...numbers, ...ranks] : []) {
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
  // article never goes asks about there; so does one that opens so ("In software engineering, how…").
  const closing = tokens.length > SCOPED_WORDS ? null : SCOPE.exec(text);
  // "…at any cost", "…in general": an idiom closing the question places it nowhere.
  const scope = closing && !CLOSING_IDIOM.test(closing[1]?.trim() ?? '') ? closing : null;
  if (scope && options.frames) {
    const start = scope.index + scope[0].length - (scope[1]?.length ?? 0);
    const placed = concepts.filter((c) => c.first >= 0 && tokens[c.first]!.start >= start);
    const elsewhere =
      /^(?:the )?(?:us|usa|uk|west|states|china|the country)\W*$/i.test(scope[1] ?? '') || FIELD.test(scope[1] ?? '');
    // "…in indian villages": another place among them places it there.
    const there = placed.some((c) => c.foreign && strangers.some((n) => tokens[c.first]?.start === n.start));
    // A backstory's question may close on the asker's own affairs; another place is still elsewhere.
    // "How does fault tolerance work in distributed systems": how a thing works somewhere, one
    // word of where the article lacks, is asked of there.
    const lacking = (c: Concept): boolean => c.alternatives.length === 0;
    const unknown =
      !part.context && placed.length > 0 && (placed.every(lacking) || (frame?.mechanism && placed.some(lacking)));
    if (elsewhere || there || unknown) return undefined;
  }
  const opening = options.frames ? OPENING_SCOPE.exec(text) : null;
  if (opening?.[1] && !MANNER.test(opening[1])) {
    const end = opening.index + opening[0].length;
    const placed = concepts.filter((c) => c.first >= 0 && tokens[c.last]!.end <= end);
    if (placed.length > 0 && placed.every((c) => c.alternatives.length === 0 || c.foreign)) return undefined;
  }
  // "…for my startup": a short question about the asker's own things asks about their life.
  if (frame?.own && options.frames && !part.context && tokens.length <= SCOPED_WORDS + 2) return undefined;
  // Backstory around a long question helps find the passage, a little; it never counts
  // against it. When the question itself says little ("does it say anything about that?"),
  // the backstory is what it asks about.
  // ("Is Jilin saying it will stop doing that": the setting and what it is said to say are not
  // words of the question's own.)
  const ownWords = roles.filter(
    (r, i) =>
      r !== 'shaping' &&
      !(r === 'name' && inMention(concepts[i]!)?.thing.setting) &&
      !(mentions.length > 0 && SAID.test(concepts[i]!.text)),
  ).length;
  // ("…stop doing that, or is it just talk?": the doubt voiced after it is set aside.)
  const own = aside ? text.slice(0, aside.index) + text.slice(aside.index + aside[0].length) : text;
  const pointsBack =
    // ("what else was in that bit": a word for a stretch of text after the pronoun still points.)
    (ownWords <= 1 &&
      /\b(?:that|this|it|these|those|them)(?:\s+(?:bit|bits|part|parts|line|lines|section|passage|quote|phrase|one))?\W*$/i.test(
        own.trim(),
      )) ||
    // "…'three ups and three downs'. anyway what is it actually referring to?": nothing of its own but "it".
    (ownWords === 0 && part.context !== '' && /\b(?:that|this|it|these|those|they|them)\b/i.test(own)) ||
    pointsBackAt(text) ||
    (part.context !== '' && SUCH_CASES.test(own.trim()));
  // "Who was the second one": one of those the backstory spoke of last, picked by the question's own words.
  // "Someone who was punished before: can they ever be trusted again?": what is set before a
  // colon is whom the question's pronoun asks of, every word of it asked with the question's own.
  const topicSet = !pointsBack && TOPIC_SET.test(part.context) && HIM.test(text);
  const picksOne = topicSet || (!pointsBack && part.context !== '' && PICKS_ONE.test(text));
  const contextEmphasis = (pointsBack || picksOne) && part.context ? 1 : CONTEXT_EMPHASIS;
  // Then its own words ("back that up or say the opposite", "what was the point") only shape it.
  if (contextEmphasis === 1 && !picksOne)
    roles.forEach((r, i) => r === 'asked' && !concepts[i]!.foreign && (roles[i] = 'shaping'));
  // The word pointing back stands for what the backstory spoke of last, not for the asker's own
  // affairs before it ("writing a term paper on…, and I keep seeing the lion metaphor quoted").
  const backstory = tokenize(part.context);
  // ("…Does that mean X? In my experience that never happens.": not the asker's word after it.)
  const said = part.before ?? part.context.length;
  const nearest = contextEmphasis === 1 ? lastClauseStart(part.context.slice(0, said)) : 0;
  // What the asker put in quotation marks ("'image projects' come up a lot") is what it stands for.
  const quoted = [...part.context.matchAll(QUOTED_IN_BACKSTORY)]
    .map((m) => [m.index, m.index + m[0].length] as const)
    .filter(([start, end]) => hasContent(part.context.slice(start, end)));
  const stoodFor = (c: Concept): boolean => {
    const at = backstory[c.first]?.start ?? 0;
    if (quoted.length > 0) return quoted.some(([start, end]) => at >= start && at < end);
    return at >= nearest && at < said;
  };
  // "That lion pack speech got me thinking, do lions actually hunt…": asked of the thing itself,
  // the figure its backstory names is only what set the asker thinking.
  for (const c of part.context && everydayAt === Infinity ? readQuery(part.context, context) : []) {
    // The backstory's own words the article lacks ("my uncle complained") never count against it.
    const near = c.first < 0 || stoodFor(c);
    const asked = contextEmphasis === 1 && (c.alternatives.length > 0 || topicSet) && near;
    concepts.push({ ...c, emphasis: asked ? 1 : CONTEXT_EMPHASIS, first: -1, last: -1 });
    roles.push(asked ? 'asked' : 'context');
  }
  // What someone said can only come from those the article quotes or reports.
  const speaker = frame?.speaker;
  // "the guy at the press conference": a name after "at" or "in" is where it was said, not who said it.
  const placed = (m: Mention): boolean =>
    PLACING.test(tokens[m.first - 1]?.word ?? '') ||
    (PLACING.test(tokens[m.first - 2]?.word ?? '') && tokens[m.first - 1]?.word === 'the');
  const speakers = speaker
    ? mentions.filter((m) => tokens[m.first]!.start >= speaker[0] && tokens[m.last]!.end <= speaker[1] && !placed(m))
    : [];
  return {
    concepts,
    roles,
    ...(frame ? { frame } : {}),
    mentions,
    speakers,
    counted: countedConcepts(concepts, tokens, frame?.counted),
    owners: ownerConcepts(concepts, tokens, text),
    ...((frame?.identity && (frame.anyOneDoes || asksOfKind(mentions, tokens, text))) ||
    onlyNamed(mentions, text, Boolean(frame?.identity) && roles.every((r) => r === 'name'))
      ? { general: true }
      : {}),
    ...anyOneOf(frame, concepts, tokens, everydayAt),
    ...(frame?.compared ? { compared: frame.compared.map((span) => conceptsIn(concepts, tokens, span)) } : {}),
    together: namedAsOne(mentions, tokens, text),
  };
}

/**
 * The concepts of the kind asked of, which an answer writes in its own words: the kind the frame
 * reads ("what does a middleman do"), and the figure asked of as the thing itself ("do sheep
 * really follow a leader" asks of sheep, which no paragraph without them answers).
 */
function anyOneOf(
  frame: Frame | undefined,
  concepts: readonly Concept[],
  tokens: readonly Token[],
  everydayAt: number,
): { anyOne?: number[] } {
  const kind = frame?.anyOne ? conceptsIn(concepts, tokens, frame.anyOne) : [];
  const thing = concepts.flatMap((c, i) => (c.first >= 0 && tokens[c.first]!.start === everydayAt ? [i] : []));
  const all = [...new Set([...kind, ...thing])];
  return frame?.anyOne || all.length > 0 ? { anyOne: all } : {};
}

/** Words that point at a thing spoken of before: "that session", "the same seminar". */
const DEMONSTRATIVE = new Set(['that', 'this', 'same', 'those', 'these']);

/**
 * "This mentions the Third Plenary Session… What were the main decisions of that session?": a word
 * of a thing the backstory names, after "that", is that thing, and what is asked is asked of it.
 */
function pointedAt(
  tokens: readonly Token[],
  named: readonly Mention[],
  backstory: string,
  { things, context }: EnglishQuestionTools,
): Mention[] {
  if (!backstory || !tokens.some((t) => DEMONSTRATIVE.has(t.word))) return [];
  const before = findMentions(tokenize(backstory), things, context.vocabulary).map((m) => m.thing);
  return tokens.flatMap((token, at) => {
    if (!DEMONSTRATIVE.has(tokens[at - 1]?.word ?? '') || STOPWORDS.has(token.word)) return [];
    if (named.some((m) => m.first <= at && at <= m.last)) return [];
    const thing = before.find((t) => !t.setting && t.forms.some((form) => form.includes(token.base)));
    return thing ? [{ thing, first: at, last: at }] : [];
  });
}

/** A backstory that ends on a colon, naming people by what they did, sets whom the question after it asks of. */
const TOPIC_SET =
  /\b(?:someone|somebody|anyone|anybody|an official|officials|a cadre|cadres|people|those|a leader|leaders)\s+(?:who|that)\b[^:]*:\s*$/i;
const HIM = /\b(?:they|them|he|him|she|her)\b/i;

/** "The second one", "the other ones": a word standing for one of things named before. */
const PICKS_ONE = /\bthe\s+(?:first|second|third|other|last|latter|former)\s+(?:one|ones)\b/i;

/** Words the asker quotes in a backstory, in any quotation marks. */
const QUOTED_IN_BACKSTORY = /“[^”]+”|‘[^’]+’|"[^"]+"|(?<!\w)'[^']+'(?!\w)/g;

/** Where the backstory's last clause with words to look for starts. */
function lastClauseStart(backstory: string): number {
  const starts = [0, ...[...backstory.matchAll(CLAUSE_BREAK)].map((m) => m.index + m[0].length)];
  // "That sounds made up to me": the asker's verdict on what came before is not what "that" stands for.
  return (
    starts
      .reverse()
      .find((start) => hasContent(backstory.slice(start)) && !JUDGES_BEFORE.test(backstory.slice(start))) ?? 0
  );
}
/** A sentence's end, or a new clause of the asker's own ("…, and I keep seeing"); not "age and years". */
const CLAUSE_BREAK = /[.?!;:]\s+|(?:,|,?\s+(?:and|but|so|because))\s+(?=(?:i|we|i'm|im|i've|ive|there|they)\b)/gi;

/** Between two names written as one: "of", "of the", "of the CCP"; or the first owns the second ("Jilin's"). */
const JOINING = /^\s+of\s+(?:the\s+)?(?:[\p{L}\p{N}]+\s+)?$|^['’]s\s+$/u;

/** "The Organization Department of the CCP Central Committee": names written as one thing, qualifying each other. */
function namedAsOne(mentions: readonly Mention[], tokens: readonly Token[], text: string): Mention[] {
  const joined = new Set<Mention>();
  for (const [k, a] of mentions.entries()) {
    const b = mentions.slice(k + 1).find((m) => m.first > a.last);
    if (!b || a.thing === b.thing) continue;
    const between = text.slice(tokens[a.last]!.end, tokens[b.first]!.start);
    if (JOINING.test(between)) joined.add(a).add(b);
  }
  return [...joined];
}

/**
 * "What is a political consultative conference", "what does an Organization Department do in
 * general": a thing the article names, written as any one of its kind, asked what it is.
 */
function asksOfKind(mentions: readonly Mention[], tokens: readonly Token[], text: string): boolean {
  if (mentions.length === 0) return false;
  // "What does the WeChat app do": the text says what its people and bodies did, not what a
  // thing that never speaks in it does.
  const silent = DOES_WHAT.test(text) && mentions.every((m) => !m.thing.speaks && !m.thing.setting);
  return silent || IN_GENERAL.test(text) || mentions.some((m) => INDEFINITE.has(tokens[m.first - 1]?.word ?? ''));
}
/**
 * "What is Xi Jinping Thought about exactly", "what does it teach": asks what a thing holds, which
 * the text never says of what it names in passing, in one paragraph, and neither quotes nor dates.
 */
function onlyNamed(mentions: readonly Mention[], text: string, identity: boolean): boolean {
  return (
    mentions.length > 0 &&
    // ("What is X" asks what it is, which naming a body answers, not what a doctrine holds: only
    // "what", never "who", and of nothing else.)
    (CONTENT_ASKED.test(text) || (identity && WHAT_IS.test(text))) &&
    mentions.every((m) => !m.thing.speaks && !m.thing.setting && !m.thing.dated && m.thing.paragraphs.size === 1)
  );
}
const WHAT_IS = /^\W*(?:(?:so|ok|but|and)\s+)?(?:what|wat|wut)(?:'s|s|\s+is|\s+are|\s+was|\s+were)\s/i;
const CONTENT_ASKED =
  /\bwhat(?:'s|s| is| are| was| were)\s+[^?]+?\s+about\b\W*(?:exactly|really|actually|then)?\W*$|\bwhat (?:does|do|did) [^?]+? (?:teach|teaches|hold|holds|argue|argues|contain|contains|stand for|preach|preaches)\b/i;
const DOES_WHAT = /\bwhat (?:does|do) .+ do\b/i;
const INDEFINITE = new Set(['a', 'an', 'any']);
const IN_GENERAL = /\b(?:in general|generally|in principle|usually|typically)\b/i;

/** The concepts of the words typed within a stretch of the question. */
function conceptsIn(
  concepts: readonly Concept[],
  tokens: readonly Token[],
  [start, end]: readonly [number, number],
): number[] {
  return concepts.flatMap((c, i) =>
    c.first >= 0 && tokens[c.first]!.start >= start && tokens[c.last]!.end <= end ? [i] : [],
  );
}

/** "How many senior officials were…": the concepts of the words after "how many", up to the first stopword. */
function countedConcepts(concepts: readonly Concept[], tokens: readonly Token[], from: number | undefined): number[] {
  if (from === undefined) return [];
  const start = tokens.findIndex((t) => t.start >= from);
  if (start < 0) return [];
  let end = start;
  while (end + 1 < tokens.length && !STOPWORDS.has(tokens[end + 1]!.word)) end++;
  return concepts.flatMap((c, i) => (c.first >= 0 && c.first <= end && c.last >= start ? [i] : []));
}

/** Words that give what follows to someone the question already speaks of. */
const POSSESSIVE = new Set(['their', 'his', 'her', 'its', 'my', 'your', 'our', 'ur']);

/** "China's GDP", "the officials' work style": the concepts of the words written as owning what is asked. */
function ownerConcepts(concepts: readonly Concept[], tokens: readonly Token[], text: string): number[] {
  const owning = new Set(
    tokens.flatMap((t, at) => {
      const typed = text.slice(t.start, t.end);
      const plural = /s$/i.test(typed) && /^['’](?!\w)/.test(text.slice(t.end));
      return /['’]s$/i.test(typed) || plural ? [at] : [];
    }),
  );
  // "Their area's economy": a thing owned by one the question already speaks of is theirs, not another's.
  const ownedAgain = (c: Concept): boolean => POSSESSIVE.has(tokens[c.first - 1]?.word ?? '');
  return concepts.flatMap((c, i) => (c.first >= 0 && owning.has(c.last) && !ownedAgain(c) ? [i] : []));
}
