import type { QuestionPart } from '../parts.js';

/** Where one sentence of a Chinese message ends: full stops, question and exclamation marks, semicolons. */
const SENTENCE_END = /(?<=[。？！；?!;…])\s*|\n+/u;

/** A sentence that asks: a question mark, a question word, or a particle that asks. */
const ASKS =
  /[？?]\s*$|吗|么|呢|什么|啥|怎么|怎样|咋|如何|为什么|为啥|为何|谁|哪|几|多少|是否|是不是|有没有|能不能|会不会|要不要|可不可以|请问|想问|想知道|介绍|解释|讲讲|说说/u;

/** More questions than this in one message are not read: no reply could show them all. */
const MOST_PARTS = 4;

/**
 * Splits a Chinese message into the questions it asks, each with the sentences around it that
 * only set the scene: "黄强是谁？他说了什么？" asks two things; "我是基层干部。犯了错还能提拔吗？"
 * asks one, the first sentence its context. A sentence with nothing to look for stays with the
 * one before it.
 */
export function splitChineseQuestions(message: string, hasContent: (text: string) => boolean): QuestionPart[] {
  const sentences = message
    .split(SENTENCE_END)
    .map((s) => s.trim())
    .filter(Boolean);
  // One sentence is one question, whatever it holds: no need to read it for content.
  if (sentences.length <= 1) return [{ text: message.trim(), context: '' }];
  const pieces: string[] = [];
  for (const sentence of sentences) {
    if (pieces.length > 0 && !hasContent(sentence)) pieces[pieces.length - 1] += sentence;
    else pieces.push(sentence);
  }
  const withContent = pieces.filter(hasContent);
  if (withContent.length <= 1) return [{ text: message.trim(), context: '' }];
  const asking = withContent.filter((s) => ASKS.test(s));
  const questions = asking.length > 0 ? asking : [withContent.at(-1)!];
  const context = pieces.filter((s) => !questions.includes(s)).join('');
  const unique = [...new Set(questions)];
  return unique.slice(0, MOST_PARTS).map((text) => ({ text, context: hasContent(context) ? context : '' }));
}
