import type { Corpus } from '../corpus/load.js';
import { t, type Language, type WordKey } from '../i18n/words.js';

/** Three questions a newcomer could ask, as they would type them (in each language's resources). */
export const WELCOME_QUESTIONS = [
  'examples.demoted',
  'examples.lionPack',
  'examples.fiveGoals',
] as const satisfies readonly WordKey[];

/** The first DM a person sends is answered with this, before anything else: what the bot is for. */
export function welcome(corpus: Corpus, language: Language): string {
  const [first, second, third] = WELCOME_QUESTIONS.map((key) => t(language, key));
  return t(language, 'welcome', {
    headline: corpus.source.headline.text,
    first: first ?? '',
    second: second ?? '',
    third: third ?? '',
  });
}
