import { describe, expect, it } from 'vitest';
import { completeLine, type CompletionSource } from '../../src/sandbox/completion.js';
import { examples, greeting, helpText } from '../../src/sandbox/guide.js';
import type { CommandDefinition } from '../../src/sandbox/index.js';
import { CommandRegistry } from '../../src/sandbox/state/commands.js';
import { displayWidth, wrapText } from '../../src/sandbox/wrap.js';
import { SCRIPT_COMMANDS } from './fixtures/script-bot.js';

let ids = 100_000_000_000_000_000n;
function registered(raws: readonly Record<string, unknown>[]): CommandDefinition[] {
  const registry = new CommandRegistry(() => String(ids++));
  return registry.replace('123456789012345678', null, raws);
}

describe('wrapText', () => {
  const width = 40;
  const lines = (text: string) => wrapText(text, width).split('\n');

  it('keeps an embed quote inside its gutter, the quote marked on every line', () => {
    const quote = '  │ > the cadres who do not act are adjusted, and those who are able are promoted without delay';
    const wrapped = lines(quote);
    expect(wrapped.length).toBeGreaterThan(2);
    for (const line of wrapped) {
      expect(line.startsWith('  │ > ')).toBe(true);
      expect(displayWidth(line)).toBeLessThanOrEqual(width);
    }
    expect(wrapped.map((line) => line.slice('  │ > '.length)).join(' ')).toBe(quote.slice('  │ > '.length));
  });

  it('lines a list item up under its text and keeps a field value indented', () => {
    expect(lines('  - one item that is long enough to go past the edge of it')).toEqual([
      '  - one item that is long enough to go',
      '    past the edge of it',
    ]);
    expect(lines('  │   ¶3.1 a field value that is long enough to wrap around')[1]).toMatch(/^ {2}│ {3}\S/);
  });

  it('counts Chinese as two columns and breaks between its characters', () => {
    const wrapped = lines(`  │ > ${'干部考核怎么搞'.repeat(4)}`);
    expect(wrapped).toHaveLength(2);
    for (const line of wrapped) expect(displayWidth(line)).toBeLessThanOrEqual(width);
    expect(displayWidth('干部')).toBe(4);
  });

  it('cuts a word longer than a line, and leaves short lines alone', () => {
    const url = `https://example.org/${'a'.repeat(60)}`;
    expect(lines(url).every((line) => displayWidth(line) <= width)).toBe(true);
    expect(lines(url).join('')).toBe(url);
    expect(wrapText('bot (reply):\n  ok', width)).toBe('bot (reply):\n  ok');
  });
});

describe('Tab completion', () => {
  const commands = registered(SCRIPT_COMMANDS);
  const source: CompletionSource = {
    commands: () => commands,
    channels: () => ['general', 'policy'],
    buttons: () => ['Next', 'Full paragraph ¶4'],
  };
  const complete = (line: string) => completeLine(line, source);

  it('completes command names, verbs and prefixes from what the bot registered', () => {
    expect(complete('/ec')).toEqual([['/echo'], '/ec']);
    expect(complete('as mod /con')).toEqual([['/config'], '/con']);
    expect(complete('')[0]).toEqual(expect.arrayContaining(['/ping', '/page', 'say ', 'click ', 'help', 'locale ']));
    expect(complete('re')).toEqual([['restart'], 're']);
  });

  it('completes subcommands, then the options not given yet, then values it can know', () => {
    expect(complete('as mod /config ')).toEqual([['channels '], '']);
    expect(complete('as mod /config channels a')).toEqual([['add '], 'a']);
    expect(complete('as mod /config channels add ')).toEqual([['channel:'], '']);
    expect(complete('as mod /config channels add channel:#p')).toEqual([['channel:#policy'], 'channel:#p']);
    expect(complete('/echo text:hello there t')).toEqual([['times:'], 't']);
    expect(complete('/echo hide:t')).toEqual([['hide:true'], 'hide:t']);
  });

  it('completes locales, channels and the labels of the latest buttons', () => {
    expect(complete('locale zh')).toEqual([['zh-CN', 'zh-TW'], 'zh']);
    expect(complete('in #')).toEqual([['#general', '#policy'], '#']);
    expect(complete('click Full')).toEqual([['Full paragraph ¶4'], 'Full']);
    expect(complete('/nothing ')).toEqual([[], '']);
  });
});

describe('the guide', () => {
  it('offers policy-bot’s own first lines when its /ask is registered', () => {
    const policy = registered([
      { name: 'ask', description: 'Ask', options: [{ type: 3, name: 'question', description: 'Q', required: true }] },
      { name: 'config', description: 'Settings', default_member_permissions: '32' },
    ]);
    expect(examples(policy).map((example) => example.line)).toEqual([
      '/ask question:who gets demoted?',
      'click Full paragraph ¶4',
      'as mod /config channels add channel:#policy',
      'locale zh-CN /ask question:干部考核怎么搞',
      'dm say hello',
    ]);
  });

  it('makes its lines from the commands of another bot, and lists them in help', () => {
    const commands = registered(SCRIPT_COMMANDS);
    const text = greeting('policy-bot', '/tmp/data', commands);
    expect(text).toContain('as mod /config channels add channel:…');
    expect(text).toMatch(/Type help for the whole grammar/);
    expect(helpText(commands)).toMatch(/locale CODE {4}the person's Discord language[\s\S]*\/echo text:… {2}— Repeats/);
  });
});
