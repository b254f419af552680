import { note, type Answer, type Section } from '../src/replies/answer.js';
import type { Command } from './command.js';
import { everywhere } from './definition.js';

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

/** Every command, its description as registered, and an example; then the ways in without a slash. */
export function helpAnswer(commands: readonly Command[]): Answer {
  const sections: Section[] = commands.map(({ definition }) => {
    const example = EXAMPLES[definition.name];
    return {
      heading: `/${definition.name}`,
      lines: [note(example ? `${definition.description}\nExample: \`${example}\`` : definition.description)],
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

/**
 * /help over the commands it is registered with; given as a function so the registry can list
 * /help itself without an import cycle.
 */
export function helpCommand(commands: () => readonly Command[]): Command {
  return {
    definition: everywhere(
      'help',
      'What the bot can answer: every command, with an example.',
      '帮助：所有命令及示例',
    ).toJSON(),
    answers: false,
    execute() {
      return helpAnswer(commands());
    },
  };
}
