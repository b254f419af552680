import { editDistance } from './edits.js';
import { STOPWORDS } from './stopwords.js';
import { isNearMiss } from './vocabulary.js';
/**
 * What kind of answer a question asks for, read from its form: its question words and the
 * phrases that shape it ("how old", "what is his job", "how do I…"), whatever it asks about.
 */
export interface Frame {
  /** "How do I…", "best way to…", the best of anything: advice for the asker's own life, which the article never gives. */
  readonly advice: boolean;
  /** Speaks of the asker's own things ("my startup"). */
  readonly own?: boolean;
  /** A kind of fact the article gives of no one and nothing: an age, how long something lasted, pay. */
  readonly unknowable: boolean;
  /** The kind of answer asked for, when the question says. */
  readonly wants?: 'number' | 'date' | 'person';
  /** Asks who or what a named thing is ("who is Wang Qi", "what is his job"): where the text names it answers. */
  readonly identity: boolean;
  /**
   * Asks what someone said ("what did Xi Jinping say"): where the question names the one who
   * spoke, as offsets into it. Only those the article quotes or reports can answer.
   */
  readonly speaker?: readonly [start: number, end: number];
  /** Asks whether the article names something ("is Xi Jinping mentioned"): where it does answers. */
  readonly mention: boolean;
  /** Words that only shape the question ("job", "mentioned"): not looked for in the text. */
  readonly shaping: ReadonlySet<string>;
  /** Asks when something happened ("when did…", "on what date…"), not what happens when. */
  readonly when?: boolean;
  /** "How do X work": where X stands, as offsets. Asked of the article's own terms, it is their everyday sense. */
  readonly mechanism?: readonly [start: number, end: number];
  /** "How many cadres…": where the words naming what is counted start, as an offset. */
  readonly counted?: number;
  /** "What are the 11 cadres' names": how many people the question asks to be named, when more than one. */
  readonly group?: number;
  /** "What are the names of the officials…": asks several people to be named. */
  readonly names?: boolean;
  /** "What is the name of…", "叫什么名字": asks a name, which only a thing the article names has. */
  readonly askName?: boolean;
  /** "Who gets promoted", "what kind of officials…": asks what sort of people, which a description of them answers. */
  readonly describes?: boolean;
  /**
   * Words that only frame what is asked, not looked for at all: "what qualities", "which traits"
   * ask what sort of people ("quality" is not a trait of people); "do they care about" asks what
   * the text says of it ("care" is not ¶15's care of cadres).
   */
  readonly unlooked?: readonly string[];
  /** "Did they actually demote anyone", "has anyone been punished": asks whether it was done, which a record of the deed answers. */
  readonly done?: boolean;
  /**
   * "What is the difference between X and Y": where each thing compared stands, as offsets. Only a
   * passage holding each in its own words compares them.
   */
  readonly compared?: readonly (readonly [start: number, end: number])[];
  /**
   * "What does a middleman do", "what is a lion pack": asks what any one of a kind is or does;
   * where the kind stands, as offsets. Only a passage that writes of the kind itself answers.
   */
  readonly anyOne?: readonly [start: number, end: number];
  /** "What does a deputy minister do": asks what any one of a kind does, which the text says of no kind. */
  readonly anyOneDoes?: boolean;
}

const LEAD = String.raw`^(?:(?:so|ok|okay|hey|but|and|also|well|wait|like|quick question|question)[,:\s]+)*`;

/** Advice for the asker: the article tells no one how to live, work or cook. */
/**
 * A pattern tried only on a question holding one of the words it cannot match without: most
 * questions hold none, and the long patterns (".*" between two words) are the frame's slowest.
 * (`test` takes the question lowercased, as the words are written.)
 */
interface Gated {
  test(question: string, lower?: string): boolean;
}

function gated(words: readonly string[], pattern: RegExp): Gated {
  return {
    test: (question, lower = question.toLowerCase()) =>
      words.some((word) => lower.includes(word)) && pattern.test(question),
  };
}

