import { describe, expect, it } from 'vitest';
import { Recent } from '../../src/search/recent.js';
import { tokenize } from '../../src/search/text.js';

describe('what was worked out for the last few texts', () => {
  it('works a text out once while it is recent, and never holds more than its capacity', () => {
    const recent = new Recent<number>(2);
    let computed = 0;
    const length = (text: string): number => {
      computed++;
      return text.length;
    };
    expect(recent.of('lion', length)).toBe(4);
    expect(recent.of('lion', length)).toBe(4);
    expect(computed).toBe(1);
    recent.of('sheep', length);
    recent.of('pack', length); // full: the older texts go
    expect(recent.of('lion', length)).toBe(4);
    expect(computed).toBe(4);
  });

  it('gives the same tokens for a text read again as for its first reading', () => {
    const first = tokenize('Who leads the lion pack?').map((t) => `${t.word}/${t.stem}@${t.start}`);
    expect(tokenize('Who leads the lion pack?').map((t) => `${t.word}/${t.stem}@${t.start}`)).toEqual(first);
    expect(first).toEqual(['who/who@0', 'leads/lead@4', 'the/the@10', 'lion/lion@14', 'pack/pack@19']);
  });
});
