import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ANSWER_PERMISSIONS } from '../../src/invite/permissions.js';

const README = readFileSync(fileURLToPath(new URL('../../README.md', import.meta.url)), 'utf8');

/** The README's "### Permissions" section, up to the next heading. */
function permissionsSection(): string {
  const start = README.indexOf('\n### Permissions\n');
  expect(start).toBeGreaterThan(-1);
  const end = README.indexOf('\n#', start + 1);
  return README.slice(start, end === -1 ? undefined : end);
}

describe("the README's Permissions paragraph", () => {
  it('explains each permission the server link asks for, and no other', () => {
    const explained = [...permissionsSection().matchAll(/^- \*\*([^*]+)\*\*:/gm)].map((m) => m[1]?.toLowerCase());
    // discord.js names them in camel case: SendMessagesInThreads is "Send Messages in Threads".
    const asked = ANSWER_PERMISSIONS.toArray().map((name) => name.replace(/(?<=.)([A-Z])/g, ' $1').toLowerCase());
    expect(explained.sort()).toEqual(asked.sort());
  });
});
