import pino from 'pino';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { Activity } from '../../src/log/activity.js';

/** A logger whose lines land in an array, synchronously; `written` resolves with the first. */
function capture(level = 'info'): {
  logger: pino.Logger;
  lines: Record<string, unknown>[];
  written: Promise<Record<string, unknown>>;
} {
  const lines: Record<string, unknown>[] = [];
  let first: (line: Record<string, unknown>) => void = () => undefined;
  const written = new Promise<Record<string, unknown>>((resolve) => (first = resolve));
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      const line = JSON.parse(chunk.toString()) as Record<string, unknown>;
      lines.push(line);
      first(line);
      done();
    },
  });
  return { logger: pino({ level }, sink), lines, written };
}

describe('Activity', () => {
  it('sums a window into one info line: counts by kind and outcome, mean and longest time', async () => {
    let now = 1_000;
    const { logger, lines } = capture();
    const activity = new Activity(logger, { everyMs: 0, now: () => now });
    activity.record('command', 'answered', 2);
    activity.record('command', 'problem', 4);
    activity.record('button', 'answered', 9);
    activity.record('message', 'error', 1);
    now += 60_000;
    const summary = activity.flush();
    expect(summary).toEqual({
      handled: 4,
      kinds: { command: 2, button: 1, message: 1 },
      outcomes: { answered: 2, problem: 1, error: 1 },
      meanMs: 4,
      maxMs: 9,
      seconds: 60,
    });
    await new Promise((resolve) => setImmediate(resolve));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      level: 30,
      msg: 'activity',
      handled: 4,
      outcomes: { answered: 2, problem: 1, error: 1 },
    });
  });

  it('starts a new count after each line, and says nothing for a quiet window', async () => {
    const { logger, lines } = capture();
    const activity = new Activity(logger, { everyMs: 0 });
    activity.record('command', 'answered', 1);
    expect(activity.flush()?.handled).toBe(1);
    expect(activity.flush()).toBeUndefined();
    activity.record('autocomplete', 'answered', 3);
    activity.stop();
    await new Promise((resolve) => setImmediate(resolve));
    expect(lines.map((line) => line['handled'])).toEqual([1, 1]);
    expect(lines[1]).toMatchObject({ kinds: { autocomplete: 1 }, maxMs: 3 });
  });

  it('logs on its own every interval', async () => {
    const { logger, written } = capture();
    const activity = new Activity(logger, { everyMs: 20 });
    activity.record('command', 'answered', 1);
    // Nothing but its own timer writes this line.
    const line = await written;
    activity.stop();
    expect(line).toMatchObject({ msg: 'activity', handled: 1 });
  });
});
