import { describe, expect, it } from 'vitest';
import { isInstructionLine, parseScript, parseScriptLine } from '../../src/sandbox/script.js';

describe('parseScriptLine', () => {
  it('reads a plain command with the defaults left open', () => {
    expect(parseScriptLine('/ping')).toEqual({
      kind: 'command',
      source: '/ping',
      dm: false,
      as: null,
      channel: null,
      name: 'ping',
      path: [],
      options: [],
    });
  });

  it('runs a value to the next " name:" and keeps URLs whole', () => {
    const line = parseScriptLine('/ask query:what is the policy? source:http://example.org/a hide:true');
    expect(line).toMatchObject({
      options: [
        { name: 'query', value: 'what is the policy?' },
        { name: 'source', value: 'http://example.org/a' },
        { name: 'hide', value: 'true' },
      ],
    });
  });

  it('reads subcommand words and the prefixes in any order', () => {
    expect(parseScriptLine('in #policy as mod /config channels add channel:#policy')).toMatchObject({
      as: 'mod',
      channel: 'policy',
      name: 'config',
      path: ['channels', 'add'],
      options: [{ name: 'channel', value: '#policy' }],
    });
    expect(parseScriptLine('dm as alice say hello @bot')).toMatchObject({
      kind: 'say',
      dm: true,
      as: 'alice',
      text: 'hello @bot',
    });
  });

  it('reads click and restart', () => {
    expect(parseScriptLine('click [Next page]')).toEqual({
      kind: 'click',
      source: 'click [Next page]',
      as: null,
      label: 'Next page',
    });
    expect(parseScriptLine('restart')).toEqual({ kind: 'restart', source: 'restart' });
  });

  it('explains what is wrong with a bad line', () => {
    expect(parseScriptLine('dm in #general say hi')).toMatchObject({
      error: expect.stringMatching(/cannot be combined/),
    });
    expect(parseScriptLine('shout hello')).toMatchObject({
      error: expect.stringMatching(/unknown instruction "shout"/),
    });
    expect(parseScriptLine('/echo text:a text:b')).toMatchObject({ error: expect.stringMatching(/given twice/) });
    expect(parseScriptLine('say')).toMatchObject({ error: expect.stringMatching(/needs some text/) });
    expect(parseScriptLine('as')).toMatchObject({ error: expect.stringMatching(/needs a name/) });
    expect(parseScriptLine('restart now')).toMatchObject({ error: expect.any(String) });
  });
});

it('skips blank lines and comments', () => {
  expect(isInstructionLine('  # a comment')).toBe(false);
  expect(isInstructionLine('   ')).toBe(false);
  expect(parseScript('# setup\n\n/ping\nsay hi\n').map((line) => ('kind' in line ? line.kind : 'error'))).toEqual([
    'command',
    'say',
  ]);
});
