import { describe, expect, it } from 'vitest';
import { people, PEOPLE_NAMES } from '../../commands/people.js';
import { isSlash } from '../../src/dispatch/registry.js';
import { isProblem } from '../../src/replies/answer.js';
import { buttonsOf, citations, corpus, isExpired, press, run, shown } from './support.js';

describe('/people', () => {
  it('offers as choices exactly the people of corpus/people.json', () => {
    expect([...PEOPLE_NAMES]).toEqual(corpus.people.map((p) => p.name));
    const option = isSlash(people.definition) ? people.definition.options?.find((o) => o.name === 'name') : undefined;
    expect(option && 'choices' in option ? option.choices?.map((c) => c.value) : []).toEqual([...PEOPLE_NAMES]);
  });

  it('Huang Qiang: his role verbatim and cited, what he said, and his paragraphs', () => {
    const text = shown(run(people, { name: 'Huang Qiang' }));
    expect(text).toContain('> Secretary of the Jilin Provincial Party Committee\n— ¶10.2');
    expect(text).toContain('> I hope everyone can be lions, not sheep\n— ¶11.2');
    expect(text).toContain('¶10, ¶11');
    expect(text).not.toContain('Huang Feiyu');
  });

  it('without a name, each person’s role quoted and cited in the article’s order', () => {
    const text = shown(run(people));
    expect(citations(text)).toEqual(['¶3.1', '¶9.1', '¶10.2', '¶12.1']);
    for (const person of corpus.people) expect(text).toContain(`> ${person.role.text}`);
  });

  it('has a button per person; the one shown is disabled and “Everyone” leads back', async () => {
    expect(buttonsOf(run(people)).map((b) => b.label)).toEqual([...PEOPLE_NAMES]);
    const buttons = buttonsOf(run(people, { name: 'Wang Qiushi' }));
    expect(buttons.find((b) => b.label === 'Wang Qiushi')?.disabled).toBe(true);
    expect(buttons.at(-1)?.id).toBe('person:all');
    expect(shown((await press('person:3')).body)).toContain('— ¶12.1');
  });

  it('refuses a name that is not among the four, and expires a bad button', async () => {
    expect(isProblem(run(people, { name: 'Xi Jinping' }))).toBe(true);
    expect(isExpired(await press('person:4'))).toBe(true);
  });
});
