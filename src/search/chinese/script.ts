/** Han characters, simplified or traditional, in any of Unicode's blocks for them. */
export const HAN = /\p{Script=Han}/u;

/** Whether the text holds any Chinese to read. */
export function hasHan(text: string): boolean {
  return HAN.test(text);
}

/** A stretch of a question in one script: Chinese, or anything else (English words, numbers, emoji). */
export interface Stretch {
  readonly chinese: boolean;
  readonly text: string;
}

/**
 * The question cut where it turns from Chinese to another script and back: “吉林 adjust 了 11 个
 * cadres” holds three Chinese stretches and two English ones. Punctuation and spaces go with the
 * non-Chinese stretches, where they break words anyway.
 */
export function stretches(text: string): Stretch[] {
  return [...text.matchAll(/(\p{Script=Han}+)|([^\p{Script=Han}]+)/gu)].map((m) => ({
    chinese: m[1] !== undefined,
    text: m[0],
  }));
}
