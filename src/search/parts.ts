import { STOPWORDS } from './stopwords.js';
import { tokenize } from './text.js';

/** One question of a message, and the talk around it that only sets the scene. */
export interface QuestionPart {
  /** The question, as typed. */
  readonly text: string;
  /** Sentences of the message around its questions: backstory, opinion ("my uncle worked…"). */
  readonly context: string;
  /**
   * How much of `context` stood before the question, when more of it follows ("…Does that mean
   * X? In my experience that never happens."): what the question points back at is in there.
   */
  readonly before?: number;
  /** A person an earlier question of the message named, whom this one calls "he" or "she". */
  readonly carried?: string;
}

/** Words a question opens with. */
const WH = String.raw`(?:who|whom|whose|whos|what|whats|what's|wat|wut|when|where|wheres|why|how|hows|which)`;
const AUX = String.raw`(?:is|are|r|was|were|does|do|did|can|could|will|would|should|has|have)`;
/** After "and", an auxiliary opens a question only before its subject: "and does anyone", not "and do the work". */
const SUBJECT = String.raw`(?:i|you|u|they|he|she|it|we|there|anyone|anybody|someone|somebody|any|this|that|my|your|our|their)`;
/** "…and is Changchun worth a visit": "is" after "and" opens a question whatever its subject. */
const OPENER = String.raw`(?:${WH}|${AUX}\s+${SUBJECT}|(?:is|are|was|were)\s+(?!(?:not|also|still|being|then)\b)[a-z]+)`;

/** Where one question of a message ends and another starts: "…and where can I get pizza". */
const JOIN = new RegExp(
  String.raw`\s*(?:[,;]\s*)?(?:\band\s+also\b|\balso\b|\band\b|\bplus\b|&|\bbtw\b|\bbut\b)[,\s]+(?=${OPENER}\b)`,
  'gi',
);

/** A statement granted, then "but" and a question: "…, fine, but what's this". */
const CONCESSION = new RegExp(String.raw`^([^?]*?)\s*,?\s*\bbut[,\s]+(?=${OPENER}\b)`, 'i');

