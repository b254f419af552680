import { createRequire } from 'node:module';
import type { ConverterFunction, ConverterOptions } from 'opencc-js/core';
import { Recent } from '../recent.js';

/** OpenCC's traditional-to-simplified build, loaded on first use: a bot never asked in Chinese never reads its tables. */
function loadConverter(): ConverterFunction {
  const opencc = createRequire(import.meta.url)('opencc-js/t2cn') as {
    Converter: (options: ConverterOptions) => ConverterFunction;
  };
  return opencc.Converter({ from: 'tw', to: 'cn' });
}

let converter: ((text: string) => string) | undefined;

/**
 * The form Chinese text is compared in: full-width letters and digits made plain (NFKC), letters
 * in lower case, and traditional characters folded to simplified by OpenCC's Taiwan conversion,
 * which also takes Taiwan's variant forms (著 for 着, 裡 for 里).
 */
export function foldChinese(text: string): string {
  return recentlyFolded.of(text, convert);
}

/** A question is folded to tell its script, then again to be read: the converter runs once. */
const recentlyFolded = new Recent<string>(16);

function convert(text: string): string {
  const toSimplified = (converter ??= loadConverter());
  return toSimplified(text.normalize('NFKC').toLowerCase().replace(PARTICLE_ME, '麼'));
}

/**
 * The question particle 么 ("能用么"): in Taiwan's writing 么 is 幺 (small), so OpenCC's Taiwan
 * conversion turns a simplified 么 standing alone into 幺; written as its traditional form 麼 first,
 * it comes back as the particle.
 */
const PARTICLE_ME = /么/gu;

/**
 * Many texts folded in one pass of the converter, which costs far more per call than per
 * character: the glossary's words and the asked questions are folded this way when compiled.
 */
export function foldQuestions(texts: readonly string[]): string[] {
  if (texts.some((text) => text.includes('\n'))) return texts.map(foldQuestion);
  return foldQuestion(texts.join('\n')).split('\n');
}

/** Chinese punctuation, symbols and emoji: anything outside ASCII that is no letter, digit or mark. */
const NON_WORD = /[^\p{L}\p{N}\p{M}\p{ASCII}]+/gu;
const SPACE_IN_CHINESE = /(?<=\p{Script=Han})[^\S\n]+(?=\p{Script=Han})/gu;

/**
 * A question folded and read for its words: Chinese punctuation and emoji become spaces, and spaces
 * between Chinese characters go (chat often spaces words: “五个更 指什么”), so a term is found
 * whether or not it was quoted or spaced. ASCII punctuation stays for the English reader (what's).
 */
export function foldQuestion(text: string): string {
  return foldChinese(text).replace(NON_WORD, ' ').replace(SPACE_IN_CHINESE, '');
}
