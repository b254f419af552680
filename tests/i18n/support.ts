import { Locale } from 'discord.js';
import type { Language } from '../../src/i18n/words.js';
import { readQuotes } from '../../src/replies/quote-markdown.js';
import { texts, type MessageBody } from '../../src/replies/payload-rules.js';

/** The Discord locale that asks for each language. */
export const LOCALE_OF: Readonly<Record<Language, Locale>> = {
  en: Locale.EnglishUS,
  'zh-CN': Locale.ChineseCN,
  'zh-TW': Locale.ChineseTW,
};

const HAN = /\p{Script=Han}/u;

/**
 * What a person reads in a message as the bot's own words: block quotes and their citations
 * taken out, and what the bot shows as written elsewhere — “quoted” words (the article's, or
 * the person's own), `code` a person types, mentions and ¶ citations.
 */
export function ownWordsOf(body: MessageBody): string[] {
  return texts(body).map(({ text }) =>
    text
      .split('\n')
      .filter((line) => !line.startsWith('>') && !/^— ¶\d/.test(line))
      .join('\n')
      .replace(/“[^”]*”/g, ' ')
      .replace(/`[^`]*`/g, ' ')
      .replace(/<(?:@|#|t:)[^>]*>/g, ' ')
      .replace(/¶\d+(?:\.\d+)?/g, ' '),
  );
}

/** Three English words in a row, outside quotes and code: the bot's own words left in English. */
const ENGLISH_RUN = /[A-Za-z][A-Za-z'’-]*(?:[ ,;:]+[A-Za-z][A-Za-z'’-]*){2,}/;

/**
 * Why a message is not in Chinese, or nothing: some of its own words are English, or none of
 * them is Chinese. Names stay as the article writes them (“Wang Qiushi”, “The Paper”): two words.
 */
export function notChinese(body: MessageBody): string[] {
  const own = ownWordsOf(body);
  const problems = own.flatMap((text) => {
    const run = ENGLISH_RUN.exec(text);
    return run ? [`English “${run[0]}” in “${text.slice(0, 80)}”`] : [];
  });
  if (!own.some((text) => HAN.test(text))) problems.push('no Chinese at all');
  return problems;
}

/** Every block quote of a message as `¶N.S text`: what must be the same in every language. */
export function quotesOf(body: MessageBody): string[] {
  return texts(body).flatMap(({ text }) => readQuotes(text).map((quote) => `${quote.after ?? ''} ${quote.text}`));
}