const ADVICE = new RegExp(
  LEAD +
    String.raw`(?:(?:how|where) (?:do|can|should|could|would|might|will) (?:i|we|me)\b|(?:how|where) to\b|what(?: is|'s|s)? (?:the|a|some) (?:best|good|better|right|easiest|quickest) ways?\b|(?:the |a )?(?:best|good) ways? to\b|(?:is|are) there (?:a|any) (?:good |easy |simple |quick )?ways? to\b|any ways? to\b|(?:any )?tips\b|should i\b|can i\b|could i\b|what should i\b|(?:can you )?(?:recommend|suggest)\b|help me\b|i (?:want|need) to (?:know how|learn)\b|best\b)|\b(?:would|will|do|should|must) (?:i|we) (?:need|require)\b`,
  'i',
);

/**
 * The best of anything, which the article never ranks: "what are the best universities", "which
 * board is best for beginners".
 */
const BEST = gated(
  ['best'],
  /\b(?:what|which)\b.*\b(?:is|are|'s|s)\s+(?:the\s+)?best\b|\b(?:what|which)(?:'s|s| is| are)? the best\b|\bbest\s+[\p{L}-]+\s+(?:for|in|to|near)\b/iu,
);

/**
 * The asker's own things ("for my startup", "under my words"): a short question about them asks
 * about the asker's life, which the article never speaks of.
 */
const OWN = /\b(?:my|our)\s+(?!own\b)\p{L}/iu;

/**
 * What the article gives of no one and nothing: ages, how long things lasted, pay; the next
 * meeting (it reports what was said, not what comes next); the time now.
 */
