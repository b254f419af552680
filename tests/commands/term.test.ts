import { describe, expect, it } from 'vitest';
import { findEntry, term } from '../../commands/term.js';
import { isProblem, type Problem } from '../../src/replies/answer.js';
import { buttonsOf, citations, context, corpus, isExpired, press, run, shown } from './support.js';

const indexOf = (name: string) => corpus.glossary.findIndex((e) => e.term === name);
const hash = corpus.hash.slice(0, 6);

describe('/term', () => {
  it('“lion pack” quotes the ¶11 sentence holding ‘lion pack’, and the article’s explanation', () => {
    const text = shown(run(term, { name: 'lion pack' }));
    expect(citations(text)).toEqual(['¶11.1', '¶11.1']);
    expect(text).toContain('‘**lion pack**’');
    expect(text).toContain(
      '**How the article explains it**\n> a lion leading a flock of sheep can turn them into a ‘lion pack’\n— ¶11.1',
    );
    // ‘lion packs’ is its own entry: its sentence is not an appearance of ‘lion pack’.
    expect(text).not.toContain('¶11.2');
  });

  it('“baton” quotes the ¶5 sentence and says the article leaves it unexplained', () => {
    const text = shown(run(term, { name: 'baton' }));
    expect(citations(text)).toEqual(['¶5.2']);
    expect(text).toContain('“**baton**”');
    expect(text).toContain('without explaining it');
    expect(text).not.toContain('How the article explains it');
  });

  it('finds every term in the sentence that quotes it, for every glossary entry', () => {
    for (const entry of corpus.glossary) {
      const text = shown(run(term, { name: `t:${indexOf(entry.term)}` }));
      const cited = citations(text);
      expect(cited.length, entry.term).toBeGreaterThan(0);
      for (const paragraph of entry.paragraphs)
        expect(
          cited.some((c) => c === `¶${paragraph}` || c.startsWith(`¶${paragraph}.`)),
          entry.term,
        ).toBe(true);
      expect(text.replaceAll('**', ''), entry.term).toMatch(
        new RegExp(`[“‘]${entry.term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}[”’]`),
      );
    }
  });

  it('accepts a typed name in any case, with or without quotation marks', () => {
    expect(findEntry(corpus, 'Lion Pack')).toBe(indexOf('lion pack'));
    expect(findEntry(corpus, '“baton”')).toBe(indexOf('baton'));
    expect(findEntry(corpus, 't:999')).toBeUndefined();
  });

  it('autocompletes the ~130-character ¶12 title with a short value and a name that fits', () => {
    const choices = term.autocomplete!({ name: 'name', value: 'Implementation' }, context);
    const title = choices.find((c) => c.name.startsWith('Implementation Opinions'));
    expect(title).toBeDefined();
    expect(title!.name.length).toBeLessThanOrEqual(100);
    expect(title!.value).toBe(
      `t:${indexOf(corpus.glossary.find((e) => e.term.startsWith('Implementation Opinions'))!.term)}`,
    );
    expect(citations(shown(run(term, { name: title!.value })))).toEqual(['¶12.2']);
    for (const typed of ['', 'chain', 'x'.repeat(200)]) {
      const all = term.autocomplete!({ name: 'name', value: typed }, context);
      expect(all.length).toBeLessThanOrEqual(25);
      for (const c of all) expect(c.value.length <= 100 && c.name.length <= 100).toBe(true);
    }
  });

  it('answers an unknown name with “did you mean” buttons carrying the entry and the text’s hash', async () => {
    const reply = run(term, { name: 'lion' });
    expect(isProblem(reply)).toBe(true);
    expect((reply as Problem).problem).toContain('no term “lion”');
    const buttons = buttonsOf(reply);
    expect(buttons.length).toBeGreaterThan(0);
    expect(buttons.length).toBeLessThanOrEqual(5);
    expect(buttons[0]).toMatchObject({ label: '“lion pack”', id: `term:${hash}:${indexOf('lion pack')}` });
    const pressed = await press(buttons[0]!.id);
    expect(pressed.mode).toBe('update');
    expect(citations(shown(pressed.body))).toContain('¶11.1');
  });

  it('offers no buttons when nothing is close, and echoes the name harmlessly', () => {
    const reply = run(term, { name: '@everyone' });
    expect(shown(reply)).not.toContain('@everyone');
    expect(isProblem(reply)).toBe(true);
  });

  it.each([`term:000000:${0}`, `term:${hash}:999`, `term:${hash}:x`])('answers %s as expired', async (id) => {
    expect(isExpired(await press(id))).toBe(true);
  });
});
