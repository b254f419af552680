import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/load.js';
import { romanised, soundsOf } from '../../src/search/chinese/sounds.js';

describe('the sounds of a Chinese name', () => {
  it('says each character as one toneless syllable, a surname as a surname', () => {
    expect(soundsOf('王琦')).toEqual(['wang', 'qi']);
    expect(soundsOf('王琪')).toEqual(['wang', 'qi']);
    expect(soundsOf('王岐山')).toEqual(['wang', 'qi', 'shan']);
    expect(soundsOf('黄晓明')).toEqual(['huang', 'xiao', 'ming']);
    expect(soundsOf('黄飞鱼')).toEqual(['huang', 'fei', 'yu']);
    expect(soundsOf('单强')[0]).toBe('shan');
  });

  it('counts a romanised given name’s syllables, so two characters never say one', () => {
    expect(romanised('Qiushi')).toEqual({ sounds: 'qiushi', syllables: 2 });
    expect(romanised('Qiang')).toEqual({ sounds: 'qiang', syllables: 1 });
    expect(romanised('Xian').syllables).toBe(1);
    expect(soundsOf('西安')).toHaveLength(2);
  });

  it('has every surname character of the glossary say the English surname it is listed for', () => {
    const surnames = loadCorpus().chinese.glossary.filter((e) => e.kind === 'surname');
    expect(surnames.length).toBeGreaterThan(0);
    for (const entry of surnames)
      for (const character of entry.zh) expect(soundsOf(character)).toEqual([romanised(entry.en[0]!).sounds]);
  });
});
