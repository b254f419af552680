import { t, type Language } from '../i18n/words.js';
import { quote, type Answer, type Button, type Line, type Reply, type Section } from '../replies/answer.js';
import { echo } from '../replies/markdown.js';
import { MAX_QUERY_LENGTH, QueryError, type Passage, type PartReading } from '../search/search.js';
import { articleLines } from './about-article.js';
import type { AnswerContext } from './context.js';
import { notCovered, notCoveredLines } from './not-covered.js';
import { fullParagraphButton } from './paragraph.js';
import { smallTalkAnswer } from './small-talk.js';
import { termLines } from './terms.js';
import { unsaidSections } from './unsaid.js';

export const MAX_PASSAGES = 3;
/** In a message of several questions, each gets fewer passages so the reply stays readable. */
const MAX_PASSAGES_PER_PART = 2;
/** A passage much weaker than the best is a digression, not part of the answer. */
const RELATIVE_FLOOR = 0.6;
/** Discord shows five buttons to a row; one row is enough for the paragraphs of one answer. */
const MAX_BUTTONS = 5;

/** The passages worth quoting: the best, and those not much weaker, one per paragraph. */
export function bestPassages(passages: readonly Passage[], limit = MAX_PASSAGES): Passage[] {
  const best = passages[0]?.score ?? 0;
  return passages.filter((p) => p.score >= best * RELATIVE_FLOOR).slice(0, limit);
}

/** The headline is one line, not a paragraph of sentences: it is cited ¶0, never ¶0.1. */
function quoted(passages: readonly Passage[]): Line[] {
  return passages.map((p) =>
    quote(p.excerpt, p.paragraph === 0 ? { paragraph: 0 } : { paragraph: p.paragraph, sentence: p.sentence }, p.ranges),
  );
}

function buttonsFor(paragraphs: readonly number[], language: Language): Button[] {
  return [...new Set(paragraphs)].slice(0, MAX_BUTTONS).map((paragraph) => fullParagraphButton(paragraph, language));
}

/** The search's refusal of a question it will not read, in the asker's language. */
export function queryProblem(error: QueryError, question: string, language: Language): string {
  return error.problem === 'empty'
    ? t(language, 'problems.queryEmpty')
    : t(language, 'problems.queryTooLong', { length: [...question.trim()].length, max: MAX_QUERY_LENGTH });
}

/** A message with one question: its passages, the article itself, what the text does not say, or "not covered". */
function answerPart(question: string, part: PartReading, context: AnswerContext): Answer {
  const { language } = context;
  const title = echo(question, 200);
  switch (part.kind) {
    case 'passages': {
      const passages = bestPassages(part.passages);
      const terms = termLines(question, passages, context);
      return {
        title,
        intro:
          passages.length === 1
            ? t(language, 'question.says')
            : t(language, 'question.saysPassages', { count: passages.length }),
        sections: [
          { lines: quoted(passages) },
          ...(terms.length ? [{ heading: t(language, 'question.term'), lines: terms }] : []),
        ],
        buttons: buttonsFor(
          passages.map((p) => p.paragraph),
          language,
        ),
      };
    }
    case 'article':
      return {
        title,
        intro: t(language, 'question.aboutArticle'),
        sections: [{ lines: articleTopicLines(part, context) }],
      };
    case 'unsaid':
      return {
        title,
        sections: unsaidSections(part.unsaid ?? [], language),
        buttons: buttonsFor(
          (part.unsaid ?? []).map((u) => u.paragraph),
          language,
        ),
      };
    case 'not-covered':
      return notCovered(question, context);
  }
}

/** Each topic asked of the article itself, in the order asked ("who reported it, and when"). */
function articleTopicLines(part: PartReading, context: AnswerContext): Line[] {
  return (part.topics ?? (part.topic ? [part.topic] : [])).flatMap((topic) =>
    articleLines(topic, context.corpus, context.language),
  );
}

/** One question of several, as sections under its own heading. */
function partSections(part: PartReading, context: AnswerContext): Section[] {
  const heading = echo(part.text, 120);
  switch (part.kind) {
    case 'passages': {
      const passages = bestPassages(part.passages, MAX_PASSAGES_PER_PART);
      const terms = termLines(part.text, passages, context);
      return [{ heading, lines: [...quoted(passages), ...terms] }];
    }
    case 'article':
      return [{ heading, lines: articleTopicLines(part, context) }];
    case 'unsaid':
      return unsaidSections(part.unsaid ?? [], context.language, heading);
    case 'not-covered':
      return [{ heading, lines: notCoveredLines(part.text, context).slice(0, 1) }];
  }
}

/**
 * The reply to a question in plain words: quoted passages; the article's headline, lead or
 * sources for a question about the article itself; "the article does not say" with, apart, what
 * it does say of the thing asked about; or a plain "not covered". Several questions in one
 * message are answered each on its own, in one reply; small talk gets a short guide.
 */
export function answerQuestion(question: string, context: AnswerContext): Reply {
  let reading;
  try {
    reading = context.search.read(question, { limit: MAX_PASSAGES });
  } catch (error) {
    if (error instanceof QueryError) return { problem: queryProblem(error, question, context.language) };
    throw error;
  }
  if (reading.smallTalk) return smallTalkAnswer(reading.smallTalk, context.corpus, context.language);
  const [only] = reading.parts;
  if (reading.parts.length === 1 && only) return answerPart(question, only, context);
  const paragraphs = reading.parts.flatMap((part) => [
    ...bestPassages(part.passages, MAX_PASSAGES_PER_PART).map((p) => p.paragraph),
    ...(part.unsaid ?? []).map((u) => u.paragraph),
  ]);
  return {
    title: echo(question, 200),
    intro: t(context.language, 'question.parts', { count: reading.parts.length }),
    sections: reading.parts.flatMap((part) => partSections(part, context)),
    buttons: buttonsFor(paragraphs, context.language),
  };
}
