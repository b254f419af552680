import type { Corpus } from '../corpus/load.js';
import { note, type Answer } from '../replies/answer.js';
import type { SmallTalk } from '../search/search.js';

const TITLES: Readonly<Record<SmallTalk, string>> = {
  greeting: 'Hello!',
  thanks: 'You’re welcome!',
  laugh: '🙂',
  ack: '🙂',
  emoji: '👋',
  help: 'What I answer',
  'about-bot': 'What I answer',
};

/** Two questions a person could ask first, as they would type them. */
export const EXAMPLE_QUESTIONS = ['who gets demoted?', 'what is this article about?'] as const;

/**
 * The answer to "hi", "thanks", "lol" or an emoji: a short guide to what the bot answers, never
 * "not in the article".
 */
export function smallTalkAnswer(kind: SmallTalk, { source }: Corpus): Answer {
  return {
    title: TITLES[kind],
    intro: `I answer questions about one article, “${source.headline.text}” (¶0), with its own words, quoted and cited.`,
    sections: [
      {
        lines: [
          note(`Ask in plain words, for example “${EXAMPLE_QUESTIONS[0]}” or “${EXAMPLE_QUESTIONS[1]}”`),
          note('`/help` lists every command.'),
        ],
      },
    ],
  };
}
