import { describe, expect, it } from 'vitest';
import { echo, escapeUserText } from '../../src/replies/markdown.js';
import { liveMaskedLink } from './payload-rules.js';

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
