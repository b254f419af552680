import { describe, expect, it } from 'vitest';
import { answerQuestion } from '../../src/answers/question.js';
import { EXAMPLE_QUESTIONS } from '../../src/answers/small-talk.js';
import { WELCOME_QUESTIONS } from '../../src/answers/welcome.js';
import { LANGUAGES, t } from '../../src/i18n/words.js';
import { isProblem } from '../../src/replies/answer.js';
import { articleSearch } from '../../src/search/search.js';
import { corpus } from '../commands/support.js';

describe('the questions the bot offers as examples', () => {
  it.each(LANGUAGES)('are answered from the article in %s, not refused nor taken for small talk', (language) => {
    const context = { corpus, search: articleSearch(), language };
    for (const key of new Set([...EXAMPLE_QUESTIONS, ...WELCOME_QUESTIONS])) {
      const question = t(language, key);
      const reading = context.search.read(question);
      expect(reading.smallTalk, question).toBeUndefined();
      expect(
        reading.parts.map((part) => part.kind),
        question,
      ).not.toContain('not-covered');
      expect(isProblem(answerQuestion(question, context)), question).toBe(false);
    }
  });
});
