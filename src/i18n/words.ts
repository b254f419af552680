import i18next from 'i18next';
import en from './locales/en.json' with { type: 'json' };
import zhCN from './locales/zh-CN.json' with { type: 'json' };
import zhTW from './locales/zh-TW.json' with { type: 'json' };

/** The languages the bot writes in: English, and Chinese in simplified and traditional characters. */
export const LANGUAGES = ['en', 'zh-CN', 'zh-TW'] as const;
export type Language = (typeof LANGUAGES)[number];

/** One resource file per language: the bot's own words, and the Chinese forms of the curated notes. */
export const RESOURCES = { en, 'zh-CN': zhCN, 'zh-TW': zhTW } as const;

/** Every path to a string in a tree of words, `a.b.c`. */
type Leaves<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];

/** The plural forms i18next keys carry (`_one`, `_other`), from Intl.PluralRules. */
export const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;
type Unplural<K extends string> = K extends `${infer Base}_${'zero' | 'one' | 'two' | 'few' | 'many' | 'other'}`
  ? Base
  : K;

/** A key of the bot's words, as English has them (plural forms by their common name). */
export type WordKey = Unplural<Leaves<(typeof en)['bot']>>;

/** What a string is filled with; `count` also picks the plural form. */
export type Values = Readonly<Record<string, string | number>>;

/**
 * One i18next instance, initialised synchronously at import from the bundled JSON: no backend,
 * no network. Values are put in as given (`escapeValue: false`): the text is Discord markdown,
 * not HTML, and a person's own text arrives already escaped by `echo`. A value is never read for
 * `{{…}}` or `$t(…)` of its own (`skipOnVariables`), so a question cannot inject words.
 */
const i18n = i18next.createInstance();
void i18n.init({
  resources: RESOURCES,
  ns: ['bot'],
  defaultNS: 'bot',
  lng: 'en',
  fallbackLng: 'en',
  supportedLngs: [...LANGUAGES],
  initAsync: false,
  returnNull: false,
  returnEmptyString: false,
  interpolation: { escapeValue: false, skipOnVariables: true },
});

/** The bot's words for `key` in `language`, filled with `values`. */
export function t(language: Language, key: WordKey, values?: Values): string {
  return i18n.t(key, { ...values, lng: language, ns: 'bot' });
}

/**
 * The language of a Discord locale (`zh-CN`, `zh-TW`, `en-US`, `fr` …): the Chinese two have
 * their own words, every other locale falls back to English.
 */
export function languageOf(locale: string | undefined): Language {
  return locale === 'zh-CN' || locale === 'zh-TW' ? locale : 'en';
}

/** A list as the language writes one: `a, b, c` in English, `a、b、c` in Chinese. */
export function list(language: Language, items: readonly string[]): string {
  return items.join(t(language, 'list.separator'));
}
