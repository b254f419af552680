import * as OpenCC from 'opencc-js';

/** A conversion between Chinese scripts, or a replacement of words. */
export type Conversion = (text: string) => string;

/**
 * opencc-js's API as its README documents it. Its type files import `./core` without an
 * extension, which NodeNext resolution cannot follow, so the types it names are lost: they are
 * written out once here instead.
 */
const openCC = OpenCC as unknown as {
  Converter(options: { readonly from: string; readonly to: string }): Conversion;
  CustomConverter(dictionary: readonly (readonly [string, string])[]): Conversion;
  /** The bundled dictionaries, by direction and locale: nested arrays of `key value…|…` strings. */
  Locale: Readonly<Record<'from' | 'to', Readonly<Record<string, unknown>>>>;
};

/** OpenCC's conversion between two of its locales (`cn`, `tw`, …). */
export const converter = (from: string, to: string): Conversion => openCC.Converter({ from, to });

/** Longest-match replacement of the given words. */
export const wordReplacer = (dictionary: readonly (readonly [string, string])[]): Conversion =>
  openCC.CustomConverter(dictionary);

/**
 * The characters one of OpenCC's bundled conversions changes, from its dictionaries as text
 * (`from` simplified `cn` to standard traditional, `to` `cn` from it): each `key value…` entry
 * whose key is one character and not among its own values. Reading the tables takes a few
 * milliseconds; building a converter over them, with its phrase tries, a few hundred.
 */
export function changedCharacters(direction: 'from' | 'to'): Set<string> {
  const found = new Set<string>();
  const visit = (dictionary: unknown): void => {
    if (Array.isArray(dictionary)) return dictionary.forEach(visit);
    // A table is of characters or of phrases throughout: a phrase table is skipped unread.
    if (typeof dictionary !== 'string' || [...(dictionary.split(' ', 1)[0] ?? '')].length !== 1) return;
    for (const entry of dictionary.split('|')) {
      const [key, ...values] = entry.split(' ');
      if (key !== undefined && [...key].length === 1 && values.length > 0 && !values.includes(key)) found.add(key);
    }
  };
  visit(openCC.Locale[direction]['cn']);
  return found;
}
