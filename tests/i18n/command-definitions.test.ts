import type { APIApplicationCommandOption, LocalizationMap, RESTPostAPIApplicationCommandsJSONBody } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { definitions, isSlash } from '../../src/dispatch/registry.js';

const CHINESE = ['zh-CN', 'zh-TW'] as const;
const DEFINITIONS: readonly RESTPostAPIApplicationCommandsJSONBody[] = definitions();
const HAN = /\p{Script=Han}/u;

/** What is wrong with one `*_localizations`: a Chinese form missing, too long, or not Chinese. */
function localized(map: LocalizationMap | null | undefined, at: string, max: number): string[] {
  return CHINESE.flatMap((locale) => {
    const text = map?.[locale];
    if (!text) return [`${at}: no ${locale}`];
    if (text.length > max) return [`${at}: ${locale} of ${text.length} > ${max}`];
    return HAN.test(text) ? [] : [`${at}: ${locale} “${text}” has no Chinese`];
  });
}

/** Every option below a level, subcommands and their options included, with its path. */
function walk(options: readonly APIApplicationCommandOption[], at: string): [string, APIApplicationCommandOption][] {
  return options.flatMap((option): [string, APIApplicationCommandOption][] => [
    [`${at} ${option.name}`, option],
    ...('options' in option && option.options ? walk(option.options, `${at} ${option.name}`) : []),
  ]);
}

/** The characters Discord counts against a command's 4000, in one locale. */
function size(definition: RESTPostAPIApplicationCommandsJSONBody, locale: (typeof CHINESE)[number]): number {
  const inLocale = (text: string, map: LocalizationMap | null | undefined) => (map?.[locale] ?? text).length;
  if (!isSlash(definition)) return inLocale(definition.name, definition.name_localizations);
  return (
    definition.name.length +
    inLocale(definition.description, definition.description_localizations) +
    walk(definition.options ?? [], '').reduce(
      (sum, [, option]) =>
        sum +
        option.name.length +
        inLocale(option.description, option.description_localizations) +
        ('choices' in option && option.choices
          ? option.choices.reduce(
              (s, choice) => s + inLocale(choice.name, choice.name_localizations) + String(choice.value).length,
              0,
            )
          : 0),
      0,
    )
  );
}

describe('the command definitions in Chinese', () => {
  it('describe every command, subcommand and option in simplified and traditional Chinese, within 100 characters', () => {
    const problems = DEFINITIONS.filter(isSlash).flatMap((definition) => [
      ...localized(definition.description_localizations, `/${definition.name}`, 100),
      ...walk(definition.options ?? [], `/${definition.name}`).flatMap(([at, option]) =>
        localized(option.description_localizations, at, 100),
      ),
    ]);
    expect(problems).toEqual([]);
  });

  it('name every choice in Chinese, within 100 characters, except names the article gives people', () => {
    const problems = DEFINITIONS.filter(isSlash).flatMap((definition) =>
      walk(definition.options ?? [], `/${definition.name}`).flatMap(([at, option]) =>
        'choices' in option && option.choices
          ? option.choices.flatMap((choice) =>
              choice.name === choice.value && /^[A-Z][a-z]+( [A-Z][a-z]+)+$/.test(choice.name)
                ? []
                : localized(choice.name_localizations, `${at}: ${choice.name}`, 100),
            )
          : [],
      ),
    );
    expect(problems).toEqual([]);
  });

  it('keep slash command and option names in English, and name the message command in the menu’s language', () => {
    for (const definition of DEFINITIONS) {
      if (isSlash(definition)) {
        expect(definition.name_localizations ?? undefined, definition.name).toBeUndefined();
        for (const [at, option] of walk(definition.options ?? [], definition.name))
          expect(option.name_localizations ?? undefined, at).toBeUndefined();
      } else expect(localized(definition.name_localizations, definition.name, 32)).toEqual([]);
    }
  });

  it('stay within Discord’s 4000 characters a command in every locale', () => {
    for (const definition of DEFINITIONS)
      for (const locale of CHINESE)
        expect(size(definition, locale), `${definition.name} ${locale}`).toBeLessThanOrEqual(4000);
  });
});
