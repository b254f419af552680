import { describe, expect, it } from 'vitest';
import { quote } from '../../commands/quote.js';
import { buttonsOf, citations, context, corpus, isExpired, press, run, shown } from './support.js';

describe('/quote', () => {
  it('“flock of sheep” quotes Huang Qiang’s line, cited ¶11, with the words in bold', () => {
    const text = shown(run(quote, { text: 'flock of sheep' }));
    expect(citations(text)).toEqual(['¶11.1']);
    expect(text).toContain('**flock of sheep**');
  });

  it('paragraph:N quotes that whole paragraph for every N from 0 to 15', () => {
    for (const paragraph of corpus.article.paragraphs) {
      const text = shown(run(quote, { text: '', paragraph: paragraph.number }));
      expect(citations(text)).toEqual([`¶${paragraph.number}`]);
      expect(text).toContain(`> ${paragraph.text}`);
    }
  });

  describe('next and previous buttons', () => {
    const query = 'cadres';
    const first = run(quote, { text: query });
    const [previous, next] = buttonsOf(first);
    const list = context.search
      .search(query)
      .map((r) => `${r.paragraph}.${r.sentence}`)
      .join(',');

    it('start at match 1 with “Previous” disabled, the buttons carrying the list of matches', () => {
      expect(previous).toMatchObject({ id: `quote:-1:${list}:${query}`, disabled: true });
      expect(next).toMatchObject({ id: `quote:1:${list}:${query}`, disabled: false });
      expect(shown(first)).toContain('Match 1 of 5');
    });

    it('“Next” redraws the message with match 2, whose “Previous” leads back to match 1', async () => {
      const second = await press(next!.id);
      expect(second.mode).toBe('update');
      expect(shown(second.body)).toContain('Match 2 of 5');
      expect(citations(shown(second.body))).not.toEqual(citations(shown(first)));
      const back = buttonsOf(second.body)[0]!;
      expect(back.id).toBe(`quote:0:${list}:${query}`);
      expect(shown((await press(back.id)).body)).toBe(shown(first));
    });

    it('the last match disables “Next”', async () => {
      const last = (await press(`quote:4:${list}:${query}`)).body;
      expect(shown(last)).toContain('Match 5 of 5');
      expect(buttonsOf(last)[1]).toMatchObject({ disabled: true });
    });

    it('a query holding colons survives the round trip through the custom_id', async () => {
      const colons = 'cadres: reform: style';
      const [, nextMatch] = buttonsOf(run(quote, { text: colons }));
      const pressed = await press(nextMatch!.id);
      expect(pressed.mode).toBe('update');
      expect(shown(pressed.body)).toContain('“cadres: reform: style”');
      expect(shown(pressed.body)).toContain('Match 2 of');
    });
  });

  it('pages a long query through the matches it found, though the custom_id holds only its beginning', async () => {
    const long =
      'how are cadres evaluated and what mistakes in reform are tolerated by the Provincial Party Committee when selecting officials';
    const found = context.search.search(long).map((r) => `¶${r.paragraph}.${r.sentence}`);
    const [, nextMatch] = buttonsOf(run(quote, { text: long }));
    expect(nextMatch!.id.length).toBeLessThanOrEqual(100);
    expect(shown((await press(nextMatch!.id)).body)).toContain(`Match 2 of ${found.length} (${found[1]})`);
  });

  it.each([
    'quote:x:13.3:cadres',
    'quote:1:13.3:',
    'quote:999:13.3:cadres',
    'quote:1.5:13.3:cadres',
    'quote:1:99.1:cadres',
    'quote:1:13.99:cadres',
  ])('answers %s as expired', async (id) => {
    expect(isExpired(await press(id))).toBe(true);
  });

  it('“Full paragraph” answers with a new message; a paragraph past ¶15 is expired', async () => {
    const pressed = await press('para:11');
    expect(pressed.mode).toBe('reply');
    expect(citations(shown(pressed.body))).toEqual(['¶11']);
    expect(isExpired(await press('para:16'))).toBe(true);
    expect(isExpired(await press('para:eleven'))).toBe(true);
  });

  it('autocompletes at most 25 choices of at most 100 characters', () => {
    for (const typed of ['', 'lion', 'impl', 'x'.repeat(200)]) {
      const choices = quote.autocomplete!({ name: 'text', value: typed }, context);
      expect(choices.length).toBeLessThanOrEqual(25);
      for (const c of choices) expect(c.value.length).toBeLessThanOrEqual(100);
    }
  });
});
