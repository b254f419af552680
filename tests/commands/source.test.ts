import { describe, expect, it } from 'vitest';
import { source } from '../../commands/source.js';
import { buttonsOf, citations, corpus, isExpired, ownWords, press, run, shown } from './support.js';

describe('/source', () => {
  const text = shown(run(source));

  it('quotes the headline, cited ¶0', () => {
    expect(text).toContain(`> ${corpus.article.paragraphs[0]!.text}\n— ¶0\n`);
  });

  it('names the publisher and the account it relays, each with its evidence quoted', () => {
    expect(text).toContain('The Paper');
    expect(text).toContain('> The Paper noted that previously\n— ¶9.1');
    expect(text).toContain('> according to the WeChat official account “Jilin Fabu”\n— ¶2.1');
  });

  it('states November 21 and November 13, each resting on its quoted evidence', () => {
    expect(ownWords(text)).toContain('November 21');
    expect(ownWords(text)).toContain('November 13');
    expect(citations(text)).toEqual(['¶0', '¶9.1', '¶2.1', '¶2.1', '¶10.1']);
  });

  it('states no year in its own words (the ¶9 “2024” is about the journal)', () => {
    expect(ownWords(text)).not.toMatch(/\b(19|20)\d\d\b/);
  });

  it('counts 16 paragraphs and gives the text’s hash', () => {
    expect(text).toContain('16 paragraphs: the headline (¶0) and 15 body paragraphs');
    expect(text).toContain(corpus.hash);
  });

  it('reads the whole article one paragraph a page, from ¶0 to ¶15 and back', async () => {
    let id = buttonsOf(run(source)).find((b) => b.label === 'Read the article ▶')!.id;
    const read: string[] = [];
    for (let page = 0; page < 16; page++) {
      const pressed = await press(id);
      expect(pressed.mode).toBe('update');
      const shownPage = shown(pressed.body);
      expect(shownPage).toContain(`Page ${page + 1} of 16`);
      expect(citations(shownPage)).toEqual([`¶${page}`]);
      read.push(corpus.article.paragraphs[page]!.text);
      expect(shownPage).toContain(`> ${read.at(-1)}`);
      const next = buttonsOf(pressed.body).find((b) => b.label.endsWith('▶'));
      if (page < 15) id = next!.id;
      else expect(next).toBeUndefined();
    }
    expect(buttonsOf((await press('source:15')).body)[0]!.id).toBe('source:14');
    expect(shown((await press('source:about')).body)).toBe(text);
  });

  it.each(['source:16', 'source:-1', 'source:x'])('answers %s as expired', async (id) => {
    expect(isExpired(await press(id))).toBe(true);
  });
});
