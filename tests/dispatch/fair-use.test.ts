import { describe, expect, it } from 'vitest';
import { SlidingWindowLimit } from '../../src/settings/fair-use.js';

describe('the per-person limit', () => {
  it('allows 6 answers in any 30 s, tells the first refusal with the wait, and is quiet after', () => {
    let now = 0;
    const limit = new SlidingWindowLimit();
    for (let i = 0; i < 6; i++) {
      expect(limit.check('ann', now)).toEqual({ allowed: true });
      now += 1_000;
    }
    // The first answer (at 0 s) leaves the window at 30 s: 24 s from now.
    expect(limit.check('ann', now)).toEqual({ allowed: false, retryInSeconds: 24, tell: true });
    expect(limit.check('ann', now)).toEqual({ allowed: false, retryInSeconds: 24, tell: false });
    expect(limit.check('bob', now)).toEqual({ allowed: true });
    now = 30_000;
    expect(limit.check('ann', now)).toEqual({ allowed: true });
    // Only one answer left the window: the next one waits for the answer given at 1 s.
    expect(limit.check('ann', now)).toEqual({ allowed: false, retryInSeconds: 1, tell: true });
    now = 31_000;
    expect(limit.check('ann', now)).toEqual({ allowed: true });
  });

  it('keeps only the people who asked within the last window', () => {
    let now = 0;
    const limit = new SlidingWindowLimit();
    for (let i = 0; i < 1_000; i++) limit.check(`person-${i}`, now);
    now = 20_000;
    limit.check('person-7', now);
    expect(limit.size).toBe(1_000);
    now = 30_000;
    limit.check('newcomer', now);
    // Everyone but person-7 (who asked at 20 s) has been idle for a whole window.
    expect(limit.size).toBe(2);
    now = 50_000;
    limit.check('newcomer', now);
    expect(limit.size).toBe(1);
  });
});
