import { describe, expect, it } from 'vitest';
import { dateIn } from '../../src/i18n/curated.js';
import { writtenIn } from '../../src/i18n/written-in.js';
import { languageOf, list, t } from '../../src/i18n/words.js';
import { echo } from '../../src/replies/markdown.js';

describe('the language of a Discord locale', () => {
  it('is Chinese for zh-CN and zh-TW, and English for every other locale or none', () => {
    expect(languageOf('zh-CN')).toBe('zh-CN');
    expect(languageOf('zh-TW')).toBe('zh-TW');
    for (const other of ['en-US', 'en-GB', 'fr', 'ja', 'ko', 'zh', 'zh-cn', '', undefined])
      expect(languageOf(other)).toBe('en');
  });
});

describe('the translation function', () => {
  it('fills in a value as given: a person’s text, escaped by echo, is never read for placeholders or nesting', () => {
    const typed = echo('{{question}} $t(help.title) **bold** <@&1>');
    const title = t('zh-CN', 'notCovered.title', { question: typed });
    expect(title).toBe(`文章未涉及：${typed}`);
    expect(title).not.toContain('能回答什么');
  });

  it('picks the plural form English needs, and the one Chinese has', () => {
    expect(t('en', 'options.textAtMost', { count: 1 })).toBe('text of at most 1 character');
    expect(t('en', 'options.textAtMost', { count: 200 })).toBe('text of at most 200 characters');
    expect(t('zh-CN', 'options.textAtMost', { count: 1 })).toBe('不超过 1 个字符的文字');
    expect(t('zh-TW', 'options.textAtMost', { count: 200 })).toBe('不超過 200 個字元的文字');
  });

  it('writes lists as each language does', () => {
    expect(list('en', ['¶3', '¶4'])).toBe('¶3, ¶4');
    expect(list('zh-CN', ['¶3', '¶4'])).toBe('¶3、¶4');
  });

  it('writes the dates the text states without adding a year', () => {
    expect(dateIn('en', 'November 21')).toBe('November 21');
    expect(dateIn('zh-CN', 'November 21')).toBe('11月21日');
    expect(dateIn('zh-TW', 'November 3')).toBe('11月3日');
    expect(dateIn('zh-CN', 'late autumn')).toBe('late autumn');
  });
});

describe('the language a message is written in', () => {
  it('is simplified or traditional Chinese by its characters, mixed with English or not', () => {
    expect(writtenIn('干部考核怎么搞')).toBe('zh-CN');
    expect(writtenIn('幹部考核怎麼搞')).toBe('zh-TW');
    expect(writtenIn('躺平的干部会咋样')).toBe('zh-CN');
    expect(writtenIn('what does 能上能下 mean')).toBe('zh-CN');
    expect(writtenIn('黃強說了什麼 lion pack')).toBe('zh-TW');
    // Characters the two scripts share are read as simplified, the more common.
    expect(writtenIn('早上好')).toBe('zh-CN');
  });

  it('is English for English, emoji, and Japanese or Korean that borrow Han characters', () => {
    expect(writtenIn('who gets demoted?')).toBe('en');
    expect(writtenIn('😂👍')).toBe('en');
    expect(writtenIn('幹部の評価はどうなりますか')).toBe('en');
    expect(writtenIn('간부 평가 幹部')).toBe('en');
  });
});
