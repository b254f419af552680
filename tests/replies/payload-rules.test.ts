import { ButtonStyle, ComponentType } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { note, quote, type Answer } from '../../src/replies/answer.js';
import {
  limitProblems,
  liveMaskedLink,
  mentionProblems,
  payloadProblems,
  quoteProblems,
  type MessageBody,
} from '../../src/replies/payload-rules.js';
import { readQuotes } from '../../src/replies/quote-markdown.js';
import { renderAnswer, renderProblem, type MessagePayload } from '../../src/replies/render.js';
import { corpus, footer } from '../commands/support.js';

/** The checker every crawl and property test relies on must itself catch what it claims to. */
const sheep = corpus.article.paragraphs[11]!.sentences[0]!;
const answer = (a: Partial<Answer>): MessagePayload =>
  renderAnswer({ title: 'Test', sections: [], ...a }, { language: 'en', footer });
const described = (description: string): MessageBody => ({
  embeds: [{ description }],
  allowed_mentions: { parse: [] },
});

describe('the payload rules', () => {
  it('pass a verbatim, cited quote with bold and an elision', () => {
    const payload = answer({ sections: [{ lines: [quote(sheep.text, { paragraph: 11, sentence: 1 }, [[35, 49]])] }] });
    expect(payloadProblems(payload, corpus.article)).toEqual([]);
    expect(quoteProblems(described(`> …a lion leading…\n— ¶11.1`), corpus.article)).toEqual([]);
  });

  it('catch a changed word, a wrong citation and a missing one', () => {
    const changed = answer({
      sections: [{ lines: [quote(sheep.text.replace('sheep', 'goats'), { paragraph: 11, sentence: 1 })] }],
    });
    expect(quoteProblems(changed, corpus.article).join()).toMatch(/not verbatim in ¶11.1/);
    const misplaced = answer({ sections: [{ lines: [quote(sheep.text, { paragraph: 11, sentence: 2 })] }] });
    expect(quoteProblems(misplaced, corpus.article).join()).toMatch(/not verbatim in ¶11.2/);
    expect(quoteProblems(described(`> ${sheep.text}`), corpus.article).join()).toMatch(/without a valid citation/);
    expect(quoteProblems(described(`> ${sheep.text}\n— ¶16.1`), corpus.article).join()).toMatch(
      /without a valid citation/,
    );
    const bare = answer({ sections: [{ lines: [note('>>> the bot’s own words')] }] });
    expect(quoteProblems(bare, corpus.article).join()).toMatch(/not a plain block quote/);
  });

  it('read quotes wherever a person reads text: content and titles too, not only descriptions', () => {
    const inContent: MessageBody = { content: `> ${sheep.text.replace('lion', 'tiger')}\n— ¶11.1` };
    expect(quoteProblems(inContent, corpus.article).join()).toMatch(/not verbatim .*\(content\)/);
  });

  it('catch a live mention, a channel link not given as an id, a masked link and loose allowed_mentions', () => {
    expect(mentionProblems(answer({ title: 'hi @everyone' })).join()).toMatch(/live @everyone/);
    expect(mentionProblems(answer({ title: 'see <#123456789012345678>' })).join()).toMatch(/live <#/);
    // The bot's own mentions of ids it was given pass, and only those exact ones.
    const named = answer({ title: 'in <#123456789012345678>, by <@223456789012345678>' });
    const given = new Set(['<#123456789012345678>', '<@223456789012345678>']);
    expect(mentionProblems(named, given)).toEqual([]);
    expect(mentionProblems(named, new Set(['<#123456789012345678>'])).join()).toMatch(/live <@/);
    expect(mentionProblems(renderProblem({ problem: 'see [here](http://evil)' })).join()).toMatch(/masked link/);
    expect(mentionProblems({ ...answer({}), allowed_mentions: { parse: [], users: ['1'] } }).join()).toMatch(
      /allowed_mentions/,
    );
    expect(mentionProblems({ ...answer({}), allowed_mentions: undefined }).join()).toMatch(/allowed_mentions/);
    expect(mentionProblems({ ...answer({}), allowed_mentions: { parse: [], replied_user: false } })).toEqual([]);
  });

  it('tell a masked link Discord renders from one escaped by an odd run of backslashes', () => {
    expect(liveMaskedLink('[x](http://e)')).toBe(true);
    expect(liveMaskedLink('\\[x](http://e)')).toBe(false);
    expect(liveMaskedLink('\\\\[x](http://e)')).toBe(true);
  });

  it('catch repeated custom_ids, empty rows, components that are not buttons, and oversized parts', () => {
    const twice = answer({
      buttons: [
        { label: 'A', action: 'goals:1' },
        { label: 'B', action: 'goals:1' },
      ],
    });
    expect(limitProblems(twice).join()).toMatch(/custom_id twice/);
    expect(limitProblems({ components: [{ type: ComponentType.ActionRow, components: [] }] })).toEqual([
      'an empty row',
    ]);
    expect(
      limitProblems({
        components: [
          {
            type: ComponentType.ActionRow,
            components: [{ type: ComponentType.StringSelect, custom_id: 'pick', options: [] }],
          },
        ],
      }).join(),
    ).toMatch(/only buttons/);
    const unlabelled: MessageBody = {
      components: [
        {
          type: ComponentType.ActionRow,
          components: [{ type: ComponentType.Button, style: ButtonStyle.Primary, custom_id: 'x' }],
        },
      ],
    };
    expect(limitProblems(unlabelled).join()).toMatch(/label of 0/);
    const big = {
      ...answer({}),
      content: 'x'.repeat(2001),
      embeds: [{ title: 't'.repeat(257), description: 'd'.repeat(4097) }],
    };
    expect(limitProblems(big)).toEqual(['content: 2001 > 2000', 'title: 257 > 256', 'description: 4097 > 4096']);
    const many = {
      ...big,
      content: '',
      embeds: [{ title: 't', description: 'd'.repeat(4000) }, { description: 'd'.repeat(2000) }],
    };
    expect(limitProblems(many)).toEqual(['characters across embeds: 6001 > 6000']);
  });
});

describe('reading quotes back', () => {
  it('finds each block quote with its citation, bold taken out, elisions kept', () => {
    const text = `Intro\n\n> **a lion** leading…\n— ¶11.1\n\n> no citation\nmore`;
    expect(readQuotes(text).map((q) => [q.text, q.citation])).toEqual([
      ['a lion leading…', { paragraph: 11, sentence: 1 }],
      ['no citation', null],
    ]);
  });
});
