import { describe, expect, it } from 'vitest';
import { ApplicationCommandType } from 'discord.js';
import { findCommand, slashDefinitions } from '../../src/dispatch/registry.js';
import { helpAnswer } from '../../src/answers/help.js';
import { run, shown } from './support.js';

describe('/help', () => {
  const help = findCommand(ApplicationCommandType.ChatInput, 'help')!;
  const text = shown(run(help));

  it('lists every command by name, with an example of each', () => {
    for (const { name } of slashDefinitions()) {
      expect(text).toContain(`**/${name}**`);
      expect(text).toContain(`Example: \`/${name}`);
    }
  });

  it('mentions asking by mention or DM, and /config for moderators', () => {
    expect(text).toMatch(/mention the bot/i);
    expect(text).toMatch(/direct message/);
    expect(text).toContain('`/config`');
  });

  it('is about the bot, not an answer, and takes no options', () => {
    expect(help.kind).toBe('info');
    expect('options' in help.definition ? (help.definition.options ?? []) : []).toEqual([]);
  });

  it('registers the answer commands in the order /help lists them', () => {
    const order = ['ask', 'quote', 'goals', 'criteria', 'term', 'people', 'source', 'help'];
    expect(
      slashDefinitions()
        .map((d) => d.name)
        .filter((name) => order.includes(name)),
    ).toEqual(order);
    const listed = order.map((name) => text.indexOf(`**/${name}**`));
    expect(listed).toEqual([...listed].sort((a, b) => a - b));
  });

  it('says what the bot keeps, and links the privacy policy only where the operator names it', () => {
    expect(text).toContain('**Privacy**');
    expect(text).toContain('keeps none of your questions or messages');
    expect(text).not.toMatch(/privacy policy: </i);
    const linked = shown(helpAnswer(slashDefinitions(), 'en', 'https://bot.example.org/privacy'));
    expect(linked).toContain('The privacy policy: <https://bot.example.org/privacy>');
    const chinese = shown(helpAnswer(slashDefinitions(), 'zh-CN', 'https://bot.example.org/privacy'));
    expect(chinese).toContain('隐私政策：<https://bot.example.org/privacy>');
  });
});
