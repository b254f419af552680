import { createRequire } from 'node:module';
import type { pinyin as Pinyin } from 'pinyin-pro';

/** pinyin-pro, loaded on first use as OpenCC's tables are: a bot never asked in Chinese never reads its dictionaries. */
function loadPinyin(): typeof Pinyin {
  return (createRequire(import.meta.url)('pinyin-pro') as { pinyin: typeof Pinyin }).pinyin;
}

let pinyin: typeof Pinyin | undefined;

/**
 * How a run of Han characters that writes a name is said: one toneless syllable a character, the
 * first read as a surname is read (单 is Shan there, 曾 Zeng), ü written v as the article's
 * romanisation never writes it. The article prints its people in pinyin only, so their Chinese
 * names are known by these sounds, never by guessing characters: 王琦 and 王琪 both say wang qi,
 * 王岐山 says wang qi shan, another name.
 */
export function soundsOf(name: string): string[] {
  pinyin ??= loadPinyin();
  return pinyin(name, { toneType: 'none', type: 'array', surname: 'head', v: true });
}

/**
 * A romanised name's sounds run together, lower case: "Qiushi" is "qiushi". Its syllables are
 * counted by their runs of vowels ("Qiushi" two, "Feiyu" two, "Xian" one), so 西安 (xi an) does
 * not say "Xian".
 */
export function romanised(name: string): { readonly sounds: string; readonly syllables: number } {
  const sounds = name
    .toLowerCase()
    .replace(/ü/gu, 'v')
    .replace(/[^a-z]/gu, '');
  return { sounds, syllables: sounds.match(/[aeiouv]+/gu)?.length ?? 0 };
}

/** How a word is said, one toneless syllable a character, each read as the word around it reads it (重 of 重大 is zhong). */
export function wordSoundsOf(word: string): string[] {
  pinyin ??= loadPinyin();
  return pinyin(word, { toneType: 'none', type: 'array', v: true });
}

/** Every way one character may be said, toneless: 重 is zhong or chong. */
export function readingsOf(character: string): string[] {
  pinyin ??= loadPinyin();
  return pinyin(character, { toneType: 'none', type: 'array', v: true, multiple: true });
}
