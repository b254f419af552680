import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/load.js';
import { readChineseChat, withoutTheCrowd } from '../../src/search/chinese/chat.js';
import { readPicturedEmoji } from '../../src/search/chinese/emoji.js';
import { chineseFrameOf } from '../../src/search/chinese/frames.js';
import { compileLexicon } from '../../src/search/chinese/lexicon.js';
import { isLightWord } from '../../src/search/chinese/light-words.js';
import { foldQuestion } from '../../src/search/chinese/simplified.js';
import { articleSearch } from '../../src/search/search.js';

const lexicon = compileLexicon(loadCorpus().chinese);

/** The question's pieces as `word+` (known), `word?` (unknown), stopwords and other scripts left out. */
function pieces(question: string): string[] {
  return lexicon.segmenter
    .segment(foldQuestion(question))
    .filter((p) => p.kind === 'known' || p.kind === 'unknown')
    .map((p) => (p.kind === 'known' ? `${p.text}+` : `${p.text}?`));
}

describe('Chinese chat read as plain words', () => {
  it('spells out the pinyin initials chat writes for the words of officialdom', () => {
    expect(readChineseChat('不敢改革的gb会咋样')).toBe('不敢改革的干部会咋样');
    expect(readChineseChat('zzb那边谁讲的')).toBe('组织部那边谁讲的');
  });

  it('takes out laughter typed in digits or letters, and leaves figures and English words as typed', () => {
    expect(readChineseChat('行不行 233').trim()).toBe('行不行');
    expect(readChineseChat('xswl 这比喻 hhhh').replace(/\s+/g, '')).toBe('这比喻');
    expect(readChineseChat('吉林的gdp 2024年 11名')).toBe('吉林的gdp 2024年 11名');
  });

  it('takes out what chat says to the crowd around a question, where a clause opens or the message closes', () => {
    const read = (question: string): string => withoutTheCrowd(readChineseChat(question));
    expect(read('家人们谁懂啊 容错清单是啥').trim()).toBe('容错清单是啥');
    expect(read('有无懂哥说下三上三下').trim()).toBe('说下三上三下');
    expect(read('bdjw 问责泛化是啥 在线等 急').trim()).toBe('问责泛化是啥');
    expect(read('急于求成的干部会怎样')).toBe('急于求成的干部会怎样');
    expect(read('家人们')).toBe('家人们');
  });

  it('spells out the pinyin initials of the article’s outlets and events', () => {
    expect(readChineseChat('gzh叫啥 fbh哪天开的')).toBe('公众号叫啥 发布会哪天开的');
  });

  it('reads a day said with 号 as the article’s dates are written, with 日', () => {
    expect(readChineseChat('11月13号开了啥会')).toBe('11月13日开了啥会');
    expect(pieces(readChineseChat('11月13号开了啥会'))).toContain('11月13日+');
  });
});

describe('words of a Chinese question that carry no topic', () => {
  it('sets a negation or a particle apart from the verb the segmenter joined it to', () => {
    expect(pieces('有人管不')).toEqual(['管?']);
    expect(pieces('那种还管啊')).toEqual(['管?']);
    expect(pieces('只要不贪不站错队')).toEqual(['贪+', '站错队+']);
  });

  it('reads chat words that only point at a thing or a time as no topic', () => {
    expect(pieces('指挥棒这是啥玩意儿')).toEqual(['指挥棒+']);
    expect(pieces('改革的时候看热闹')).toEqual(['改革+', '看热闹+']);
  });

  it('reads the adverbs of how sure or how far, and the words pointing at a time already spoken of, as no topic', () => {
    expect(pieces('踩了底线的干部肯定得下吧')).toEqual(['踩?', '底线+', '干部+']);
    expect(pieces('难道根本不考核')).toEqual(['考核+']);
    expect(pieces('此次发布会')).toEqual(['发布会+']);
    expect(pieces('黄强那天说的')).toEqual(['黄强+']);
  });

  it('reads the verbs that ask to be told or listed, and a count after 哪, as no topic', () => {
    expect(pieces('五个更 求列一下')).toEqual(['五个更+']);
    expect(pieces('展开说说容错清单')).toEqual(['容错清单+']);
    expect(pieces('说人话 三个区分开来通俗点讲是啥')).toEqual(['三个区分开来+']);
  });

  it('reads a word typed with an aspect or a measure word inside it as the word (出了错, 背了锅), never a numeral’s', () => {
    expect(pieces('干活出点错')).toEqual(['干活+', '出点错+']);
    expect(lexicon.lemma('出了错')).toBe('出错');
    expect(lexicon.terms('背了锅')).toEqual(lexicon.terms('背锅'));
    expect(lexicon.lemma('出了岔子')).toBe('出岔子');
    expect(lexicon.terms('一个是')).toEqual([]);
  });

  it('weighs a verb with its complement as a verb, not as what the question is about', () => {
    expect(isLightWord('混下去')).toBe(true);
    expect(isLightWord('动起来')).toBe(true);
    expect(isLightWord('起到')).toBe(true);
    expect(isLightWord('管用')).toBe(true);
    expect(isLightWord('红烧肉')).toBe(false);
    expect(isLightWord('晚上')).toBe(false);
  });
});

