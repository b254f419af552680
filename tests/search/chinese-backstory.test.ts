import { describe, expect, it } from 'vitest';
import { splitChineseQuestions } from '../../src/search/chinese/parts.js';
import { articleSearch } from '../../src/search/search.js';

const anything = (text: string): boolean => /\p{Script=Han}|[a-z]/iu.test(text);
const split = (message: string): { text: string; context: string }[] =>
  splitChineseQuestions(message, anything).map(({ text, context }) => ({ text, context }));
const paragraphs = (question: string): number[] =>
  articleSearch()
    .search(question, { limit: 3 })
    .map((r) => r.paragraph);

describe('the backstory in the clauses of one run-on Chinese sentence', () => {
  it('reads the clauses where the asker speaks of themselves before the question as backstory', () => {
    expect(split('以前我们单位提拔就是论资排辈，熬年头就行，吉林这次还搞这套吗')).toEqual([
      { text: '熬年头就行，吉林这次还搞这套吗', context: '以前我们单位提拔就是论资排辈，' },
    ]);
    // Even where that clause holds a question of its own, when a later one asks.
    expect(split('身為台灣人一直搞不懂對岸的官員是怎麼升遷的，這篇講的選拔標準是什麼？')[0]?.text).toBe(
      '這篇講的選拔標準是什麼？',
    );
  });

  it('reads the asker’s state of mind, told with the “I” left out, as backstory', () => {
    expect(split('看了新闻有点懵，说实话没太看懂，那个五个大力选拔具体是指哪五个')[0]?.text).toBe(
      '那个五个大力选拔具体是指哪五个',
    );
    expect(split('不过我还挺好奇的，吉林说的那些不作为的干部咋处理')[0]?.text).toBe('吉林说的那些不作为的干部咋处理');
  });

  it('keeps a clause where the asker asks in their own voice, and what others told them', () => {
    expect(split('我很好奇吉林怎么考核，还看GDP吗')[0]?.context).toBe('');
    expect(split('我想知道黄强是谁，他说了什么')[0]?.context).toBe('');
    expect(split('我很关心基层党建，这次改革有什么新要求')[0]?.context).toBe('');
    expect(split('听说吉林要撸一批干部，撸了多少个')[0]?.context).toBe('');
  });

  it('reads a remark after the question, pointing back at it or owning to an opinion, as backstory', () => {
    expect(split('问责会不会搞扩大化啊 基层最怕这个了，一出事就层层甩锅')).toEqual([
      { text: '问责会不会搞扩大化啊', context: '基层最怕这个了，一出事就层层甩锅' },
    ]);
  });

  it('keeps the clauses that set the question’s topic, and a clause after it that asks or adds to it', () => {
    expect(split('在推动高质量发展方面，吉林对干部提出了哪些要求？')[0]?.context).toBe('');
    expect(split('被人恶意举报了咋整，组织管不管')[0]?.text).toBe('被人恶意举报了咋整，组织管不管');
    expect(split('吉林这回说的，躺平的干部会咋样，会被撸下来不')[0]?.context).toBe('');
  });

  it('asks a question and the other answer offered after it (“还是…”) as one', () => {
    expect(split('幹部考核會看什麼？還是一樣只看年資？')).toEqual([
      { text: '幹部考核會看什麼？還是一樣只看年資？', context: '' },
    ]);
  });

  it('tells a question in traditional characters or Cantonese that asks without a question mark', () => {
    expect(split('幹部犯錯了還能晉升嗎？容錯機制怎麼搞').map((p) => p.text)).toEqual([
      '幹部犯錯了還能晉升嗎？',
      '容錯機制怎麼搞',
    ]);
    expect(split('呢篇文講咗啲咩。邊個講嘅').map((p) => p.text)).toEqual(['呢篇文講咗啲咩。', '邊個講嘅']);
  });

  it('answers what the question asks, not refused for a place or a word its backstory names', () => {
    expect(paragraphs('说实话体制内躺平的人真不少，我老家那边尤其明显😮‍💨 吉林这回说的，躺平的干部会咋样')[0]).toBe(4);
    expect(paragraphs('身為台灣人一直搞不懂對岸的官員是怎麼升遷的，這篇講的吉林幹部選拔標準大概是什麼？')).not.toEqual(
      [],
    );
    expect(paragraphs('问责会不会搞扩大化啊 基层最怕这个了，一出事就层层甩锅')[0]).toBe(15);
  });

  it('still refuses a question whose own words are elsewhere, whatever the backstory', () => {
    expect(paragraphs('我老家在吉林，说实话挺冷的，长春这几天天气咋样')).toEqual([]);
    expect(paragraphs('身为台湾人我很好奇，台湾的县长是怎么选出来的？')).toEqual([]);
  });
});
