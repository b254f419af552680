import type { RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import { note, type Answer, type Section } from '../replies/answer.js';

/** One example per command, as a person would type it. A command without one is still listed. */
const EXAMPLES: Readonly<Record<string, string>> = {
  ask: '/ask question: who gets demoted?',
  quote: '/quote text: flock of sheep',
  goals: '/goals number: 3',
  criteria: '/criteria focus: tolerance',
  term: '/term name: lion pack',
  people: '/people name: Huang Qiang',
  source: '/source',
  help: '/help',
  config: '/config show',
};

/**
 * Every slash command, its description as registered, and an example; then the ways in without
 * a slash. For /help, and for "help" in a DM.
 */
export function helpAnswer(definitions: readonly RESTPostAPIChatInputApplicationCommandsJSONBody[]): Answer {
  const sections: Section[] = definitions.map(({ name, description }) => {
    const example = EXAMPLES[name];
    return {
      heading: `/${name}`,
      lines: [note(example ? `${description}\nExample: \`${example}\`` : description)],
    };
  });
  return {
    title: 'What policy-bot answers',
    intro:
      'Every answer is the article’s own words, quoted and cited (¶N is a paragraph, ¶N.S a sentence in it). Add `hide: True` to see an answer alone; you can still share it.',
    sections: [
      ...sections,
      {
        heading: 'Without a slash',
        lines: [
          note('Mention the bot in a message with your question, or send it a direct message: it answers like `/ask`.'),
          note('Server moderators choose where the bot answers with `/config`.'),
        ],
      },
    ],
  };
}
