import { describe, expect, it } from 'vitest';
import { ask } from '../../commands/ask.js';
import { isProblem } from '../../src/replies/answer.js';
import { citations, run, shown } from './support.js';

describe('/ask', () => {
  it('“recipe for dumplings” cites nothing and says the article does not cover it', () => {
    const text = shown(run(ask, { question: 'recipe for dumplings' }));
    expect(citations(text)).toEqual([]);
    expect(text).not.toMatch(/^> /m);
    expect(text).toContain('The article does not cover this.');
  });

  it('“who gets demoted?” cites ¶4 first, quoting its “demoting those who…”', () => {
    const text = shown(run(ask, { question: 'who gets demoted?' }));
    expect(citations(text)[0]).toMatch(/^¶4(\.\d+)?$/);
    expect(text.replaceAll('**', '')).toContain(
      '> Clearly state what the Provincial Party Committee advocates and opposes',
    );
    expect(text.replaceAll('**', '')).toContain('demoting those who are hypocritical');
  });

  it('echoes the question with its markdown and mentions made harmless', () => {
    const text = shown(run(ask, { question: '@everyone **who** gets <@&123456789012345678> demoted?' }));
    expect(text).not.toMatch(/@everyone|<@/);
    expect(text).not.toContain('**who**');
  });

  it('asked what a term means, says when the article leaves it unexplained', () => {
    const text = shown(run(ask, { question: 'what is a baton?' }));
    expect(citations(text)[0]).toBe('¶5.2');
    expect(text).toContain('“baton”: The article uses this term without explaining it');
  });

  it('asked what a term means, points at the article’s own explanation, quoted', () => {
    const text = shown(run(ask, { question: 'what does lion pack mean' }));
    expect(citations(text)[0]).toBe('¶11.1');
    expect(text).toContain('is how the article explains “lion pack”');
  });

  it('adds nothing about terms to a question that is not about a meaning', () => {
    expect(shown(run(ask, { question: 'who gets demoted?' }))).not.toContain('The term');
  });

  it('refuses an empty question as a problem, not an answer', () => {
    expect(isProblem(run(ask, { question: '   ' }))).toBe(true);
  });
});
