import { describe, expect, it } from 'vitest';
import { COMMANDS, findCommand } from '../../commands/index.js';
import { run, shown } from './support.js';

describe('/help', () => {
  const help = findCommand('help')!;
  const text = shown(run(help));

  it('lists every command by name, with an example of each', () => {
    for (const command of COMMANDS) {
      expect(text).toContain(`**/${command.definition.name}**`);
      expect(text).toContain(`Example: \`/${command.definition.name}`);
    }
  });

  it('mentions asking by mention or DM, and /config for moderators', () => {
    expect(text).toMatch(/mention the bot/i);
    expect(text).toMatch(/direct message/);
    expect(text).toContain('`/config`');
  });

  it('is not an answer command and takes no options', () => {
    expect(help.answers).toBe(false);
    expect(help.definition.options ?? []).toEqual([]);
  });

  it('registers the answer commands in the order /help lists them', () => {
    const order = ['ask', 'quote', 'goals', 'criteria', 'term', 'people', 'source', 'help'];
    expect(COMMANDS.map((c) => c.definition.name).filter((name) => order.includes(name))).toEqual(order);
    const listed = order.map((name) => text.indexOf(`**/${name}**`));
    expect(listed).toEqual([...listed].sort((a, b) => a - b));
  });
});
