/** What a message that asks nothing of the article is: a greeting, thanks, a laugh, a call for help. */
export type SmallTalk = 'greeting' | 'thanks' | 'laugh' | 'help' | 'about-bot' | 'ack' | 'emoji';

/** Words that make up small talk, by what they say. Anything else in a message makes it a question. */
const KINDS: readonly (readonly [SmallTalk, readonly string[]])[] = [
  ['thanks', ['thanks', 'thank', 'thx', 'ty', 'tysm', 'cheers', 'appreciate', 'appreciated', 'helpful']],
  ['help', ['help', 'commands', 'command', 'usage', 'instructions', 'start', 'begin']],
  ['about-bot', ['you', 'u', 'bot', 'yourself', 'ya']],
  ['laugh', ['lol', 'lmao', 'lmfao', 'rofl', 'haha', 'hahaha', 'hehe', 'xd', 'ha', 'kek']],
  [
    'greeting',
    [
      'hi',
      'hello',
      'hey',
      'heya',
      'hiya',
      'yo',
      'sup',
      'wassup',
      'howdy',
      'greetings',
      'morning',
      'afternoon',
      'evening',
      'night',
      'gm',
      'gn',
      'bye',
      'goodbye',
      'cya',
      'later',
      'welcome',
      'up',
      'wassup',
    ],
  ],
];

/** Words that go with any of them and change /** Words that go with any of them and change nothing ("good morning everyone", "thanks a lot"). */
const FILLER = new Set(
  `a an the so very much lot lots all everyone everybody guys folks there man bro dude friend friends
  again really just please pls plz me i my it its it's for is to and oh ah hmm um well of`
    .split(/\s+/)
    .filter(Boolean),
);

/** An acknowledgement alone ("ok", "cool") is small talk too. */
const ACK = new Set(
  'ok okay k kk cool nice great awesome good yes yeah yep no nope sure wow alright fine gotcha'.split(' '),
);

/** Question words are small talk only beside a word of small talk ("how are you", "what can you do"). */
const QUESTION = new Set(
  `who what whats what's how hows how's are r can could do does did this work works use ask going doing is`.split(
    /\s+/,
  ),
);

/** The longest a message can be and still be only small talk. */
const MOST_WORDS = 8;

/**
 * Whether a whole message is small talk, and which kind: "hi", "thanks bot", "lol", "help",
 * "what can you do", an emoji alone. A message with any word of a question about the article
 * is not.
 */
export function smallTalkOf(message: string): SmallTalk | undefined {
  const words =
    message
      .toLowerCase()
      .match(/[\p{L}\p{N}'’]+/gu)
      ?.map((w) => w.replace(/’/g, "'")) ?? [];
  if (words.length === 0) return /\p{Extended_Pictographic}/u.test(message) ? 'emoji' : undefined;
  if (words.length > MOST_WORDS) return undefined;
  let found: SmallTalk | undefined;
  let rank = KINDS.length;
  let asking = false;
  let acknowledging = false;
  for (const word of words) {
    const at = KINDS.findIndex(([, list]) => list.includes(word));
    if (at >= 0) {
      if (at < rank) [found, rank] = [KINDS[at]![0], at];
    } else if (QUESTION.has(word)) asking = true;
    else if (ACK.has(word)) acknowledging = true;
    else if (!FILLER.has(word)) return undefined;
  }
  if (found) return found;
  return acknowledging && !asking ? 'ack' : undefined;
}