const UNKNOWABLE: readonly Gated[] = [
  /\bhow old\b|\b(?:age|born|birthday|birthplace)\b/i,
  /\bhow long (?:has|have|had|did|will|does|do|was|were)\b/i,
  /\b(?:salary|salaries|paid|earn|earns|income|make money|makes money|net worth)\b/i,
  /\bwhen (?:is|are) the next\b|\bwhen will .+ again\b|\b(?:upcoming|next (?:year|month|week|time))\b/i,
  // someone's schooling, upbringing, family and pastimes
  /\b(?:go|went|goes|gone) to (?:school|college|university|uni)\b|\bstud(?:y|ied|ies) (?:abroad|overseas)\b|\b(?:alma mater|graduated? from|grew up|grow up|married|hobby|hobbies|wife|husband)\b/i,
  /\bwhere did .+ (?:study|studied|school|college|university)\b/i,
  // someone's earlier career: the article gives each person's post now, none they held before
  gated(
    ['before', 'previous', 'prior', 'earlier'],
    /\b(?:where|what) did \p{L}+(?: \p{L}+)? (?:work|serve)\b.*\bbefore\b|\b(?:previous|prior|earlier) (?:job|jobs|post|posts|positions?)\b/iu,
  ),
  // the weather
  /\b(?:weather|temperature|forecast)\b/i,
  // the economy's and the population's figures: the article gives none
  /\b(?:gdp|population|per capita|inhabitants|budget|tax revenue)\b/i,
  // who made something first, and its history: the article tells of nothing's origin
  /\b(?:invent|invented|invents|inventor|inventors|founder|founders|founded)\b|\bhistory of\b/i,
  // who said or used a phrase first: the article reports who says it now, never who first did
  /\bwho\s+(?:first|originally)\s+(?:said|says|say|used|coined|wrote|came up with|thought of)\b|\b(?:coined|coin(?:ed)? the (?:phrase|term)|origins?\s+of)\b/i,
  // what something is known for: the article gives nothing's reputation
  /\b(?:known|famous|renowned|noted|best known) for\b/i,
  /\bwhat time is it\b|\bwhat(?:'s| is) the time\b|\btoday'?s date\b|\bwhat day is (?:it|today)\b/i,
  // Who held a post before or after someone, and when anyone took up a post: the article gives
  // each person's post as it is, never how or when they came to it.
  // ("A new chief dropped his predecessor's projects" asks what newcomers should do: ¶14.)
  /\bwho (?:was|is|were|are|will be)\b.*\b(?:predecessors?|successors?)\b|\b(?:predecessors?|successors?) (?:as|of|to|in)\b|\bwho (?:succeeded|replaced|preceded|will succeed|will replace)\b/i,
  /\bwhen did .+ (?:become|take office|took office|take over|get promoted|get appointed|get the job|start the job|join)\b|\bsince when\b/i,
  // A copy of a document to get: the article links to nothing and holds no document whole.
  /\b(?:download\w*|subscri(?:be|bes|bing|ption)|pdf)\b|\bfull text\b/i,
  gated(
    ['before'],
    // (Case counts here: under the "i" flag \p{Lu} is any letter, and "before get promoted" no name.)
    /\b(?:[Ww]ho|[Ww]hich \w+)\s+(?:was|were|had been)\b.*\b[Bb]efore\s+(?:him|her|them|\p{Lu}\p{L}+\s+\p{Lu}\p{L}+|[Hh]uang|[Ww]ang)\b/u,
  ),
];

const WANTS: readonly (readonly [Frame['wants'] & string, RegExp])[] = [
  [
    'number',
    /\bhow many\b|\b(?:what|which) number\b|\bnumber of\b|\b(?:real|actual|any|concrete|hard|exact)\s+(?:numbers?|figures|stats|statistics)\b/i,
  ],
  // "When was it", "know when the seminar opened"; not "what happens when a leader leaves" or
  // "when something goes wrong, do they…", where "when" sets a condition and asks no time.
  [
    'date',
    /\bwhen\s+(?:did|does|do|was|were|is|are|will|has|have|had)\b|\bwhen\W*$|\b(?:know|tell me|ask|asked|wonder|wondering|remember|find out|curious|say|says|said)\s+when\b|^\W*when\b(?!.*(?:,|\b(?:do|does|did|is|are|was|were|can|could|will|would|should)\s+(?:they|you|we|he|she|it|there|officials|cadres)\b|\b(?:what|how|who|which|why)\b))|\b(?:what|which) (?:\w+ (?:and|or) )?(?:date|day|year|month|time)\b/i,
  ],
  [
    'person',
    /^(?:\W*(?:so|and|but|wait|ok)\s+)*(?:who|whom|whose)\b|\bwhich (?:official|officials|person|people|speaker|leader|leaders)\b|\bnames\b/i,
  ],
];

/** "When did…", "on what date…": asks a time, where "what happens when a leader leaves" does not. */
const WHEN = new RegExp(
  String.raw`(?:${LEAD}when\s+(?:did|does|do|was|were|is|are|will|has|have|had)\b|\b(?:what|which)\s+(?:date|day|year|month)\b)`,
  'i',
);

const IDENTITY = new RegExp(
  LEAD +
    String.raw`(?:(?:who|what)(?:'s| is| are| was| were)\b|what (?:does|did) .+ do\b|what (?:job|title|position|role|post|rank)s? (?:does|did)\b)|['’]s (?:job|title|position|role|post|rank|occupation)s?\b|\b(?:job title|full name)\b`,
  'i',
);
const IDENTITY_WORDS = [
  'job',
  'title',
  'position',
  'role',
  'post',
  'rank',
  'occupation',
  'jobs',
  'titles',
  'positions',
  'roles',
  'posts',
  'hold',
  'holds',
  'full',
  'name',
  'called',
  'do',
];

/** "what did X say", "has X ever talked about", "what X said", "what were X's words": X is who spoke. */
const SPEAKER = [
  /\b(?:did|does|do|has|have|had|will|would)\s+(.+?)\s+(?:ever\s+|actually\s+|really\s+)?(?:say|talk|speak|mention|state|announce|emphasi[sz]e|stress|tell|write|warn|think|believe|claim)\b/i,
  /\bwhat\s+(.+?)\s+(?:said|says|mentioned|stated|announced|wrote|thinks|thought|believes|claimed)\b/i,
  /\b(?:what|which)\s+(?:is|was|are|were)\s+(.+?)['’]s\s+(?:quote|quotes|words|speech|remarks|message|view|views|opinion)\b/i,
];

const MENTION =
  /\b(?:mention|mentioned|mentions|mentioning|named|names|appear|appears|featured|cited|referenced|in (?:the|this) article)\b/i;
const MENTION_WORDS = [
  'mention',
  'mentioned',
  'mentions',
  'mentioning',
  'named',
  'names',
  'appear',
  'appears',
  'featured',
  'cited',
  'referenced',
];

/** "Does Xi come up", "is the lion quote brought up": the verb before "up" only asks whether it is mentioned. */
const UP_IN_TEXT = /\b(come|comes|came|coming|show|shows|showed|shown|brought|bring|brings|bringing)\s+up\b/gi;

function speakerOf(question: string): { speaker?: readonly [number, number] } {
  for (const pattern of SPEAKER) {
    const match = pattern.exec(question);
    const who = match?.[1];
    if (match && who) {
      const start = match.index + match[0].indexOf(who);
      return { speaker: [start, start + who.length] };
    }
  }
  return {};
}

/** "what number", "which year", "what kind of": the word after the question word names the kind of answer. */
const KINDS = 'number|date|day|year|month|time|kind|type|sort|part|name|names|title|job|position|role|level|rank|issue';
/** "Which issue and year": two kinds of answer asked at once. */
const ANSWER_KIND = new RegExp(
  String.raw`\b(?:what|which|whats|what's)\s+(${KINDS})(?:\s+(?:and|or|&)\s+(${KINDS}))?\b`,
  'gi',
);

const NUMBER_WORDS: Record<string, number> = {
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
};

/** A count in figures or words: not a day of a month ("November 21") nor an ordinal ("21st"). */
const COUNT =
  /(?<!(?:january|february|march|april|may|june|july|august|september|october|november|december)\s+)\b(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\b(?!\s*(?:th|st|nd|rd)\b)/gi;

/** The count a question gives ("the 11 cadres", "the two speakers"), when it gives one above one. */
export function countIn(question: string): number | undefined {
  for (const [word] of question.matchAll(COUNT)) {
    const n = /^\d+$/.test(word) ? Number(word) : NUMBER_WORDS[word.toLowerCase()];
    if (n !== undefined && n >= 2 && n < 1000) return n;
  }
  return undefined;
}

/**
 * A count of people ("the 11 cadres", "the two of them", "all 11"): not of things ("the five
 * goals"), which "who laid out the five goals" asks of no group.
 */
const OF_PEOPLE =
  /^\s*(?:(?:[\p{L}-]+\s+){0,2}?(?:cadres|officials|people|persons|leaders|individuals|ones|men|women|guys|members|officers|speakers)\b|\s*(?:$|[?.!,;:]|of\b|who\b|that\b|['’]s\b))/iu;

function countOfPeople(question: string): number | undefined {
  for (const match of question.matchAll(COUNT)) {
    if (!OF_PEOPLE.test(question.slice(match.index + match[0].length))) continue;
    return countIn(match[0]);
  }
  return undefined;
}

/** Asks the posts or titles of those it counts: "which posts did the 11 cadres hold". */
const EACH_ONES_POST = /\b(?:which|what) (?:posts|positions|jobs|titles|roles|ranks)\b/i;

const HOW_MANY = /\bhow many\s+(?:of\s+(?:the\s+|these\s+|those\s+)?)?/i;

const MECHANISM = /\bhow (?:do|does|did) (.+?) (?:work|function|operate)\b/i;

function mechanismOf(question: string): { mechanism?: readonly [number, number] } {
  const match = MECHANISM.exec(question);
  const what = match?.[1];
  if (!match || !what) return {};
  const start = match.index + match[0].indexOf(what);
  return { mechanism: [start, start + what.length] };
}

/** "Is it true…", "is that right": asks for a verdict on what follows or came before. */
const VERDICT = gated(
  ['true', 'right', 'correct', 'accurate', 'real'],
  /\b(?:is|was|are|were)\s+(?:it|that|this|they|those|these)\s+(?:really\s+)?(?:true|right|correct|accurate|real)\b/i,
);
/** "Real numbers", "any hard figures": a count asked for. */
const COUNT_WANTED = /\b(?:real|actual|any|concrete|hard|exact)\s+(?:numbers?|figures|stats|statistics)\b/i;
/** Words for something said, which name no topic of their own: "the middlemen comment". */
const SPEECH_WORDS = ['comment', 'comments', 'remark', 'remarks'];
const SPEECH = new RegExp(String.raw`\b(?:${SPEECH_WORDS.join('|')})\b`, 'i');
/** "Seen as", "regarded as", "considered": a verb that frames a judgement, which is what is asked. */
const SEEN_AS_WORDS = ['seen', 'viewed', 'regarded', 'deemed', 'considered', 'thought'];
const SEEN_AS = /\b(seen|viewed|regarded|deemed|considered|thought of)\s+(?:as\b|to be\b)/gi;
/** "Last year", "this month": a time counted from the asker's now. */
const RELATIVE_TIME = /\b(last|this|next|past)\s+(year|years|month|months|week|weeks|decade|time)\b/gi;
/** "They keep mentioning", "I keep seeing": a verb of recurring before another verb. */
const KEEPS = gated(['keep', 'kept'], /\b(?:keep|keeps|kept)\s+\p{L}+ing\b/iu);

/**
 * "Who gets promoted", "who will be given the big jobs", "what kinds of officials…", "which ones
 * will it move down": asks what sort of people meet a fate, not who by name.
 */
const DESCRIBED = new RegExp(
  [
    // "who" asking, not "officials who got demoted"
    String.raw`(?:^\W*|[,;:?!.]\s+|\b(?:and|so|but|wait|ok|now)\s+)who\s+(?:gets?|got|will(?:\s+be|\s+get)?|would(?:\s+be|\s+get)?|(?:is|are)\s+going\s+to\s+(?:be|get)|should(?:\s+be|\s+get)?|deserves?|is\s+likely\s+to)\s+\p{L}`,
    // "who are they going to promote", "who will Jilin pick": the fate asked of, done by them
    String.raw`(?:^\W*|[,;:?!.]\s+|\b(?:and|so|but|wait|ok|now)\s+)who\s+(?:are|is|will|would|do|does|did|should|can)\s+(?:they|it|jilin|the\s+\p{L}+)\s+(?:going\s+to\s+|gonna\s+|want\s+to\s+|plan(?:ning)?\s+to\s+|try(?:ing)?\s+to\s+)?(?:promote|demote|fire|sack|punish|reward|appoint|select|pick|choose|remove|dismiss|hire|favou?r|target|tolerate|support|protect|use)\b`,
    String.raw`\b(?:what|which)\s+(?:kinds?|types?|sorts?)\s+of\s+(?:officials?|people|cadres?|leaders?|persons?|staff|civil\s+servants?|behaviou?rs?|conduct|actions|qualities|traits|attitudes)\b`,
    String.raw`\bwhich\s+(?:officials|ones|cadres|people|leaders)\s+(?:will|would|get|gets|are|should)\b`,
    // "which qualities help an official get promoted": the sort of people who have them
    String.raw`\b(?:what|which)\s+(?:qualities|traits|attitudes|behaviou?rs|skills|characteristics)\b`,
  ].join('|'),
  'iu',
);

/** "Did they actually demote anyone", "has anyone been punished yet": whether a thing was done to anyone. */
const DONE = new RegExp(
  [
    String.raw`\b(?:did|have|has)\s+(?:they|it|jilin|the\s+(?:province|party|department|government))\s+(?:actually\s+|really\s+|ever\s+|already\s+|in\s+fact\s+)?\p{L}+\s+(?:anyone|anybody|any|someone|somebody)\b`,
    String.raw`\b(?:did|have|has|was|were)\s+(?:anyone|anybody|someone|somebody|any\s+(?:officials?|cadres?|leaders?|people))\s+(?:actually\s+|really\s+|ever\s+|already\s+)?(?:been|get|got|gotten|\p{L}+ed)\b`,
  ].join('|'),
  'iu',
);

const COMPARED = /\b(?:the\s+)?differences?\s+between\s+(.+?)\s+(?:and|vs\.?|versus)\s+(.+?)\s*(?:[?.!,;]|$)/i;

function comparedOf(question: string): { compared?: readonly (readonly [number, number])[] } {
  const match = COMPARED.exec(question);
  if (!match) return {};
  const [whole, one = '', other = ''] = match;
  const first = match.index + whole.indexOf(one);
  const second = match.index + whole.indexOf(other, first - match.index + one.length);
  return {
    compared: [
      [first, first + one.length],
      [second, second + other.length],
    ],
  };
}

const ANY_ONE = new RegExp(
  LEAD +
    String.raw`(?:what|wat|wut)(?:'s|s|\s+is|\s+are|\s+does|\s+do)\s+(?:an?)\s+(?!(?:good|decent|great|nice|fun|cool|bad)\b)(.+?)(?=\s+(?:do|does|mean|means|stand|stands|in|for|and|at|on|to)\b|\s*[?.!,;]|$)`,
  'i',
);

function anyOneOf(question: string): { anyOne?: readonly [number, number]; anyOneDoes?: boolean } {
  const match = ANY_ONE.exec(question);
  const kind = match?.[1];
  if (!match || !kind) return {};
  const start = match.index + match[0].length - kind.length;
  const does = /^\s+do\b/i.test(question.slice(start + kind.length)) && /\bdo(?:es)?\s+an?\s/i.test(match[0]);
  return { anyOne: [start, start + kind.length], ...(does ? { anyOneDoes: true } : {}) };
}

/** "What qualities", "which traits": the word only asks what sort. */
const SORT_ASKED = /\b(?:what|which)\s+(qualities|traits|characteristics)\b/gi;
/** "Do they even care about…", "does Jilin care abt…": asks what the text says of it. */
const CARE_ABOUT =
  /\b(?:do|does|did|will|would)\s+(?:they|it|jilin|the\s+\p{L}+)\s+(?:even\s+|really\s+|actually\s+|ever\s+)?(care|cares)\s+(?:about|abt|for|if|whether)\b/giu;

function unlookedOf(question: string): { unlooked?: readonly string[] } {
  const words = [
    ...[...question.matchAll(SORT_ASKED), ...question.matchAll(CARE_ABOUT)].map((m) => m[1]!.toLowerCase()),
    // "in normal words", "in plain English": how to answer, no topic
    ...[...question.matchAll(PLAIN_WORDS)].flatMap((m) => m[0].toLowerCase().split(/\s+/).slice(1)),
  ];
  return words.length > 0 ? { unlooked: words } : {};
}

/** A word every such question holds: a cheap test before the long one. */
const DESCRIBING_WORD =
  /\b(?:who|which|kinds?|types?|sorts?|qualities|traits|attitudes|behaviou?rs|skills|characteristics)\b/i;

/**
 * "Which came first, the seminar or the press conference", "was the seminar before the press
 * conference": asks the order of events, which only their dates tell.
 */
const ORDER = gated(
  ['came', 'come', 'happen', 'held', 'took place', 'occurred', 'before', 'after', 'earlier', 'later', 'order'],
  /\b(?:which|what)\b.*\b(?:came|comes|come|happened|happens|was held|took place|occurred)\s+(?:first|earlier|last|later|second)\b|\b(?:was|were|did|is)\s+(?:the\s+)?\w+(?:\s+\w+)?\s+(?:held\s+|happen\s+|take place\s+)?(?:before|after|earlier than|later than)\s+the\b|\bin what order\b|\border of (?:the )?events\b/i,
);
const ORDER_WORDS = [
  'came',
  'comes',
  'come',
  'happened',
  'happens',
  'held',
  'took',
  'place',
  'occurred',
  'first',
  'earlier',
  'later',
  'last',
  'second',
  'before',
  'after',
  'order',
  'events',
];

/** Reads a question's form. */
/** "In normal words", "in plain English", "in layman's terms": how the asker wants it said. */
const PLAIN_WORDS =
  /\bin (?:plain|simple|simpler|normal|everyday|layman's|laymans|layman|easy|basic|regular|ordinary) (?:english|terms|words|language)\b/gi;

export function frameOf(question: string): Frame {
  const lower = question.toLowerCase();
  const identity = IDENTITY.test(question);
  const upInText = [...question.matchAll(UP_IN_TEXT)].map((m) => m[1]!.toLowerCase());
  const mention = MENTION.test(question) || upInText.length > 0;
  const order = ORDER.test(question, lower);
  const shaping = new Set([
    ...(identity ? IDENTITY_WORDS : []),
    ...(mention ? MENTION_WORDS : []),
    ...upInText,
    // "does Xi come up at all": "at all" only presses the question
    ...(/\bat all\b/i.test(question) ? ['all'] : []),
    ...[...question.matchAll(ANSWER_KIND)].flatMap((m) => [m[1], m[2]].flatMap((k) => (k ? [k.toLowerCase()] : []))),
    ...(MECHANISM.test(question) ? ['work', 'function', 'operate'] : []),
    // "is it true they'll…": the verdict asked for names no topic
    ...(VERDICT.test(question, lower) ? ['true', 'right', 'correct', 'accurate', 'real'] : []),
    // "like real numbers", "any hard figures": a count wanted, no topic
    ...(COUNT_WANTED.exec(question)?.[0].toLowerCase().split(/\s+/) ?? []),
    // "the middlemen comment": words for something said, the saying asked of
    ...(SPEECH.test(question) ? SPEECH_WORDS : []),
    // "last year", "this month": a time counted from now, which the article cannot place
    ...[...question.matchAll(RELATIVE_TIME)].flatMap((m) => [m[1]!.toLowerCase(), m[2]!.toLowerCase()]),
    // "they keep mentioning", "I keep seeing": the verb only says it recurs
    ...(KEEPS.test(question, lower) ? ['keep', 'keeps', 'kept'] : []),
    // "are experts seen as important", "is it considered a failure": the verb only frames the judgement
    ...(SEEN_AS_WORDS.some((word) => lower.includes(word)) ? [...question.matchAll(SEEN_AS)] : []).map((m) =>
      m[1]!.toLowerCase(),
    ),
    // "all this got announced", "all of that": the pronoun, not a topic
    ...(/\ball (?:of )?(?:this|that|these|those)\b/i.test(question) ? ['all'] : []),
    // "list all the officials…": the verb asks for a list, it names no topic
    ...(/^\W*list\b/i.test(question) ? ['list'] : []),
    // "which came first, the seminar or…": the order of events, asked by their dates
    ...(order ? ORDER_WORDS : []),
  ]);
  const wants = order ? 'date' : WANTS.find(([, pattern]) => pattern.test(question))?.[0];
  const howMany = HOW_MANY.exec(question);
  // "Which posts did the 11 cadres hold": each one's post is asked, as each one's name would be.
  const eachOne = wants === 'person' || EACH_ONES_POST.test(question);
  const group = eachOne ? countOfPeople(question) : undefined;
  const askName = /\bwhat(?:'s| is| are| was| were)? the (?:full )?names? of\b/i.test(question);
  const names =
    /\bnames\b|\bname (?:them|all|each)\b|\b(?:any|the) named (?:officials|cadres|people|leaders|individuals)\b|\blist(?: of| all| every)? (?:the |all the )?(?:officials|cadres|people|leaders)\b/i.test(
      question,
    );
  return {
    advice: ADVICE.test(question) || BEST.test(question, lower),
    ...(OWN.test(question) ? { own: true } : {}),
    unknowable: UNKNOWABLE.some((pattern) => pattern.test(question, lower)),
    ...(wants ? { wants } : {}),
    ...(wants === 'date' && (order || WHEN.test(question)) ? { when: true } : {}),
    identity,
    ...speakerOf(question),
    ...mechanismOf(question),
    ...(howMany ? { counted: howMany.index + howMany[0].length } : {}),
    ...(group ? { group } : {}),
    ...(names ? { names } : {}),
    ...(askName ? { askName } : {}),
    ...(DESCRIBING_WORD.test(question) && DESCRIBED.test(question) ? { describes: true } : {}),
    ...unlookedOf(question),
    // (Most questions ask of no "anyone": the cheap test first.)
    ...(/\b(?:any|some)/i.test(question) && DONE.test(question) ? { done: true } : {}),
    ...comparedOf(question),
    ...anyOneOf(question),
    mention,
    shaping,
  };
}

/** Words that shape a question, as its form is read: a slip in one ("positon") is still it. */
const FRAME_WORDS = [
  ...new Set([...IDENTITY_WORDS, ...MENTION_WORDS, 'happened', 'happens', 'promoted', 'number', 'many']),
].filter((w) => w.length >= 5);

const SPELLED_LIMIT = 4096;
/** Each word's reading, kept: the same words come back question after question. */
const spelled = new Map<string, string | undefined>();

/**
 * Question words and ordinals: a closed set, so a letter dropped from one ("wich", "fith") makes
 * no other word the question could mean, however short.
 */
const CLOSED_WORDS = [
  'which',
  'where',
  'whose',
  'first',
  'second',
  'third',
  'fourth',
  'fifth',
  'fifthly',
  'firstly',
  'secondly',
  'thirdly',
  'fourthly',
  'twelfth',
];

/** Whether `word` is `closed` with one letter after the first left out. */
function droppedLetter(word: string, closed: string): boolean {
  if (closed.length !== word.length + 1) return false;
  for (let i = 1; i < closed.length; i++) if (closed.slice(0, i) + closed.slice(i + 1) === word) return true;
  return false;
}

/** The frame word a typed word is a slip for, if any: one sharing its first letter and near its length. */
function frameWordFor(folded: string): string | undefined {
  if (spelled.has(folded)) return spelled.get(folded);
  // A frame word typed right is itself, not its neighbour ("named" is not "names").
  if (FRAME_WORDS.includes(folded) || CLOSED_WORDS.includes(folded)) return folded;
  const meant =
    CLOSED_WORDS.find((w) => w[0] === folded[0] && droppedLetter(folded, w)) ??
    [...FRAME_WORDS, ...CLOSED_WORDS].find(
      (w) =>
        folded.length >= 5 &&
        w[0] === folded[0] &&
        Math.abs(w.length - folded.length) <= 2 &&
        isNearMiss(folded, w, editDistance(folded, w, 2)),
    );
  if (spelled.size >= SPELLED_LIMIT) spelled.clear();
  spelled.set(folded, meant);
  return meant;
}

/**
 * The question with slips in the words that shape it spelled right ("what is Wang Qi's positon"),
 * so its form is read as meant; every other word is left as typed.
 */
export function spellFrameWords(question: string, known: (word: string) => boolean): string {
  return question.replace(/\p{L}{4,}/gu, (word) => {
    const folded = word.toLowerCase();
    // A word the article or its asks use is meant as typed: "rules" is not "roles"; so is a word
    // that carries no topic ("were" is not "where").
    if (known(folded) || STOPWORDS.has(folded)) return word;
    return frameWordFor(folded) ?? word;
  });
}
