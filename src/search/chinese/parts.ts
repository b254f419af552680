import type { QuestionPart } from '../parts.js';
import { readClauses } from './backstory.js';

/** Where one sentence of a Chinese message ends: full stops, question and exclamation marks, semicolons. */
const SENTENCE_END = /(?<=[。？！；?!;…])\s*|\n+/u;

/**
 * A sentence that asks: a question mark, a question word, a particle that asks ("会被撸下来不"), a
 * verb, "not" and the verb again ("管不管"). Read on the message as typed, so in either script and
 * in Cantonese too: 嗎, 什麼, 誰, 點解, 邊個, 係咪, 有冇.
 */
const ASKS =
  /[？?]\s*$|(?<=\p{Script=Han})[不没沒]\s*$|(\p{Script=Han})[不没沒]\1|[吗嗎么麼呢]|什|啥|怎|咋|如何|[为為](?:啥|何)|[谁誰]|哪|[几幾]|多少|是否|是不是|有[没沒]有|能不能|[会會]不[会會]|要不要|可不可以|[请請][问問]|想[问問]|想知道|介[绍紹]|解[释釋]|[讲講][讲講]|[说說][说說]|咩|乜|[点點]解|[边邊](?:个|個|度|日)|[系係](?:咪|唔[系係])|有冇|[点點][样樣]|㗎/u;

/** "干部考核看什么？还是只看年资？": a sentence offering another answer to the question before it asks it again, as one. */
const ALTERNATIVE = /^(?:[还還]是|或者|抑或)/u;

/** More questions than this in one message are not read: no reply could show them all. */
const MOST_PARTS = 4;

/**
 * Splits a Chinese message into the questions it asks, each with the sentences around it that
 * only set the scene: "黄强是谁？他说了什么？" asks two things; "我是基层干部。犯了错还能提拔吗？"
 * asks one, the first sentence its context. A sentence with nothing to look for, or offering
 * another answer to the one before it ("还是…"), stays with it.
 */
export function splitChineseQuestions(message: string, hasContent: (text: string) => boolean): QuestionPart[] {
  const sentences = message
    .split(SENTENCE_END)
    .map((s) => s.trim())
    .filter(Boolean);
  const asks = (text: string): boolean => ASKS.test(text);
  const part = (sentence: string, around: string): QuestionPart => {
    const { question, backstory } = readClauses(sentence, asks, hasContent);
    const context = around + backstory;
    return { text: question, context: context !== '' && hasContent(context) ? context : '' };
  };
  // One sentence is one question, its clauses read only for backstory.
  if (sentences.length <= 1) return [part(message.trim(), '')];
  const pieces: string[] = [];
  for (const sentence of sentences) {
    if (pieces.length > 0 && (!hasContent(sentence) || ALTERNATIVE.test(sentence)))
      pieces[pieces.length - 1] += sentence;
    else pieces.push(sentence);
  }
  const withContent = pieces.filter(hasContent);
  if (withContent.length <= 1) return [part(message.trim(), '')];
  const asking = withContent.filter(asks);
  const questions = asking.length > 0 ? asking : [withContent.at(-1)!];
  const context = pieces.filter((s) => !questions.includes(s)).join('');
  const unique = [...new Set(questions)];
  return unique.slice(0, MOST_PARTS).map((text) => part(text, context));
}
