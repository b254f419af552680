import type { RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import { t, type Language, type WordKey } from '../i18n/words.js';
import { note, type Answer, type Section } from '../replies/answer.js';

/** One example per command, as a person would type it. A command without one is still listed. */
const EXAMPLES: Readonly<Record<string, WordKey>> = {
  ask: 'examples.ask',
  quote: 'examples.quote',
  goals: 'examples.goals',
  criteria: 'examples.criteria',
  term: 'examples.term',
  people: 'examples.people',
  source: 'examples.source',
  help: 'examples.help',
  config: 'examples.config',
};

/**
 * Every slash command, its description as registered (in the asker's language when it has one),
 * and an example; then the ways in without a slash, and what the bot keeps (with the operator's
 * privacy policy when PRIVACY_URL names it). For /help, and for "help" in a DM.
 */
export function helpAnswer(
  definitions: readonly RESTPostAPIChatInputApplicationCommandsJSONBody[],
  language: Language,
  privacyUrl?: string,
): Answer {
  const sections: Section[] = definitions.map(({ name, description, description_localizations }) => {
    const described = (language === 'en' ? undefined : description_localizations?.[language]) ?? description;
    const example = Object.hasOwn(EXAMPLES, name) ? EXAMPLES[name] : undefined;
    return {
      heading: `/${name}`,
      lines: [
        note(
          example ? t(language, 'help.example', { description: described, example: t(language, example) }) : described,
        ),
      ],
    };
  });
  return {
    title: t(language, 'help.title'),
    intro: t(language, 'help.intro'),
    sections: [
      ...sections,
      {
        heading: t(language, 'help.withoutSlash'),
        lines: [note(t(language, 'help.mention')), note(t(language, 'help.moderators'))],
      },
      {
        heading: t(language, 'help.privacyHeading'),
        lines: [
          note(t(language, 'help.keeps')),
          ...(privacyUrl ? [note(t(language, 'help.privacyPolicy', { url: privacyUrl }))] : []),
        ],
      },
    ],
  };
}
