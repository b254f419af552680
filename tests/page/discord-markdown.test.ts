import { describe, expect, it } from 'vitest';
import { inlineToHtml, markdownToHtml } from '../../src/page/discord-markdown.js';
import { escapeHtml } from '../../src/page/html.js';
import { echo } from '../../src/replies/markdown.js';
import { blockQuote } from '../../src/replies/quote-markdown.js';
import { tagsOf, textOf } from './html-text.js';

const HOSTILE = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  "' onmouseover='alert(1)",
  '</blockquote></div><iframe src="//evil">',
  '&lt;script&gt; &amp; &#60;',
  '**<b>bold</b>** `<i>` > <q>',
];

/** The tags a message's markdown may become. */
const MARKDOWN_TAGS = ['p', 'br', 'blockquote', 'strong', 'em', 'u', 's', 'code'];

describe('HTML escaping', () => {
  it('leaves no character that opens a tag, an entity or an attribute', () => {
    for (const text of HOSTILE) expect(escapeHtml(text), text).not.toMatch(/[<>"']|&(?!amp;|lt;|gt;|quot;|#39;)/);
  });
});

describe("Discord's markdown as HTML", () => {
  it('draws bold, italics, underline, strike and code with their tags', () => {
    expect(inlineToHtml('a **b** *c* _d_ __e__ ~~f~~ `g`')).toBe(
      'a <strong>b</strong> <em>c</em> <em>d</em> <u>e</u> <s>f</s> <code>g</code>',
    );
  });

  it('shows escaped marks as the characters they are, and leaves an unclosed mark as typed', () => {
    expect(inlineToHtml('\\*\\*not bold\\*\\* \\_x\\_ \\\\')).toBe('**not bold** _x_ \\');
    expect(inlineToHtml('**open and 2 * 3')).toBe('**open and 2 * 3');
    expect(inlineToHtml('snake_case_name')).toBe('snake_case_name');
  });

  it('turns `> ` lines into one block quote, with its lines and bold kept', () => {
    const markdown = blockQuote({
      text: 'first line\nsecond line',
      citation: { paragraph: 4, sentence: 2 },
      ranges: [[0, 5]],
    });
    expect(markdownToHtml(`Intro:\n\n${markdown}`)).toBe(
      '<p>Intro:</p><blockquote><strong>first</strong> line<br>second line</blockquote><p>— ¶4.2</p>',
    );
  });

  it('makes hostile text inert, inside marks and quotes as much as outside', () => {
    for (const text of HOSTILE) {
      const html = markdownToHtml(`${text}\n> ${text}\n**${text}**`);
      expect(
        tagsOf(html).filter((tag) => !MARKDOWN_TAGS.includes(tag)),
        text,
      ).toEqual([]);
      expect(html).not.toMatch(/<(script|img|iframe|b|i|q)\b/);
    }
  });

  it('shows a person’s echoed text as they typed it, with no mark taking effect', () => {
    for (const typed of ['who_gets *demoted*?', '<@&123> @everyone', '[x](http://evil) `code`', 'a \\ b'])
      expect(textOf(inlineToHtml(echo(typed, 200))).replace(/\u200B/g, ''), typed).toBe(`“${typed}”`);
  });
});
