import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { echo } from '../../src/replies/markdown.js';
import { junk, MARKUP, MENTIONS, SEED, typed } from './support.js';

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Markdown a person typed and Discord would still format: marks not escaped by a backslash (links aside). */
function liveMarkdown(text: string): string[] {
  const found: string[] = [];
  const plain = text.replace(/https?:\/\/\S+/g, ' ');
  let previous = '';
  for (let i = 0; i < plain.length; i++) {
    const c = plain[i]!;
    if (c === '\\' && /[!-/:-@[-`{-~]/.test(plain[i + 1] ?? '')) {
      i++;
      previous = '';
      continue;
    }
    if (c === '*' || c === '_' || c === '`') found.push(`${c} at ${i}`);
    if ((c === '~' || c === '|') && previous === c) found.push(`${c}${c} at ${i - 1}`);
    previous = c;
  }
  return found;
}

const hostile = fc.oneof(
  junk,
  typed,
  fc.array(fc.constantFrom(...MARKUP, ...MENTIONS, 'word', ' '), { maxLength: 30 }).map((parts) => parts.join('')),
);

describe('echoing a person’s text back', () => {
  it('is one quoted line with no control characters, no live mention, no live markdown', () => {
    fc.assert(
      fc.property(hostile, fc.integer({ min: 2, max: 300 }), (text, max) => {
        const shown = echo(text, max);
        expect(shown.startsWith('“') && shown.endsWith('”')).toBe(true);
        // eslint-disable-next-line no-control-regex -- no control character may survive
        expect(/[\u0000-\u001F\u007F]/.test(shown)).toBe(false);
        // Every @ and < is broken by a zero-width space: nothing pings or renders as a mention.
        expect(/@(?!\u200B)|<(?!\u200B)/.test(shown)).toBe(false);
        // Nothing reverses or hides letters: the only zero-width spaces are those after @ and <.
        expect(/[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C\u2060\uFEFF]/.test(shown)).toBe(false);
        expect(/(?<![@<])\u200B/.test(shown)).toBe(false);
        expect(liveMarkdown(shown)).toEqual([]);
        expect(/(?<!\\)\[[^\]]*\]\(/.test(shown)).toBe(false);
      }),
      { seed: SEED, numRuns: 400 },
    );
  });

  it('cuts long text to `max` characters before escaping, never inside a surrogate pair', () => {
    fc.assert(
      fc.property(
        fc.oneof(junk, typed).filter((t) => !LONE_SURROGATE.test(t)),
        fc.integer({ min: 2, max: 300 }),
        (text, max) => {
          const shown = echo(text, max);
          expect(LONE_SURROGATE.test(shown)).toBe(false);
          // The marks taken out (direction controls, zero-width spaces) do not count towards `max`.
          const oneLine = text
            .replace(/[\u202A-\u202E\u2066-\u2069\u200B\u200E\u200F\u061C\u2060\uFEFF]/g, '')
            .replace(/\s+/g, ' ')
            .trim();
          if (oneLine.length > max) expect(shown.endsWith('…”')).toBe(true);
          // What remains once the escapes are taken out is no longer than asked.
          const unescaped = shown
            .slice(1, -1)
            .replace(/\u200B/g, '')
            .replace(/\\(?=[!-/:-@[-`{-~])/g, '');
          expect(unescaped.length).toBeLessThanOrEqual(max);
        },
      ),
      { seed: SEED, numRuns: 300 },
    );
  });
});
