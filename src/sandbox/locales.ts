/** The locales Discord sends (`locale`, `guild_locale`), as its API spells them. */
export const LOCALES = [
  'ar',
  'bg',
  'cs',
  'da',
  'de',
  'el',
  'en-GB',
  'en-US',
  'es-419',
  'es-ES',
  'fi',
  'fr',
  'he',
  'hi',
  'hr',
  'hu',
  'id',
  'it',
  'ja',
  'ko',
  'lt',
  'nl',
  'no',
  'pl',
  'pt-BR',
  'ro',
  'ru',
  'sv-SE',
  'th',
  'tr',
  'uk',
  'vi',
  'zh-CN',
  'zh-TW',
] as const;

export const DEFAULT_LOCALE = 'en-US';

/** Discord's spelling of a locale written in any case ("zh-cn" → "zh-CN"), or null if Discord has none such. */
export function discordLocale(code: string): string | null {
  const wanted = code.trim().toLowerCase();
  return LOCALES.find((locale) => locale.toLowerCase() === wanted) ?? null;
}

/** Discord's spelling, or an error naming what Discord accepts. */
export function requireLocale(code: string): string {
  const locale = discordLocale(code);
  if (!locale) throw new Error(`"${code}" is not a Discord locale; Discord sends one of ${LOCALES.join(', ')}`);
  return locale;
}
