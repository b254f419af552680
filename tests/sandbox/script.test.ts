import { describe, expect, it } from 'vitest';
import { isInstructionLine, parseScript, parseScriptLine } from '../../src/sandbox/script.js';

describe('parseScriptLine', () => {
  it('reads a change to the bot’s permissions in a channel, which needs the channel', () => {
    expect(parseScriptLine('in #policy deny Embed Links')).toEqual({
      kind: 'permission',
      source: 'in #policy deny Embed Links',
      channel: 'policy',
      change: 'deny',
      permission: 'Embed Links',
    });
    expect(parseScriptLine('in #policy allow send messages')).toMatchObject({
      change: 'allow',
      permission: 'send messages',
    });
    expect(parseScriptLine('deny Embed Links')).toEqual({
      source: 'deny Embed Links',
      error: '"deny" needs the channel first, e.g. "in #policy deny Send Messages"',
    });
    expect(parseScriptLine('as mod in #policy deny Embed Links')).toMatchObject({
      error: '"deny" takes only "in #channel" before it',
    });
    expect(parseScriptLine('in #policy allow')).toMatchObject({ error: expect.stringContaining('needs a permission') });
  });

  it('reads a plain command with the defaults left open', () => {
    expect(parseScriptLine('/ping')).toEqual({
      kind: 'command',
      source: '/ping',
      dm: false,
      as: null,
      channel: null,
      locale: null,
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
      locale: null,
      label: 'Next page',
    });
    expect(parseScriptLine('restart')).toEqual({ kind: 'restart', source: 'restart' });
  });

  it("reads a locale prefix, with the others in any order, in Discord's spelling", () => {
    expect(parseScriptLine('locale zh-CN as alice /ask question:干部考核怎么搞')).toMatchObject({
      kind: 'command',
      locale: 'zh-CN',
      as: 'alice',
      name: 'ask',
      options: [{ name: 'question', value: '干部考核怎么搞' }],
    });
    expect(parseScriptLine('dm locale zh-tw /help')).toMatchObject({ dm: true, locale: 'zh-TW', name: 'help' });
    expect(parseScriptLine('in #policy locale fr as bob /ask question:x')).toMatchObject({
      channel: 'policy',
      locale: 'fr',
      as: 'bob',
    });
    expect(parseScriptLine('locale ja as bob click Next')).toMatchObject({ kind: 'click', locale: 'ja', as: 'bob' });
  });

  it('refuses a locale Discord does not have, one given twice, and one on a message', () => {
    expect(parseScriptLine('locale klingon /ask question:x')).toMatchObject({
      error: expect.stringMatching(/"klingon" is not a Discord locale.*zh-CN/),
    });
    expect(parseScriptLine('locale fr locale de /help')).toMatchObject({ error: expect.stringMatching(/twice/) });
    expect(parseScriptLine('locale zh-CN dm say 你好')).toMatchObject({
      error: expect.stringMatching(/a message carries no locale/),
    });
    expect(parseScriptLine('locale')).toMatchObject({ error: expect.stringMatching(/needs a code/) });
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
