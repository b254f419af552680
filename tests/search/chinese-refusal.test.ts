import { describe, expect, it } from 'vitest';
import { CorpusError } from '../../src/corpus/article.js';
import { buildChineseCorpus } from '../../src/corpus/chinese.js';
import { loadCorpus, readCorpusFiles } from '../../src/corpus/load.js';
import { compileLexicon } from '../../src/search/chinese/lexicon.js';
import { articleSearch } from '../../src/search/search.js';

const search = articleSearch();
const top = (question: string): number | undefined => search.search(question)[0]?.paragraph;

describe('variant ways of writing a word', () => {
  const lexicon = compileLexicon(loadCorpus().chinese);

  it('reads 報導, 报导 and 报道 alike, and Taiwan’s 品質 as 质量', () => {
    expect(lexicon.fold('澎湃新聞報導了什麼')).toBe(lexicon.fold('澎湃新闻报道了什么'));
    expect(lexicon.fold('报导')).toBe('报道');
    expect(lexicon.fold('高品質發展')).toBe('高质量发展');
    expect(top('澎湃新聞報導了什麼')).toBe(9);
    expect(top('澎湃新闻报导了什么')).toBe(9);
  });

  it('refuses a variant read as itself, or listed twice', () => {
    const { article } = loadCorpus();
    const files = readCorpusFiles();
    const build =
      (variants: unknown): (() => void) =>
      () =>
        buildChineseCorpus(article, { ...files, 'zh-variants.json': JSON.stringify(variants) });
    expect(build([{ forms: ['报道'], as: '报道' }])).toThrow(CorpusError);
    expect(
      build([
        { forms: ['报导'], as: '报道' },
        { forms: ['报导'], as: '报到' },
      ]),
    ).toThrow(/already in/);
  });
});

describe('what a Chinese question asks of the things the article names', () => {
  it('hears what a publication printed as what it said', () => {
    expect(top('《党建研究》上那篇文章说了什么')).toBe(9);
    expect(top('Party Building Research 那篇 article 讲了啥')).toBe(9);
  });

  it('reads a name after 在 as where something was said, not who said it', () => {
    expect(top('省委组织部部务委员在发布会上讲了什么')).toBe(12);
  });

  it('knows a plenary session by its term and committee in either order', () => {
    expect(top('十二届省委五中全会提出了什么改革')).toBe(3);
    expect(top('省委十二届五中全会提出了什么改革')).toBe(3);
  });

  it('reads a word the article only quotes, asked alone, in its everyday sense', () => {
    expect(search.search('狮子吃什么？')).toEqual([]);
    expect(search.search('羊吃什么')).toEqual([]);
    expect(top('狮子和羊是什么意思')).toBe(11);
    expect(top('狮群是什么')).toBe(11);
    expect(top('“狮子”指的是谁')).toBe(11);
  });

  it('does not name people the article only counts', () => {
    expect(search.search('被调整的11名省管干部都叫什么名字？')).toEqual([]);
    expect(search.search("what are the 11 cadres' names")).toEqual([]);
    expect(top('被调整的省管干部有多少名')).toBe(9);
    expect(top('Who held the press conference on November 21?')).toBe(2);
  });
});

describe('Chinese chat words', () => {
  it.each([
    ['吉林这回到底要把啥样的干部拿下来？😅', [0, 4]],
    ['哪些干部会被调整下来？', [0, 4]],
    ['干部干事犯错了咋整，会不会直接凉了', [6, 15]],
    ['受过处分的人还能翻身不', [15]],
    ['问责会不会一刀切啊 😓', [15]],
    ['那个实施意见叫啥名字来着', [12]],
  ])('reaches the passage for “%s”', (question, paragraphs) => {
    expect(paragraphs).toContain(top(question));
  });
});

describe('the words Taiwan writes for the article’s ideas', () => {
  it('reads 年資, 究責 and 拔擢 as 资历, 追责 and 提拔', () => {
    expect([4, 13]).toContain(top('吉林會拔擢哪些幹部'));
    expect(top('官員做錯事會被究責嗎')).toBe(15);
    expect(top('幹部考核會看什麼？還是一樣只看年資？')).toBe(13);
  });
});

describe('what the article cannot tell, told from what it does', () => {
  it('refuses a figure of the economy, not GDP as what officials are judged by', () => {
    expect(search.search('吉林的GDP去年排全国第几')).toEqual([]);
    expect(search.search('吉林今年GDP增长多少？')).toEqual([]);
    expect(top('现在考核干部政绩是咋考的，还只看GDP吗')).toBe(5);
    expect(top('吉林考核干部还拼GDP吗')).toBe(5);
  });

  it('refuses what someone did before, however the verb is inflected', () => {
    expect(search.search('黄强之前在哪个省当过官')).toEqual([]);
    expect(search.search('黄强以前在哪里当官')).toEqual([]);
  });

  it('reads 写 as a verb of saying, so what a writer wrote is asked of the writer', () => {
    expect(top('Wang Qiushi 在 Party Building Research 上写了啥')).toBe(9);
    expect(top('王秋实在党建研究上写了啥')).toBe(9);
  });
});
