import { describe, expect, it } from 'vitest';
import { criteria, FOCI } from '../../commands/criteria.js';
import { isProblem, type Answer } from '../../src/replies/answer.js';
import { buttonsOf, citations, corpus, isExpired, ownWords, press, run, shown } from './support.js';

/** The rendered lines of one topic's section: from its bold heading to the next heading or the end. */
function sectionOf(text: string, heading: string): string[] {
  const lines = text.split('\n');
  const start = lines.indexOf(`**${heading}**`);
  expect(start).toBeGreaterThanOrEqual(0);
  const next = lines.findIndex((l, i) => i > start && l.startsWith('**'));
  return lines.slice(start, next < 0 ? undefined : next);
}

describe('/criteria', () => {
  it('focus:promote quotes ¶4’s promoting excerpt, cited', () => {
    expect(shown(run(criteria, { focus: 'promote' }))).toContain(
      '> promoting those who are capable, dare to take responsibility at critical moments, and have outstanding achievements\n— ¶4.2',
    );
  });

  it('focus:promote marks “five vigorously selecting” as named only and lists no item for it', () => {
    const text = shown(run(criteria, { focus: 'promote' }));
    const section = sectionOf(text, 'The “five vigorously selecting” and “five resolutely not using”').filter(
      (l) => l.trim() !== '' && !l.startsWith('Source:'),
    );
    expect(section).toEqual([
      '**The “five vigorously selecting” and “five resolutely not using”**',
      '> We explicitly propose “five vigorously selecting” and “five resolutely not using”, clarifying the standards and attitudes of the Provincial Party Committee in appointing officials.',
      '— ¶13.3',
      'Named only: The article names the “five vigorously selecting” but does not list the five items.',
      'Named only: The article names the “five resolutely not using” but does not list the five items.',
    ]);
  });

  it('shows every excerpt of every topic of a focus, and nothing from another focus', () => {
    for (const focus of FOCI) {
      const text = shown(run(criteria, { focus }));
      for (const topic of corpus.criteria.topics) {
        for (const excerpt of topic.excerpts) {
          if (topic.focus === focus) expect(text).toContain(`> ${excerpt.text}`);
        }
        if (topic.focus !== focus) expect(text).not.toContain(`**${topic.label}**`);
      }
    }
  });

  it('without focus gives each topic’s label and its shortest excerpt, with a button per focus', () => {
    const reply = run(criteria);
    const text = shown(reply);
    for (const topic of corpus.criteria.topics) {
      expect(text).toContain(topic.label);
      const shortest = [...topic.excerpts].sort((a, b) => a.text.length - b.text.length)[0]!;
      expect(text).toContain(`> ${shortest.text}`);
    }
    expect(buttonsOf(reply).map((b) => b.id)).toEqual(FOCI.map((f) => `crit:${f}:0`));
  });

  it('the headline excerpt is cited ¶0, not ¶0.1', () => {
    expect(citations(shown(run(criteria, { focus: 'demote' })))).toContain('¶0');
  });

  it('states no list item the article leaves out: its own words hold no numbered or bulleted list', () => {
    for (const focus of FOCI) expect(ownWords(shown(run(criteria, { focus })))).not.toMatch(/^\s*(\d+[.)]|[-•*] )/m);
  });

  it('pages with crit:<focus>:<page> ids, so a press works after a restart', async () => {
    const answer = run(criteria, { focus: 'evaluation' }) as Answer;
    expect(answer.pageAction?.(2)).toBe('crit:evaluation:2');
    const pressed = await press('crit:tolerance:0');
    expect(pressed.mode).toBe('update');
    expect(shown(pressed.body)).toContain('fault-tolerant');
    expect(shown((await press('crit:all:0')).body)).toContain('Whom it demotes');
  });

  it.each(['crit:nepotism:0', 'crit:promote:x', 'crit:promote:-1', 'crit:promote:99'])(
    'answers %s as expired',
    async (id) => {
      expect(isExpired(await press(id))).toBe(true);
    },
  );

  it('answers an id with too few parts as expired: it cannot be decoded', async () => {
    expect(isExpired(await press('crit:promote'))).toBe(true);
  });

  it('refuses a focus that is not one of the four', () => {
    const reply = run(criteria, { focus: '@everyone' });
    expect(isProblem(reply)).toBe(true);
    expect(shown(reply)).not.toContain('@everyone');
  });
});
