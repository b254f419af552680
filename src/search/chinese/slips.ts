import { Recent } from '../recent.js';
import { HAN } from './script.js';
import { readingsOf, wordSoundsOf } from './sounds.js';

/** Stands for the one character of a word left out of its key. */
const GAP = '\u0000';
/** The longest glossary word looked for around a slip: longer ones are rare, and their slips rarer. */
const LONGEST = 8;

const SURROGATE = /[\uD800-\uDFFF]/u;
const HAN_ONLY = /^\p{Script=Han}+$/u;

/** One slip found: the characters from `start` to `end` of the question are meant as `word`. */
interface Slip {
  readonly start: number;
  readonly end: number;
  readonly word: string;
}

/**
 * Words typed with a pinyin input method and the wrong one of the characters it offers for a
 * syllable: 鸡层 for 基层 (ji ceng), 论资排背 for 论资排辈, 提巴 for 提拔. Such a slip is no word anyone
 * knows, so the reader leaves it unknown, or reads its other characters into the words beside
 * it (提|巴), and the question is refused for a word it asks about. A character nothing knows is
 * read as the glossary word's when, with the characters around it, it writes that word but for
 * this one character, said the same way, tones aside (an input method asks for none), and the
 * dictionary reads what it writes apart, as no word, and apart from the words around it: 公式 (a
 * formula) is a word of its own, not a slip for 公示 (a public notice), and 报业|集团 holds no
 * slip for 业绩.
 */
export class SoundSlips {
  readonly #words: () => Iterable<string>;
  /** The glossary's words by each of their characters left out in turn: "论资排_" holds 论资排辈. */
  #byGap: Map<string, string[]> | undefined;
  /** How each glossary word is said, worked out the first time it might be slipped in. */
  readonly #sounds = new Map<string, readonly string[]>();
  /** How each character nothing knows may be said: a few thousand characters at most are ever typed. */
  readonly #readings = new Recent<readonly string[]>(4096);

  /** `words`: the glossary's words in folded form, read the first time a slip is looked for. */
  constructor(words: () => Iterable<string>) {
    this.#words = words;
  }

  /**
   * The text of these pieces with its slips written as the glossary's words, or undefined when it
   * has none; `cuts`: where the dictionary puts word boundaries in it.
   */
  respell(
    pieces: readonly { readonly text: string; readonly unknown: boolean }[],
    cuts: ReadonlySet<number>,
  ): string | undefined {
    const text = pieces.map((p) => p.text).join('');
    // Characters beyond the Basic Multilingual Plane are rare in Chinese and never in the
    // glossary; without them a character is one code unit, and places count alike.
    if (SURROGATE.test(text)) return undefined;
    const ordered = [...cuts].sort((x, y) => x - y);
    const slips: Slip[] = [];
    let offset = 0;
    for (const piece of pieces) {
      for (let at = offset; piece.unknown && at < offset + piece.text.length; at++) {
        if (!HAN.test(text[at]!)) continue;
        const slip = this.#slipAt(text, at, ordered);
        if (slip) slips.push(slip);
      }
      offset += piece.text.length;
    }
    let written = '';
    let reached = 0;
    for (const slip of slips) {
      if (slip.start < reached) continue;
      written += text.slice(reached, slip.start) + slip.word;
      reached = slip.end;
    }
    return slips.length === 0 ? undefined : written + text.slice(reached);
  }

  /**
   * The longest glossary word the character at `at` slips in, when only one word of that length
   * fits, its ends at the dictionary's boundaries and the slip's own word inside it.
   */
  #slipAt(text: string, at: number, cuts: readonly number[]): Slip | undefined {
    const byGap = this.#gapped();
    const { firsts, lasts } = this.#ends!;
    // The slip's own word of the dictionary runs from cuts[own] to cuts[own + 1].
    let own = 0;
    while (own + 2 < cuts.length && cuts[own + 1]! <= at) own++;
    const ownStart = cuts[own]!;
    const ownEnd = cuts[own + 1]!;
    let longest = 0;
    const fits = new Map<string, Slip>();
    for (let k = own; k >= 0 && at - cuts[k]! < LONGEST; k--) {
      const start = cuts[k]!;
      // A word opens with a character a glossary word opens with, or with the slip; ends likewise.
      if (start !== at && !firsts.has(text[start]!)) continue;
      for (let e = own + 1; e < cuts.length && cuts[e]! - start <= LONGEST; e++) {
        const end = cuts[e]!;
        if (end - start < Math.max(2, longest) || (end !== at + 1 && !lasts.has(text[end - 1]!))) continue;
        // 公式 is a word of its own: the dictionary reads it whole.
        if (start === ownStart && end === ownEnd) continue;
        const words = byGap.get(text.slice(start, at) + GAP + text.slice(at + 1, end));
        if (!words || !HAN_ONLY.test(text.slice(start, end))) continue;
        for (const word of words) {
          if (!this.#said(text[at]!).includes(this.#soundsOf(word)[at - start] ?? '')) continue;
          if (end - start > longest) fits.clear();
          longest = end - start;
          fits.set(word, { start, end, word });
        }
      }
    }
    // Two words it could slip in tell neither.
    return fits.size === 1 ? [...fits.values()][0] : undefined;
  }

  #said(character: string): readonly string[] {
    return this.#readings.of(character, readingsOf);
  }

  #soundsOf(word: string): readonly string[] {
    let sounds = this.#sounds.get(word);
    if (!sounds) this.#sounds.set(word, (sounds = wordSoundsOf(word)));
    return sounds;
  }

  /** The characters the glossary's words open and end with. */
  #ends: { readonly firsts: Set<string>; readonly lasts: Set<string> } | undefined;

  #gapped(): Map<string, string[]> {
    if (this.#byGap) return this.#byGap;
    const byGap = new Map<string, string[]>();
    const ends = (this.#ends = { firsts: new Set<string>(), lasts: new Set<string>() });
    for (const word of this.#words()) {
      const chars = [...word];
      if (chars.length < 2 || chars.length > LONGEST || !chars.every((c) => HAN.test(c))) continue;
      ends.firsts.add(chars[0]!);
      ends.lasts.add(chars.at(-1)!);
      for (let at = 0; at < chars.length; at++) {
        const key = chars.map((c, i) => (i === at ? GAP : c)).join('');
        let list = byGap.get(key);
        if (!list) byGap.set(key, (list = []));
        if (!list.includes(word)) list.push(word);
      }
    }
    return (this.#byGap = byGap);
  }
}