/** Sentence ends, and the colon after a preamble ("genuinely curious: who was…"). */
const SENTENCE_END = /(?<=[.?!:;]|[.?!]["”’)])\s+(?=\S)/u;

const QUESTION_START = new RegExp(
  String.raw`^(?:(?:so|ok|okay|also|and|but|hey|well|like|anyway|honestly|basically)[,\s]+)*(?:${WH}|${AUX})\b`,
  'i',
);
/** Phrases that ask without a question mark: "tell me about…", "we need…". */
const ASKING =
  /\b(?:tell me|wondering|wonder|curious|(?:want|like|love) to know|need|looking for|explain|anything about)\b/i;

/** More questions than this in one message are not read: no reply could show them all. */
const MOST_PARTS = 4;

/** A sentence longer than this may hold its backstory and its question in one. */
const LONG_SENTENCE = 100;
const CLAUSE = new RegExp(
  String.raw`(?:[,;:]\s+(?:(?:so|and|but|or|like|basically|honestly)\s+)?(?=${AUX}\s+${SUBJECT}\b)|(?:[,;:]\s+(?:(?:so|and|but|or|like|basically|honestly)\s+)?|\b(?:is|was|know|figure out|understand|wondering|wonder|curious|tell me|explain)\s+)(?=(?:${WH}|whether|if)\b))`,
  'gi',
);

/**
 * A reason or a courtesy after the question, to the end of its sentence: ", because every article
 * I read…", ", if anyone knows?".
 */
const REASON =
  /,\s+(?:(?:because|cuz|coz|cause)\s+(?!of\b)|if (?:anyone|anybody|someone|somebody|you|u) (?:knows?|can|could|remembers?|recalls?)\b|if possible\b|by any chance\b).*$/is;

/**
 * A clause that sets the scene before the question, up to its comma: "since the piece talks
 * about…,", "that speech got me thinking,", "I wonder,". ("Since November 21, how many…" is a time, and asked.)
 */
const SCENE =
  /^\W*(?:(?:since(?!\s+(?:\d|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|last|then|when|the (?:press|seminar|conference|meeting|reform|plenary)))|because|given that|seeing as|now that)\b[^,?]*|as\s+(?:a|an|someone|somebody|one)\b[^,?()]*|[^,?]*\b(?:got me thinking|made me wonder|i wonder|i was wondering|i'm wondering|im wondering))\s*,\s+/i;

/** "Who was it?", "what does that even mean?": a question that asks only of what came before. */
const BACK_QUESTION = new RegExp(
  String.raw`^\W*(?:(?:so|and|but|ok|okay|well)[,\s]+)*(?:${WH}|${AUX})\b[^?]*\b(?:it|that|this|they|them|those|these)\b[^?]*\?\s*$`,
  'i',
);

/** A sentence that only judges the one before it: "That sounds totally made up", "this seems odd to me". */
export const JUDGES_BEFORE =
  /^\W*(?:that|this|it|which)\s+(?:(?:all|just|honestly|really)\s+)?(?:sounds?|seems?|feels?|looks?)\b[^.?!;]*[.?!;]?\s*$/i;

/** "She asked who…", "my dad wanted to know whether…": the teller of a question asked in the story. */
const REPORTED = new RegExp(
  String.raw`^[^?]*?\b(?:asked|asks|wanted to know|wants to know|wondered|was wondering)(?:\s+(?:me|us|him|her|them))?\s+(?=(?:${WH}|whether|if)\b)`,
  'i',
);
/** "…and I had no clue", "…but I couldn't tell her": the asker's own word after a reported question. */
const OWN_AFTER =
  /\s*,?\s+(?:and|but|so)\s+(?:i|we)\s+(?:had|have|has|did|didn't|didnt|do|don't|dont|could|couldn't|couldnt|can't|cant|was|am|really|honestly|just)\b.*$/is;

/** The last clause of a sentence that opens with a question word, when it has words to look for. */
function lastClause(sentence: string): string | undefined {
  const starts = [...sentence.matchAll(CLAUSE)].map((m) => m.index + m[0].length);
  const start = starts.at(-1);
  if (start === undefined) return undefined;
  const tail = sentence.slice(start).trim();
  // "…some quote about lions, who actually said it": the clause points back; the whole asks.
  // ("does this article say…" points at the article, not back).
  // ("how are they going to judge…": "they" asked of, right after its verb, is whoever acts).
  // ("…the kinds of projects it will punish": "it" before its verb is the clause's own subject.)
  const pointing = tail
    .replace(new RegExp(String.raw`\b${AUX}\s+they\b`, 'gi'), '')
    .replace(
      new RegExp(String.raw`(?<=\p{L}.*)\b(?:it|they)\s+(?:${AUX}|must|plans?|wants?|says?|said|intends?)\b`, 'giu'),
      '',
    );
  if (
    /\b(?:it|them|those|these|they)\b|\b(?:that|this)\b(?!\s+(?:text|article|piece|story|report|post|page)\b)/i.test(
      pointing,
    )
  )
    return undefined;
  return hasContent(tail) ? tail : undefined;
}

/** Whether a stretch of text holds any word the search could look for. */
export function hasContent(text: string): boolean {
  return tokenize(text).some((t) => !STOPWORDS.has(t.word));
}

/** "When I interned at a city bureau, promotions went…": a sentence set in a time, told, not asked. */
const TOLD_WHEN = new RegExp(String.raw`^\W*(?:back\s+)?when\s+(?!${AUX}\b)[^?]*\.\s*$`, 'i');

/** Whether a stretch asks something: a word to look for, or the article itself. */
function asks(text: string, aboutArticle: (text: string) => boolean): boolean {
  return hasContent(text) || aboutArticle(text);
}

/** "i work in hr and im curious, how are they…": a sentence opening on the asker, not a question word. */
function opensWithBackstory(question: string): boolean {
  return !QUESTION_START.test(question.trim()) && /^\W*(?:i|i'm|im|my|we|our)\b/i.test(question);
}

function isQuestion(sentence: string): boolean {
  // "…but I'm genuinely curious:" only leads up to the question.
  if (/:\s*$/.test(sentence) || TOLD_WHEN.test(sentence)) return false;
  return /\?\s*$/.test(sentence) || QUESTION_START.test(sentence.trim()) || ASKING.test(sentence);
}

/**
 * "A rule for when an official moves up and when they move down": a clause opening with the
 * question word that stood inside the one before it, not at its start, goes on that clause's
 * question; it asks nothing of its own.
 */
function parallelClause(before: string, text: string): boolean {
  const word = /^\p{L}+/u.exec(text)?.[0].toLowerCase();
  if (!word || !new RegExp(String.raw`^${WH}$`, 'i').test(word)) return false;
  const opening = new RegExp(String.raw`^\W*(?:(?:so|ok|okay|also|and|but|hey|well|like)[,\s]+)*${word}\b`, 'i');
  return !opening.test(before) && new RegExp(String.raw`\b${word}\b`, 'i').test(before);
}

/**
 * Splits a message into the questions it asks, each with the context around it. A message of
 * several sentences keeps as its questions those that ask something (a question mark, a question
 * word first); the others are context. Two questions joined by "and" or "also" are read apart,
 * and a piece with nothing to look for ("…and how many?") stays with the question before it.
 */
export function splitQuestions(
  message: string,
  /** Whether a stretch asks about the article itself ("tldr?"), which is a question with no word to look for. */
  aboutArticle: (text: string) => boolean = () => false,
): QuestionPart[] {
  const sentences = message
    .split(SENTENCE_END)
    .map((s) => s.trim())
    .filter(Boolean);
  const withContent = sentences.filter((text) => asks(text, aboutArticle));
  let questions = [message.trim()];
  if (withContent.length > 1) {
    const asking = withContent.filter(isQuestion);
    // Backstory with no sentence that asks: the last one is the question.
    questions = asking.length > 0 ? asking : [withContent.at(-1)!];
  }
  // "…She asked who spoke at the press event. Who was it?": a question with nothing of its own that
  // points back asks what the sentence before it named; the asker's musings asked without a
  // question mark ("I wonder if anything's changing") are then only its backstory.
  // ("That sounds made up to me" between them only judges what it points at.)
  const back = sentences.findIndex((s, i) => i > 0 && BACK_QUESTION.test(s) && !asks(s, aboutArticle));
  const named = sentences
    .slice(0, Math.max(0, back))
    .reverse()
    .find((s) => !JUDGES_BEFORE.test(s));
  if (withContent.length > 1 && named !== undefined && asks(named, aboutArticle)) {
    questions = [...questions.filter((q) => q !== named && (q.includes('?') || QUESTION_START.test(q))), named];
  }
  let context = sentences.filter((s) => !questions.includes(s)).join(' ');
  const first = sentences.findIndex((s) => questions.includes(s));
  const told = first > 0 && sentences.slice(first).some((s) => !questions.includes(s) && hasContent(s));
  const before = told ? sentences.slice(0, first).join(' ').length : undefined;
  // One long sentence of backstory that ends in its question: "Not sure if this is the right
  // channel but I've been wondering, since …, which newspaper published it".
  // So does a shorter one that opens with its backstory: "i work in hr and im curious, how are they…".
  // Each question of the message is read so: "I'd love to know how many…, because…. Was there a figure?"
  const leads: string[] = [];
  questions = questions.map((whole) => {
    // "…got moved for being mediocre, because every article I read is all slogans": the asker's reason.
    const reason = REASON.exec(whole);
    const asked = reason && hasContent(whole.slice(0, reason.index)) ? whole.slice(0, reason.index) : whole;
    if (reason && asked !== whole) leads.push(reason[0].replace(/^,\s*/, ''));
    // "She asked who the people … were and I had no clue": the question asked in a reported
    // sentence, without the teller and the asker's own word after it.
    const reported = REPORTED.exec(asked);
    if (reported && hasContent(asked.slice(reported[0].length))) {
      const rest = asked.slice(reported[0].length);
      const own = OWN_AFTER.exec(rest);
      const question = own && hasContent(rest.slice(0, own.index)) ? rest.slice(0, own.index) : rest;
      leads.push(
        asked.slice(0, reported[0].length).trim(),
        ...(question === rest ? [] : [rest.slice(question.length)]),
      );
      return question;
    }
    // "Since that piece talks about accountability, how should I…": the clause before sets the scene.
    const scene = SCENE.exec(asked);
    const rest = scene ? asked.slice(scene[0].length) : '';
    if (scene && (QUESTION_START.test(rest) || ASKING.test(rest)) && hasContent(rest)) {
      leads.push(scene[0].replace(/[,\s]+$/, ''));
      return rest;
    }
    const question = asked;
    if (question.length <= LONG_SENTENCE && !opensWithBackstory(question)) return question;
    // "Does the article say anything about X, and do you know any good books on Y?": a long
    // sentence that opens with a question and joins another is two questions, not backstory and one.
    if (QUESTION_START.test(question) && question.split(JOIN).filter((text) => asks(text, aboutArticle)).length > 1)
      return question;
    const tail = lastClause(question);
    if (!tail) return question;
    leads.push(question.slice(0, question.length - tail.length));
    return tail;
  });

  // "The headline says they'll dismiss hypocrites, fine, but what's this…": what is granted before
  // "but" sets the scene for the question after it.
  questions = questions.map((question) => {
    const granted = CONCESSION.exec(question);
    if (!granted || isQuestion(granted[1]!) || !hasContent(question.slice(granted[0].length))) return question;
    leads.push(granted[1]!);
    return question.slice(granted[0].length);
  });
  context = [context, ...leads].filter(Boolean).join(' ');

  const parts: string[] = [];
  for (const question of questions) {
    let previous = '';
    for (const piece of question.split(JOIN)) {
      const text = piece.trim();
      if (text === '') continue;
      const parallel = parts.length > 0 && parallelClause(previous, text);
      previous = text;
      if (parallel) parts[parts.length - 1] += ` and ${text}`;
      else if (parts.length > 0 && !asks(text, aboutArticle)) parts[parts.length - 1] += ` ${text}`;
      else if (parts.length > 0 && !asks(parts.at(-1)!, aboutArticle)) parts[parts.length - 1] += ` ${text}`;
      else parts.push(text);
    }
  }
  // The same question twice is one question.
  const seen = new Set<string>();
  const unique = parts.filter((text) => {
    const folded = text
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim();
    return !seen.has(folded) && seen.add(folded);
  });
  return unique
    .slice(0, MOST_PARTS)
    .map((text) =>
      hasContent(context) ? { text, context, ...(before === undefined ? {} : { before }) } : { text, context: '' },
    );
}
