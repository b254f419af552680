import { editDistance } from './edits.js';
import { isNearMiss } from './vocabulary.js';

/**
 * Questions about the article itself rather than what it reports: what it is about, its
 * headline, who reported it, when it all happened, who is in it, how long it is.
 */
export type ArticleTopic = 'summary' | 'headline' | 'source' | 'when' | 'people' | 'place' | 'length' | 'events';

/** Words that point at the article itself. */
const ARTICLE = `article articles text story piece report news post link page thing one this it that here doc writeup
  content read reading all whole everything`;

/**
 * Each topic: the words that ask it (a question asks it when it holds one of the first
 * pattern's matches) and the words it may use besides.
 */
const TOPICS: readonly (readonly [ArticleTopic, RegExp, string])[] = [
  [
    'headline',
    /\b(?:headline|headlines|title|titled|heading)\b/,
    'headline headlines title titled heading called named exact full say says read reads',
  ],
  [
    'source',
    /\b(?:report(?:ed|s|ing)?|reporter|publish(?:ed|es|er|ers|ing)?|publications?|sources?|outlets?|newspapers?|papers?|sites?|websites?|wrote|writers?|written|authors?|relay(?:ed)?|media|agency|agencies|cit(?:e|ed|es|ing)|posted|came from|come from|comes from|originally|where(?:'s| is| was| does) (?:this|it)(?: \w+)? from)\b/,
    'report reported reports reporting reporter publish published publishes publisher publishing publication source sources outlet newspaper paper site website wrote writer written author relay relayed media agency agencies cite cited cites citing who where which from original originally chinese state official news come came comes first by made put out originally get got opinion editorial statement release press kind sort type credit credited credits ran carried printed posted',
  ],
  [
    'when',
    /\b(?:when|what date|which date|what day|what year|which year|timeline|dates?|recent|how old|old news|latest|up to date)\b/,
    'when from published written posted out timeline happen happened happening take took place occur occurred events event date dates day days year time all these go went down recent recently new latest old how up current',
  ],
  [
    'people',
    /\b(?:who(?:'s| is| are)? (?:mentioned|named|in it|involved|featured|quoted)|(?:people|persons?|names|officials|individuals|figures|speakers|players|characters) (?:are |were )?(?:mentioned|named|featured|quoted|involved|in)|which people|who are the (?:people|officials|main|key)|whos in|who(?:'s| is| are)? in (?:this|the|it)\b|who(?:'s| is| are) (?:this|the|it)(?: \w+)? about\b|(?:main|key) (?:people|figures|players|characters|officials)|how many (?:people|officials|names)|whose (?:views|words|opinions|voices|statements)|who(?:'s| is| are)? (?:speaking|talking|speaks|talks))\b/,
    'who whose people person persons names named name mentioned featured quoted involved officials individuals figures speakers players characters key main many views words opinions voices statements report reports speaking talking speaks talks speak',
  ],
  [
    'length',
    /\bhow long\b|\b(?:length|lengthy|word count|how many words|how many paragraphs|reading time|long read)\b|\b(?:is|was) (?:it|this|that|the \w+|this \w+) (?:very |too |really |that )?(?:long|short)\b/,
    'long words paragraphs many count reading read time length short lengthy very too really',
  ],
  [
    'place',
    /\b(?:where did (?:this|it|all this) happen|(?:which|what) (?:province|country|region|city|place)|(?:whole|entire) country|(?:just |only )?one (?:\w+ )?province|all of china|the whole of china|nationwide|national|countrywide|every province|other provinces)\b/,
    'where province provinces country countrywide region city place whole entire just only one single specific particular certain china national nationwide everywhere every other across apply applies happen happened about policy policies rule rules plan plans reform jilin local',
  ],
  // "Where was this announced": at which of the article's events its news was made known.
  [
    'events',
    /\bevents?\b|\bwhere (?:was|were) (?:all )?(?:of )?(?:this|it|that|these|they) (?:first )?(?:announced|unveiled|released|revealed|made public|presented|launched)\b/,
    'events event cover covers covered describe describes happened happen where first announced unveiled released revealed made public presented launched',
  ],
  [
    'summary',
    /\b(?:about|summary|summari[sz]e|tl;?dr|gist|overview|conclusion|conclude|concludes|(?:main|key) (?:parts|sections)|structured?|outline|main (?:point|idea|argument|thesis|claim)|key points?|takeaways?|recap|sum (?:it )?up|in short|nutshell|eli5|what happened|whats? going on|short version|big picture|(?:main|key|central) message|the point|the story|explain (?:this|it|the article)|(?:this|it|the article|the piece|the story|this piece|this story|this article) (?:saying|says|say))\b/,
    "about summary summarize summarise tldr tl dr gist overview main point points idea key takeaway takeaways recap sum up short brief briefly one line sentence simple simply words explain basically happened happening going on core message central essence quick quickly give me version big picture story whole saying says say piece nutshell they talking talk talks argument thesis claim im i'm am five kid child plain english terms layman laymans few conclusion conclude concludes parts part sections section structure structured outline organized organised",
  ],
];

const FILLER = `what whats is are was were the a an of in on to for me us you u please pls can could would i give
  tell so like just quick do does did about or and it its this that these all any how which has have
  even actually really exactly basically anyway ok okay um uh lol lmao haha hey yo bro rn tho though again
  real rly seriously srsly kinda sorta pretty much gonna wanna guys`;

/** An adverb of manner or time: "directly", "originally", "briefly". */
const ADVERB = /^\p{L}{4,}ly$/u;

/** Question words that ask a second topic on their own, after a first. */
const BARE = new Set(['when', 'where', 'who']);

const allowed = (extra: string): Set<string> => new Set(`${ARTICLE} ${FILLER} ${extra}`.split(/\s+/).filter(Boolean));
const ALLOWED = new Map(TOPICS.map(([topic, , extra]) => [topic, allowed(extra)]));

/**
 * The topic when the whole question is about the article itself: one topic's words, and
 * nothing but words about articles besides ("what is this article about", "tl;dr?", "who
 * reported this"). A question that names anything the article reports ("when was the press
 * conference") is a question about that, not this.
 */
export function articleTopicOf(question: string): ArticleTopic | undefined {
  return articleTopicsOf(question)[0];
}

/** Whether a word may stand in a question asking this topic; a topic's word in the plural ("outlets") is the same word. */
function allowedIn(topic: ArticleTopic, word: string): boolean {
  const allowed = ALLOWED.get(topic)!;
  // An adverb says how it is asked ("quoted directly", "originally"), never what of.
  if (ADVERB.test(word)) return true;
  return allowed.has(word) || (word.length > 3 && word.endsWith('s') && allowed.has(word.slice(0, -1)));
}

/**
 * Every topic the question asks about the article ("who reported this and when": its source
 * and its dates), most particular first; none when it asks anything else.
 */
export function articleTopicsOf(question: string): ArticleTopic[] {
  const lowered = question.toLowerCase().replace(/[’‘]/g, "'");
  const typed = wordsOf(lowered);
  // Every word must be some topic's: one of no topic ("cadres") asks of what the article reports,
  // unless it is a slip for an article word ("artcle").
  let text = lowered;
  for (const word of typed) {
    if (inAnyTopic(word)) continue;
    const meant = word.length >= 5 && /^\p{L}+$/u.test(word) ? articleWordFor(word) : word;
    if (meant === word || !inAnyTopic(meant)) return [];
    text = text.replace(new RegExp(String.raw`\b${word}\b`, 'u'), meant);
  }
  const words = text === lowered ? typed : wordsOf(text);
  const asked = TOPICS.filter(([, asks]) => asks.test(text)).map(([topic]) => topic);
  // One topic's words alone, or, for two asked at once, the words of either.
  // A topic whose words are the whole question comes first ("when was this published" asks when).
  const single = asked.find((topic) => words.every((w) => allowedIn(topic, w)));
  if (single) return [single];
  // "Who reported this and when": one topic's words and a bare question word asking another.
  const [first, ...others] = asked.filter((topic) => topic !== 'summary');
  if (!first) return [];
  const rest = words.filter((w) => !allowedIn(first, w));
  const second = others.find((topic) => rest.every((w) => BARE.has(w) && allowedIn(topic, w)));
  return second ? [first, second] : [];
}

/** The words that say a question is about the article itself, which a slip in one ("artcle") still says. */
const ARTICLE_WORDS = ['article', 'articles', 'headline', 'summary', 'summarize', 'published', 'reported', 'author'];
const SPELLED_LIMIT = 4096;
const spelled = new Map<string, string>();

/** The word an article word was typed for ("aritcle"), or the word itself. */
function articleWordFor(word: string): string {
  const known = spelled.get(word);
  if (known !== undefined) return known;
  const meant =
    ARTICLE_WORDS.find(
      (w) => w[0] === word[0] && Math.abs(w.length - word.length) <= 2 && isNearMiss(word, w, editDistance(word, w, 2)),
    ) ?? word;
  if (spelled.size >= SPELLED_LIMIT) spelled.clear();
  spelled.set(word, meant);
  return meant;
}

function wordsOf(text: string): string[] {
  return (text.replace(/tl;dr/g, 'tldr').match(/[\p{L}\p{N}']+/gu) ?? []).map((w) => w.replace(/'s$/, ''));
}

const ANY_TOPIC = new Set([...ALLOWED.values()].flatMap((words) => [...words]));

/** Whether some topic allows the word, as `allowedIn` reads it. */
function inAnyTopic(word: string): boolean {
  return (
    ADVERB.test(word) ||
    ANY_TOPIC.has(word) ||
    (word.length > 3 && word.endsWith('s') && ANY_TOPIC.has(word.slice(0, -1)))
  );
}
