import { describe, expect, it } from 'vitest';
import { quote, note, type Answer } from '../../src/replies/answer.js';
import { renderAnswer, renderProblem, type MessagePayload } from '../../src/replies/render.js';
import { corpus, footer } from '../commands/support.js';
import { limitProblems, mentionProblems, payloadProblems, quoteProblems } from './payload-rules.js';

/** The checker the property test relies on must itself catch what it claims to. */
const sheep = corpus.article.paragraphs[11]!.sentences[0]!;
const answer = (a: Partial<Answer>): MessagePayload => renderAnswer({ title: 'Test', sections: [], ...a }, { footer });

describe('the payload rules', () => {
  it('pass a verbatim, cited quote with bold and an elision', () => {
    const payload = answer({ sections: [{ lines: [quote(sheep.text, { paragraph: 11, sentence: 1 }, [[35, 49]])] }] });
    expect(payloadProblems(payload, corpus.article)).toEqual([]);
    const elided = { ...payload, embeds: [{ description: `> …a lion leading…\n— ¶11.1` }] };
    expect(quoteProblems(elided, corpus.article)).toEqual([]);
  });

  it('catch a changed word, a wrong citation and a missing one', () => {
    const changed = answer({
      sections: [{ lines: [quote(sheep.text.replace('sheep', 'goats'), { paragraph: 11, sentence: 1 })] }],
    });
    expect(quoteProblems(changed, corpus.article).join()).toMatch(/not verbatim/);
    const misplaced = answer({ sections: [{ lines: [quote(sheep.text, { paragraph: 11, sentence: 2 })] }] });
    expect(quoteProblems(misplaced, corpus.article).join()).toMatch(/not verbatim in — ¶11.2/);
    const uncited = { ...changed, embeds: [{ description: `> ${sheep.text}` }] };
    expect(quoteProblems(uncited, corpus.article).join()).toMatch(/without a valid citation/);
    const bare = answer({ sections: [{ lines: [note('>>> the bot’s own words')] }] });
    expect(quoteProblems(bare, corpus.article).join()).toMatch(/not a plain block quote/);
  });

  it('catch a live mention, a masked link and loose allowed_mentions', () => {
    expect(mentionProblems(answer({ title: 'hi @everyone' })).join()).toMatch(/live mention/);
    expect(mentionProblems(renderProblem({ problem: 'see [here](http://evil)' })).join()).toMatch(/masked link/);
    const loose = { ...answer({}), allowed_mentions: { parse: ['users'] } } as unknown as MessagePayload;
    expect(mentionProblems(loose).join()).toMatch(/allowed_mentions/);
  });

  it('catch repeated custom_ids and oversized parts', () => {
    const twice = answer({
      buttons: [
        { label: 'A', action: 'goals:1' },
        { label: 'B', action: 'goals:1' },
      ],
    });
    expect(limitProblems(twice).join()).toMatch(/custom_id twice/);
    const big = {
      ...answer({}),
      content: 'x'.repeat(2001),
      embeds: [{ title: 't'.repeat(257), description: 'd'.repeat(4097) }],
    };
    expect(limitProblems(big)).toEqual(['content 2001', 'title 257', 'description 4097']);
    const many = {
      ...big,
      content: '',
      embeds: [{ title: 't', description: 'd'.repeat(4000) }, { description: 'd'.repeat(2000) }],
    };
    expect(limitProblems(many)).toEqual(['6001 characters across embeds']);
  });
});
