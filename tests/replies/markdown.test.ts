import { describe, expect, it } from 'vitest';
import { echo, escapeUserText } from '../../src/replies/markdown.js';
import { liveMaskedLink } from '../../src/replies/payload-rules.js';

describe('echoing a person’s text', () => {
  it('leaves no masked link live, however many there are', () => {
    for (const typed of [
      '[x](http://evil)',
      '[x](http://evil) [y](http://evil)',
      'a [x](http://e) b [y](<http://e>) c [z](http://e)',
    ]) {
      expect(liveMaskedLink(escapeUserText(typed)), typed).toBe(false);
    }
  });

  it('keeps a typed backslash from unescaping the bracket after it', () => {
    expect(liveMaskedLink(escapeUserText('\\[x](http://evil)'))).toBe(false);
    expect(liveMaskedLink(escapeUserText('[a](b) \\[x](http://evil)'))).toBe(false);
  });

  it('still defuses mentions and markdown', () => {
    expect(echo('@everyone <@&123456789012345678> **bold**')).toBe(
      '“@\u200Beveryone <\u200B@\u200B&123456789012345678> \\*\\*bold\\*\\*”',
    );
  });
});

describe('direction-control and zero-width characters in an echoed text', () => {
  const INVISIBLE = ['\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069'];

  it('are taken out, so an echoed question cannot display reversed or hide letters', () => {
    const typed = `\u202Ewho gets\u2066 demoted\u2069?\u200B\uFEFF${INVISIBLE.join('')}`;
    const shown = echo(typed);
    for (const mark of [...INVISIBLE, '\u200B', '\uFEFF', '\u2060', '\u200E', '\u200F', '\u061C'])
      expect(shown.includes(mark), `U+${mark.codePointAt(0)!.toString(16).toUpperCase()}`).toBe(false);
    expect(shown).toBe('“who gets demoted?”');
  });

  it('leave only the zero-width spaces the escaping puts after @ and <', () => {
    const shown = echo('\u200B@\u200Beveryone <\uFEFF@123>');
    expect(shown).toBe('“@\u200Beveryone <\u200B@\u200B123>”');
    expect(shown.replace(/[@<]\u200B/g, '')).not.toMatch(/\u200B/);
  });
});
