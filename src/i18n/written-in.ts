import { changedCharacters } from './opencc.js';
import type { Language } from './words.js';

/** Han characters; kana or hangul beside them make the text Japanese or Korean, not Chinese. */
const HAN = /\p{Script=Han}/u;
const KANA_OR_HANGUL = /[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

let scripts: { readonly simplified: Set<string>; readonly traditional: Set<string> } | undefined;

/**
 * The language a message is written in, for a message (a DM, a mention), which carries no
 * locale: Chinese when it holds Han characters (and no kana or hangul); traditional when more of
 * its characters are ones OpenCC turns into simplified than the other way round. Characters the
 * two scripts share count for neither, and a tie is simplified, the more common.
 */
export function writtenIn(text: string): Language {
  if (!HAN.test(text) || KANA_OR_HANGUL.test(text)) return 'en';
  scripts ??= { simplified: changedCharacters('from'), traditional: changedCharacters('to') };
  let simplified = 0;
  let traditional = 0;
  for (const char of text) {
    if (scripts.simplified.has(char)) simplified++;
    else if (scripts.traditional.has(char)) traditional++;
  }
  return traditional > simplified ? 'zh-TW' : 'zh-CN';
}
