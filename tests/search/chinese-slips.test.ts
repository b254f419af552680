import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/load.js';
import { compileLexicon } from '../../src/search/chinese/lexicon.js';
import { articleSearch } from '../../src/search/search.js';

const lexicon = compileLexicon(loadCorpus().chinese);
const respelled = (question: string): string => {
  const folded = lexicon.fold(question);
  return lexicon.respell(folded) ?? folded;
};
const paragraphs = (question: string): number[] =>
  articleSearch()
    .search(question, { limit: 3 })
    .map((r) => r.paragraph);

describe('words typed with the wrong character of the right sound', () => {
  it('reads a slip nothing knows as the glossary word it sounds like', () => {
    expect(respelled('鸡层党建咋说的')).toBe('基层党建咋说的');
    expect(respelled('还搞论资排背吗')).toBe('还搞论资排辈吗');
    expect(respelled('干部能上能夏吗')).toBe('干部能上能下吗');
  });

  it('finds it where the segmenter read its other characters into the words beside it (提|巴, 澎湃|新|文)', () => {
    expect(respelled('提巴干部看什么')).toBe('提拔干部看什么');
    expect(respelled('问则会不会扩大化')).toBe('问责会不会扩大化');
    expect(respelled('澎湃新文报道了什么')).toBe('澎湃新闻报道了什么');
  });

  it('reads traditional characters as their simplified forms first', () => {
    expect(respelled('鷄層黨建')).toBe('基层党建');
  });

  it('leaves a word of the dictionary alone, and a slip that would cut across the words around it', () => {
    expect(respelled('这个公式怎么算')).toBe('这个公式怎么算');
    expect(respelled('澎湃新闻是哪家报业集团旗下的')).toBe('澎湃新闻是哪家报业集团旗下的');
    expect(respelled('鸡蛋怎么煮好吃')).toBe('鸡蛋怎么煮好吃');
  });

  it('answers the question a slip would have had refused', () => {
    expect(paragraphs('有人知道吉林这回鸡层党建咋说的吗')[0]).toBe(8);
    expect(paragraphs('黄强让大家别当甩手掌贵 是在啥场合说的')[0]).toBe(10);
    expect(paragraphs('人才练和产业练怎么融合')[0]).toBe(7);
  });
});