describe('chat questions answered, and what the article does not say refused', () => {
  const search = articleSearch();
  const top = (question: string): number | undefined => search.search(question)[0]?.paragraph;

  it('answers chat questions whose only other words are chat', () => {
    expect(top('不敢改革的gb会被咋处理')).toBe(4);
    expect(top('家人们谁懂啊，这个容错清单是啥')).toBe(15);
    expect(top('只要不贪不站错队，犯了错还能接着用吗')).toBe(6);
    expect(top('哈哈哈hhh 基层党建有啥新说法')).toBe(8);
  });

  it('reads the everyday words for the article’s ideas: a critical moment, standing aside, carrot and stick, fostering', () => {
    expect(top('节骨眼上敢扛事的干部能提拔吗')).toBe(4);
    expect(top('改革时能不能置身事外')).toBe(10);
    expect(top('在一旁看热闹的干部会怎样')).toBe(10);
    expect(top('高质量发展考核是奖惩并举吗')).toBe(5);
    expect(top('要营造什么样的新风')).toBe(14);
  });

  it('answers what asks for a list by its count (哪四条), how a cadre is as a person, and one who only gives orders', () => {
    expect(top('四条链子是哪四条')).toBe(7);
    expect(top('五个更都是哪五个 求列一下')).toBe(3);
    expect(top('组织部咋看干部平时的为人')).toBe(13);
    expect(top('干部要带头干还是光指挥')).toBe(10);
    expect(top('整个文章讲了啥 tldr')).toBe(0);
  });

  it('reads the Cantonese and the northern and south-western words of chat as the plain words they stand for', () => {
    expect(top('黄强喺开班式讲咗啲乜')).toBe(10);
    expect(top('吉林啲干部犯咗错仲可唔可以继续用')).toBe(6);
    expect(top('发布会几时开嘅')).toBe(2);
    expect(top('這篇文章嘅重點係乜')).toBe(0);
    expect(top('吉林省管幹部被調整咗幾多個')).toBe(9);
    expect(top('这三上三下到底咋回事 唠唠呗')).toBe(1);
    expect(top('这个文件晓得叫啥子名字不')).toBe(12);
  });

  it('reads Cantonese demonstratives and everyday verbs (呢篇, 嗰個, 揀, 而家) as the plain words they stand for', () => {
    expect(top('呢篇文章講咩')).toBe(0);
    expect(top('嗰個發布會係邊日開嘅')).toBe(2);
    expect(top('吉林省委點樣揀人')).toBe(1);
  });

  it('reads 文 alone, as chat shortens 文章, as the article itself', () => {
    expect(top('这篇文讲什么')).toBe(0);
    expect(top('这帖子说了啥')).toBe(0);
  });

  it('reads the emoji of the article’s pictures as their words, and who each spoke as no group to name at once', () => {
    expect(readPicturedEmoji('🦁带🐑 🚦 吃🍉')).toBe('狮子带羊 红绿灯 吃瓜');
    expect(top('黄书记说的🦁带🐑是啥意思')).toBe(11);
    expect(chineseFrameOf('发布会上都有谁讲话了').names).toBeUndefined();
    expect(chineseFrameOf('被调整的干部都有谁').names).toBe(true);
    expect(top('发布会上都有谁讲话了')).toBe(12);
  });

  it('reads "11个人" as eleven people, and "咋回事儿" as "咋回事"', () => {
    expect(top('那个11个人是咋回事儿')).toBe(9);
  });

  it('reads the plain words for the article’s ideas: failure, methods, schools and firms, a word not kept, support', () => {
    expect(top('干部冒险试新办法失败了会被追责吗')).toBe(15);
    expect(top('学校企业科研要一起搞吗')).toBe(7);
    expect([0, 4]).toContain(top('说话不算话的干部会被怎么样'));
    expect(top('被人诬陷了组织会帮忙说清楚吗')).toBe(15);
    expect(top('有多少个高级干部因为表现差被调了岗')).toBe(9);
    expect(search.search('有什么办法减肥')).toEqual([]);
    expect(search.search('高官一般住哪')).toEqual([]);
  });

  it('reads the everyday words for shrinking back, a show of words, rewards, big projects, rectifying and judging', () => {
    expect(top('遇到难事就往后缩的干部咋办')).toBe(4);
    expect([0, 4]).toContain(top('那种嘴上说得好听实际啥也不干的会被咋样'));
    expect(top('搞大工程糊弄上面的会被查吗')).toBe(14);
    expect([12, 14]).toContain(top('吉林干部作风这次要咋整顿'));
    expect(top('干部的业余生活组织也管？')).toBe(13);
    expect(top('怎么判断一个干部干得好不好')).toBe(13);
    expect(search.search('下班后去哪玩')).toEqual([]);
    expect(search.search('怎么判断西瓜熟没熟')).toEqual([]);
  });

  it('reads the slang of officialdom for the article’s ideas, and the same words of a game or a school as no question of it', () => {
    expect(top('这波是不是要大换血了')).toBe(9);
    expect(top('干部不作为会被请喝茶吗')).toBe(15);
    expect(top('容错机制是给干部发免死金牌吗')).toBe(15);
    expect(top('组织部这是放大招了？')).toBe(12);
    expect(top('是谁在党建研究上发的文')).toBe(9);
    expect(search.search('英雄联盟大招怎么放')).toEqual([]);
    expect(search.search('重点大学有哪些')).toEqual([]);
    expect(search.search('考公务员是铁饭碗吗')).toEqual([]);
  });

  it('reads the idioms of chat for the article’s ideas, and a general word alone as no question of the article', () => {
    expect(top('干部踢皮球会被处理吗')).toBe(10);
    expect(top('只会唱高调的官会被撸吗')).toBe(0);
    expect(top('被冤枉了能洗白吗')).toBe(15);
    expect(top('资历浅能破格提拔吗')).toBe(13);
    expect(search.search('怎么学本事')).toEqual([]);
    expect(search.search('踢皮球有什么技巧')).toEqual([]);
  });

  it('reads a kind of thing said (狠话, 金句) as asking what was said, a language spoken as what the article never tells', () => {
    expect(top('黄强那天说了啥狠话')).toBe(10);
    expect(top('黄强说了啥金句')).toBe(10);
    expect(search.search('黄强讲了什么英语')).toEqual([]);
    expect(search.search('黄强说什么方言')).toEqual([]);
  });

  it('finds a thing whose name is asked by what describes it, and refuses the name of what the article does not name', () => {
    expect(top('组织部出的那个鼓励干部担当的文件全称是什么')).toBe(12);
    expect(search.search('澎湃新闻的老板叫啥名字')).toEqual([]);
  });

  it('weighs an unknown word beside two telling ideas of the article less, beside one as another topic', () => {
    expect(top('一把手调走了前面的事谁管')).toBe(14);
    expect(search.search('羊群效应是什么意思')).toEqual([]);
    expect(search.search('红绿灯是怎么设计的')).toEqual([]);
  });

  it('refuses who held a post before and what someone did before, but not what a predecessor left', () => {
    expect(chineseFrameOf('黄强的前任是谁').unknowable).toBe(true);
    expect(chineseFrameOf('wang qi 以前是干啥的').unknowable).toBe(true);
    expect(chineseFrameOf('前任留下的烂摊子谁来管').unknowable).toBe(false);
    expect(chineseFrameOf('王秋实之前在哪发表的文章').unknowable).toBe(false);
    expect(search.search('Wang Qi 以前是干啥的')).toEqual([]);
    expect(top('王秋实之前在哪发表的文章')).toBe(9);
  });

  it('refuses where someone was moved or sent, which the article never tells, but not how far a thing has gone', () => {
    expect(chineseFrameOf('被撸下来的干部调到哪了').unknowable).toBe(true);
    expect(chineseFrameOf('调整的干部都派去什么岗位').unknowable).toBe(true);
    expect(chineseFrameOf('干部调整调到哪一步了').unknowable).toBe(false);
    expect(search.search('被撸下来的干部调到哪了')).toEqual([]);
  });

  it('reads what will be done to someone as what the article’s measures say, not as what comes next', () => {
    expect(chineseFrameOf('形象工程以后会被怎么处理').unknowable).toBe(false);
    expect(chineseFrameOf('吉林以后会怎么发展').unknowable).toBe(true);
    expect(top('形象工程以后会被怎么处理')).toBe(14);
  });

  it('reads the role a named thing plays (起啥作用, 扮演什么角色) as asking what it is', () => {
    expect(chineseFrameOf('吉林发布起了什么作用').identity).toBe(true);
    expect(top('吉林发布在这里面起啥作用')).toBe(2);
    expect(top('澎湃新闻在这里扮演什么角色')).toBe(9);
  });

  it('reads “在什么时间” as asking when, and a group asked of only when the one asked for is it', () => {
    expect(chineseFrameOf('发布会是在什么时间举办的').wants).toBe('date');
    expect(chineseFrameOf('是谁透露的调整11名干部').group).toBeUndefined();
    expect(chineseFrameOf('那11名干部都是谁').group).toBe(11);
    expect(chineseFrameOf('调整11个干部这事最早是谁说出来的').group).toBeUndefined();
    expect(chineseFrameOf('被调整的11个干部是谁').group).toBe(11);
    expect(top('是谁透露的调整11名干部')).toBe(9);
  });
});
