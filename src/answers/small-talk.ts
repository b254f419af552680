import type { Corpus } from '../corpus/load.js';
import { t, type Language, type WordKey } from '../i18n/words.js';
import { note, type Answer } from '../replies/answer.js';
import type { SmallTalk } from '../search/search.js';

const TITLES: Readonly<Record<SmallTalk, WordKey>> = {
  greeting: 'smallTalk.greeting',
  thanks: 'smallTalk.thanks',
  laugh: 'smallTalk.laugh',
  ack: 'smallTalk.ack',
  emoji: 'smallTalk.emoji',
  help: 'smallTalk.help',
  'about-bot': 'smallTalk.aboutBot',
};

/** Two questions a person could ask first, as they would type them (in each language's resources). */
export const EXAMPLE_QUESTIONS = ['examples.demoted', 'examples.about'] as const satisfies readonly WordKey[];

/**
 * The answer to "hi", "thanks", "lol" or an emoji: a short guide to what the bot answers, never
 * "not in the article".
 */
export function smallTalkAnswer(kind: SmallTalk, { source }: Corpus, language: Language): Answer {
  const [first, second] = EXAMPLE_QUESTIONS.map((key) => t(language, key));
  return {
    title: t(language, TITLES[kind]),
    intro: t(language, 'smallTalk.intro', { headline: source.headline.text }),
    sections: [
      {
        lines: [
          note(t(language, 'smallTalk.ask', { first: first ?? '', second: second ?? '' })),
          note(t(language, 'smallTalk.commands')),
        ],
      },
    ],
  };
}
