import { describe, expect, it } from 'vitest';
import { goals } from '../../commands/goals.js';
import { buttonsOf, citations, corpus, isExpired, press, run, shown } from './support.js';

describe('/goals', () => {
  it('quotes the lead sentence of each goal, cited ¶4.1 to ¶8.1 in order', () => {
    const cited = citations(shown(run(goals))).filter((c) => /^¶[4-8]\./.test(c));
    expect(cited).toEqual(['¶4.1', '¶5.1', '¶6.1', '¶7.1', '¶8.1']);
  });

  it('introduces them with the ¶3 “five more” sentence and Wang Qi’s role as worded', () => {
    const text = shown(run(goals));
    expect(text).toContain('> Specifically, we aim to achieve “five more” goals.\n— ¶3.4');
    expect(text).toContain('Wang Qi');
    expect(text).toContain(
      '> Deputy Minister of the Organization Department of the Jilin Provincial Party Committee\n— ¶3.1',
    );
    expect(text.indexOf('¶3.4')).toBeLessThan(text.indexOf('¶4.1'));
  });

  it('offers one button per goal', () => {
    expect(buttonsOf(run(goals)).map((b) => [b.label, b.id])).toEqual(
      [1, 2, 3, 4, 5].map((n) => [`Goal ${n}`, `goals:${n}`]),
    );
  });

  it('number:3 quotes the whole of ¶6, sentence by sentence', () => {
    const text = shown(run(goals, { number: 3 }));
    const paragraph = corpus.article.paragraphs[6]!;
    expect(citations(text)).toEqual(paragraph.sentences.map((s) => `¶6.${s.number}`));
    for (const sentence of paragraph.sentences) expect(text).toContain(`> ${sentence.text}`);
    expect(text).not.toMatch(/¶5\.|¶7\./);
  });

  it('number:3 leads to goals 2 and 4 and back to all five', () => {
    expect(buttonsOf(run(goals, { number: 3 })).map((b) => b.id)).toEqual(['goals:2', 'goals:4', 'goals:all']);
    expect(buttonsOf(run(goals, { number: 1 })).map((b) => b.id)).toEqual(['goals:2', 'goals:all']);
    expect(buttonsOf(run(goals, { number: 5 })).map((b) => b.id)).toEqual(['goals:4', 'goals:all']);
  });

  it('pressing “Goal 5” redraws the message with ¶8, and “All goals” with the overview', async () => {
    const five = await press('goals:5');
    expect(five.mode).toBe('update');
    expect(citations(shown(five.body))).toEqual(['¶8.1', '¶8.2']);
    expect(shown((await press('goals:all')).body)).toContain('— ¶7.1');
  });

  it.each(['goals:0', 'goals:6', 'goals:x', 'goals:', 'goals:2.5'])('answers %s as expired', async (id) => {
    expect(isExpired(await press(id))).toBe(true);
  });
});
