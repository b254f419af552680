/**
 * How people type in a chat, read back into plain words before the search reads a question:
 * shorthand ("wat", "ppl", "govt"), contractions typed without their apostrophe ("dont"),
 * and small numbers in digits (the article spells them: “five more”, “Firstly”).
 */
const SHORTHAND: Readonly<Record<string, string>> = {
  wat: 'what',
  wut: 'what',
  wht: 'what',
  whn: 'when',
  wen: 'when',
  hw: 'how',
  wher: 'where',
  whr: 'where',
  wats: 'what is',
  whats: 'what is',
  whos: 'who is',
  wheres: 'where is',
  hows: 'how is',
  whys: 'why is',
  thats: 'that is',
  theres: 'there is',
  r: 'are',
  u: 'you',
  ur: 'your',
  ya: 'you',
  em: 'them',
  meh: 'mediocre',
  yall: 'you all',
  y: 'why',
  ppl: 'people',
  ppls: 'people',
  peeps: 'people',
  abt: 'about',
  bout: 'about',
  smth: 'something',
  sth: 'something',
  smthn: 'something',
  govt: 'government',
  gov: 'government',
  gvt: 'government',
  govts: 'governments',
  b4: 'before',
  n: 'and',
  w: 'with',
  cuz: 'because',
  coz: 'because',
  cos: 'because',
  bc: 'because',
  bcuz: 'because',
  bcz: 'because',
  promo: 'promotion',
  promos: 'promotions',
  lvl: 'level',
  lvls: 'levels',
  conf: 'conference',
  dept: 'department',
  depts: 'departments',
  org: 'organization',
  orgs: 'organizations',
  info: 'information',
  uni: 'university',
  unis: 'universities',
  thru: 'through',
  wanna: 'want to',
  gonna: 'going to',
  gotta: 'have to',
  dunno: 'do not know',
  idk: 'i do not know',
  im: 'i am',
  ive: 'i have',
  youre: 'you are',
  theyre: 'they are',
  theyve: 'they have',
  theyll: 'they will',
  youll: 'you will',
  itll: 'it will',
  thatll: 'that will',
  theyd: 'they would',
  youd: 'you would',
  dont: 'do not',
  doesnt: 'does not',
  didnt: 'did not',
  cant: 'can not',
  wont: 'will not',
  isnt: 'is not',
  arent: 'are not',
  wasnt: 'was not',
  werent: 'were not',
  havent: 'have not',
  hasnt: 'has not',
  shouldnt: 'should not',
  wouldnt: 'would not',
  couldnt: 'could not',
  da: 'the',
  dat: 'that',
  dis: 'this',
  tho: 'though',
  altho: 'although',
  prolly: 'probably',
  '1st': 'first',
  '2nd': 'second',
  '3rd': 'third',
  '4th': 'fourth',
  '5th': 'fifth',
  '1': 'one',
  '2': 'two',
  '3': 'three',
  '4': 'four',
  '5': 'five',
  '6': 'six',
  '7': 'seven',
  '8': 'eight',
  '9': 'nine',
};

/** Shorthand that is a contraction without its apostrophe: "don't" reads as "dont" does. */
const CONTRACTION =
  /^(?:\w+nt|im|ive|youre|theyre|theyve|theyll|youll|itll|thatll|theyd|youd|whats|whos|wheres|hows|whys|thats|theres)$/;

/** A word as typed, with the apostrophe it may carry ("don't", "what's"). */
const WORD = /[\p{L}\p{N}]+(?:['’]\p{L}+)?/gu;

/** Words that open a message without asking anything: "wait who is wang qi", "ok so what…". */
const INTERJECTIONS =
  /^(?:(?:wait|so+|ok+|okay+|hmm+|um+|uh+|yo+|hey+|oh+|ah+|well|like|alright|right|lol|hi|hello|bro|dude|guys)\b[\s,.!:-]*)+(?=\S)/i;

/** "…or nah", "…or not?": a tag that closes a yes-or-no question, asking nothing more. */
const TAG = /,?\s+or\s+(?:nah+|naw|nope|no|not|what)\s*(?=[?!.\p{Extended_Pictographic}\s]*$)/iu;

/**
 * "…about you right?", "…not about roads right": a tag that asks to be agreed with, after a
 * question of its own (three words at least: "is that right" asks whether it is right).
 */
const AGREE = /(?<=\S+\s+\S+\s+\S+),?\s+(?:right|yeah|huh|eh|innit)(?=\s*\?|\s*$)/giu;

const AGREEING = /\b(?:right|yeah|huh|eh|innit)\b/i;

/** A month shortened beside its day: "Nov 13", "13 Nov", "Sept. 5". */
const SHORT_MONTH =
  /\b(jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\b\.?(?=\s*\d{1,2}\b)|(?<=\b\d{1,2}(?:st|nd|rd|th)?\s+)(jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\b\.?/gi;
const MONTHS: Readonly<Record<string, string>> = {
  jan: 'January',
  feb: 'February',
  mar: 'March',
  apr: 'April',
  jun: 'June',
  jul: 'July',
  aug: 'August',
  sep: 'September',
  sept: 'September',
  oct: 'October',
  nov: 'November',
  dec: 'December',
};

/** The word a shorthand stands for; only the table's own entries ("constructor" is no shorthand). */
function spelledOut(folded: string): string | undefined {
  return Object.hasOwn(SHORTHAND, folded) ? SHORTHAND[folded] : undefined;
}

/** The question with chat shorthand spelled out; the rest, case and punctuation included, left as typed. */
export function readChat(text: string): string {
  const opened = text
    .replace(
      SHORT_MONTH,
      (whole, before?: string, after?: string) => MONTHS[(before ?? after ?? '').toLowerCase()] ?? whole,
    )
    .replace(INTERJECTIONS, '');
  // The tag's lookbehind is slow to try at every place: only a question holding its word tries it.
  const untagged = AGREEING.test(opened) ? opened.replace(AGREE, '') : opened;
  return (
    untagged
      .replace(WORD, (word) => {
        const folded = word.toLowerCase().replace(/['’]/g, '');
        const plain = spelledOut(folded);
        // "ppl's", "govt's": the shorthand owns what follows, as the word it stands for would.
        const owner = /^(.+)['’]s$/iu.exec(word)?.[1];
        const owning = owner === undefined ? undefined : spelledOut(owner.toLowerCase());
        if (owning !== undefined && !owning.includes(' ')) return `${owning}'s`;
        if (plain === undefined) return word;
        // With its apostrophe only a contraction is spelled out: "it's" and "its" are not shorthand.
        return folded.length < word.length && !CONTRACTION.test(folded) ? word : plain;
      })
      // After the shorthand, so "or wat" closes a question as "or what" does.
      .replace(TAG, '')
  );
}
