import { describe, expect, it } from 'vitest';
import { MemoryLedger } from '../../src/dispatch/ledger.js';

describe('a ledger of ids seen', () => {
  it('says first time once per id', () => {
    const ledger = new MemoryLedger(10);
    expect([ledger.firstTime('a'), ledger.firstTime('a'), ledger.firstTime('b')]).toEqual([true, false, true]);
  });

  it('keeps at most its size, forgetting the ids seen longest ago first', () => {
    const ledger = new MemoryLedger(4);
    for (const id of ['a', 'b', 'c', 'd']) ledger.firstTime(id);
    // Four ids fit: none is forgotten yet.
    expect(['a', 'b', 'c', 'd'].map((id) => ledger.firstTime(id))).toEqual([false, false, false, false]);
    ledger.firstTime('e');
    ledger.firstTime('f');
    // The two seen first have gone; the later ones are still remembered.
    expect(['c', 'd', 'e', 'f'].map((id) => ledger.firstTime(id))).toEqual([false, false, false, false]);
    expect(ledger.firstTime('a')).toBe(true);
  });
});
