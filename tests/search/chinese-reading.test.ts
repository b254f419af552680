import { describe, expect, it } from 'vitest';
import { CorpusError } from '../../src/corpus/article.js';
import { buildChineseCorpus, type ChineseCorpusFiles } from '../../src/corpus/chinese.js';
import { loadCorpus, readCorpusFiles } from '../../src/corpus/load.js';
import { compileLexicon } from '../../src/search/chinese/lexicon.js';
import { foldQuestion } from '../../src/search/chinese/simplified.js';
import { articleSearch, createSearch } from '../../src/search/search.js';

const { article, chinese } = loadCorpus();
const lexicon = compileLexicon(chinese);

/** The question's pieces as `word+` (known), `word?` (unknown) and `[other]`, stopwords left out. */
function pieces(question: string): string[] {
  return lexicon.segmenter
    .segment(foldQuestion(question))
    .filter((p) => p.kind !== 'stopword' && p.text.trim() !== '')
    .map((p) => (p.kind === 'known' ? `${p.text}+` : p.kind === 'unknown' ? `${p.text}?` : `[${p.text.trim()}]`));
}

describe('reading Chinese into words', () => {
  it('finds the glossary’s words where the segmenter alone splits them (论资排辈, 容错纠错)', () => {
    expect(pieces('晋升还论资排辈吗')).toEqual(['晋升+', '论资排辈+']);
    expect(pieces('容错纠错清单是什么')).toEqual(['容错纠错+', '清单?']);
  });

  it('reads traditional characters as their simplified forms', () => {
    expect(pieces('幹部犯錯還能正常使用嗎')).toEqual(pieces('干部犯错还能正常使用吗'));
    expect(pieces('黃強在開班式上講了什麼')).toEqual(pieces('黄强在开班式上讲了什么'));
    expect(foldQuestion('「甩手掌櫃」')).toBe(' 甩手掌柜 ');
    // The particle 么 stays the particle, not Taiwan's 幺 (small); a question ending in it is simplified Chinese.
    expect(foldQuestion('还能用么')).toBe('还能用么');
    expect(pieces('干部犯错还能被重用么')).toEqual(pieces('干部犯错还能被重用吗'));
    expect(articleSearch().read('干部犯错还能被重用么').language).toBe('zh-CN');
  });

  it('hands the English of a mixed question to the English reader, the Chinese read around it', () => {
    expect(pieces('Huang Qiang 说的 lion pack 是啥')).toEqual(['[huang qiang]', '[lion pack]']);
    expect(pieces('吉林 adjust 了 11 个 cadres，为啥')).toEqual(['吉林+', '[adjust]', '[11]', '[cadres,]']);
  });

  it('reads 后 after a verb as the time of it, no topic: 犯错后 is 犯错', () => {
    expect(pieces('干部犯错后还能用吗')).toEqual(pieces('干部犯错还能用吗'));
  });

  it('takes stopwords only where word boundaries allow: 地 is not taken out of 地方', () => {
    expect(pieces('黄强以前在哪些地方工作过')).toEqual(['黄强+', '地方?', '工作+']);
  });

  it('keeps a run of characters the segmenter could not place as one unknown word', () => {
    expect(pieces('澎湃新闻靠谱吗')).toEqual(['澎湃新闻+', '靠谱?']);
  });

  it('drops spaces and punctuation between Chinese words, so a spaced or quoted term is still found', () => {
    expect(pieces('五个更 指什么')).toEqual(['五个更+']);
    expect(pieces('“两个覆盖”是什么')).toEqual(['两个覆盖+']);
  });
});

describe('the Chinese glossary as loaded', () => {
  const files = readCorpusFiles();
  const altered = (change: (glossary: { zh: string[]; en: string[]; kind: string }[]) => void): ChineseCorpusFiles => {
    const glossary = JSON.parse(files['zh-glossary.json']) as { zh: string[]; en: string[]; kind: string }[];
    change(glossary);
    return { ...files, 'zh-glossary.json': JSON.stringify(glossary) };
  };
  const failure = (altered: ChineseCorpusFiles): Error => {
    try {
      buildChineseCorpus(article, altered);
    } catch (error) {
      return error as Error;
    }
    throw new Error('buildChineseCorpus accepted the altered glossary');
  };

  it('refuses an English target the article does not contain, naming the entry and the target', () => {
    const error = failure(altered((g) => g.push({ zh: ['人口'], en: ['population'], kind: 'word' })));
    expect(error).toBeInstanceOf(CorpusError);
    expect(error.message).toMatch(
      /corpus\/zh-glossary\.json\[\d+\] \(人口\): “population” does not occur in the article/,
    );
  });

  it('refuses a target found only inside a longer word (“act” in “actions”)', () => {
    expect(failure(altered((g) => g.push({ zh: ['行事'], en: ['actio'], kind: 'word' }))).message).toContain(
      '“actio” does not occur in the article',
    );
  });

  it('refuses a Chinese word listed under two entries, and one with punctuation in it', () => {
    expect(failure(altered((g) => g.push({ zh: ['干部'], en: ['cadres'], kind: 'word' }))).message).toMatch(
      /“干部” is already in corpus\/zh-glossary\.json\[\d+\]/,
    );
    expect(
      failure(altered((g) => g.push({ zh: ['《党建》'], en: ['party building'], kind: 'word' }))).message,
    ).toContain('holds punctuation or spaces');
  });

  it('gives the names only where the characters are certain, each leading to the article’s own name', () => {
    const names = new Map(
      chinese.glossary.filter((e) => e.kind === 'name').flatMap((e) => e.zh.map((zh) => [zh, e.en])),
    );
    expect(names.get('黄强')).toEqual(['Huang Qiang']);
    expect(names.get('澎湃新闻')).toEqual(['The Paper']);
    expect(names.get('吉林发布')).toEqual(['Jilin Fabu']);
    expect(names.get('吉林省委组织部')).toContain('Organization Department of the Jilin Provincial Party Committee');
  });

  it('refuses an asked question pointing at a sentence the paragraph does not have', () => {
    const asks = JSON.parse(files['zh-asks.json']) as unknown[];
    const error = (() => {
      try {
        buildChineseCorpus(article, {
          ...files,
          'zh-asks.json': JSON.stringify([...asks, { paragraph: 11, sentence: 9, asks: ['狮子'] }]),
        });
      } catch (e) {
        return e as Error;
      }
      throw new Error('accepted');
    })();
    expect(error.message).toContain('¶11 has no sentence 9 (it has 2)');
  });
});

describe('answering and refusing in Chinese', () => {
  const search = articleSearch();
  const top = (question: string): number | undefined => search.search(question)[0]?.paragraph;

  it.each([
    ['干部考核怎么搞', [5, 13]],
    ['幹部考核怎麼搞', [5, 13]],
    ['能上能下是啥意思', [1, 4]],
    ['狮子带羊群是谁说的', [10, 11]],
    ['容错纠错 fault tolerance 怎么做', [15]],
  ])('answers “%s” with one of ¶%j', (question, paragraphs) => {
    expect(paragraphs).toContain(top(question));
  });

  it.each([
    '吉林省的人口',
    '黄强多大年纪',
    '其他省份的干部考核怎么搞',
    '下次全会什么时候开',
    '早上好',
    '😂',
    '😂😂😂',
    '辛苦了哈哈',
    '推荐个好看的电视剧',
  ])('gives no passage for “%s”', (question) => {
    expect(search.search(question)).toEqual([]);
  });

  it('reads Chinese small talk as small talk, in either script', () => {
    expect(search.read('你好！').smallTalk).toBe('greeting');
    expect(search.read('谢谢啦').smallTalk).toBe('thanks');
    expect(search.read('哈哈哈').smallTalk).toBe('laugh');
    expect(search.read('你能做什么').smallTalk).toBe('about-bot');
    expect(search.read('干部考核怎么搞').smallTalk).toBeUndefined();
  });

  it('answers a question about the article itself from its headline, lead or sources', () => {
    const [about] = search.read('這篇文章講什麼？').parts;
    expect(about?.kind).toBe('article');
    expect(about?.topic).toBe('summary');
    expect(search.read('谁报道的').parts[0]?.topic).toBe('source');
    expect(search.read('这次发布会谁主持的').parts[0]?.kind).not.toBe('article');
  });

  it('answers where the news first came from, or from which outlet of that kind, with the account that relayed it', () => {
    expect(search.read('这条消息的原始出处是哪').parts[0]?.passages[0]?.paragraph).toBe(2);
    expect(search.read('出处是哪个公众号来着').parts[0]?.passages[0]?.paragraph).toBe(2);
    expect(search.read('谁报道的').parts[0]?.passages[0]?.paragraph).toBe(9);
  });

  it('says the article does not say what is asked of a thing it names, and what it does say of it', () => {
    const [part] = search.read('黄强多大年纪').parts;
    expect(part?.kind).toBe('unsaid');
    expect(part?.unsaid?.map((u) => u.name)).toEqual(['Huang Qiang']);
  });

  it('reads several questions in one message apart, “他” carrying the name before it', () => {
    const parts = search.read('黄强是谁？他说了什么？').parts;
    expect(parts.map((p) => p.text)).toEqual(['黄强是谁？', '他说了什么？']);
    expect(parts[0]?.passages[0]?.paragraph).toBe(10);
    // What he said: his words at the seminar (¶10) and the lion and the sheep (¶11).
    expect(parts[1]?.passages.map((p) => p.paragraph).sort()).toEqual([10, 11]);
  });

  it('quotes the article verbatim and highlights its own words for a Chinese question', () => {
    const [best] = search.search('“两个覆盖”是什么');
    expect(best?.paragraph).toBe(8);
    const text = article.paragraphs[8]!.text;
    expect(text).toContain(best!.excerpt);
    expect(best!.ranges.map(([start, end]) => best!.excerpt.slice(start, end))).toContain('two coverages');
  });
});

describe('reading what the glossary does not list', () => {
  const search = articleSearch();
  const top = (question: string): number | undefined => search.search(question)[0]?.paragraph;

  it('reads an everyday word nothing knows as the glossary’s words that hold it mean, only less surely', () => {
    const keys = (part: string): string[] => lexicon.held(part).map((a) => a.key);
    expect(keys('躲')).toContain(lexicon.terms('躲事')[0]?.key);
    expect(lexicon.held('躲').every((a) => a.weight < (lexicon.terms('躲事')[0]?.weight ?? 0))).toBe(true);
    // Held in words of too many ideas, it tells none; a metaphor's or a name's parts mean nothing apart.
    expect(keys('放')).toEqual([]);
    expect(keys('一群')).toEqual([]);
    expect(keys('吉')).toEqual([]);
    expect(top('遇到改革就躲着不碰的干部会咋样')).toBe(4);
    expect(top('只要不贪不腐，干部试错没事吧')).toBe(6);
    expect(top('狮子一般一群有几只')).toBeUndefined();
    // A guess helps the question's known words; alone it answers nothing.
    expect(search.search('真实的自己是什么样')).toEqual([]);
  });

  it('reads a name of the article’s people by its sounds, a syllable a character, homophones alike', () => {
    expect(top('王琦是谁')).toBe(3);
    expect(top('王琪是谁')).toBe(3);
    expect(top('汪琦是谁')).toBe(3);
    expect(top('王秋实是做什么的')).toBe(9);
    expect(top('黄飞宇介绍了什么')).toBe(12);
    expect(top('黄飞鱼是谁')).toBe(12);
    expect(top('黄强说了什么')).toBe(10);
    // The segmenter, not knowing the name, cuts 王秋|实在: the name is read apart all the same.
    expect(top('王秋实在党建研究上发表了什么文章')).toBe(9);
    // Written in the article's own pinyin inside a Chinese question.
    expect(top('Wang Qi 说了什么')).toBe(3);
    // A surname alone, or with a given name longer than any of theirs, names no one.
    expect(search.search('王是谁')).toEqual([]);
  });

  it('reads another person of the same surname as no one in the article, never one of its people', () => {
    // 王岐山 says wang qi shan, not Wang Qi (nor Wang Qiushi); 黄晓明 says huang xiao ming.
    for (const question of ['王岐山是谁', '王岐山说了什么', '黄晓明说了什么', '黄晓明是谁', '王岐山在吉林吗']) {
      expect(search.search(question)).toEqual([]);
      const names = search.read(question).parts.flatMap((p) => p.unsaid?.map((u) => u.name) ?? []);
      expect(names.filter((n) => /Wang|Huang/u.test(n))).toEqual([]);
    }
  });

  it('carries a name read by its sounds to the “他” of the next question', () => {
    const parts = search.read('王琦是谁？他说了什么？').parts;
    expect(parts[1]?.passages[0]?.paragraph).toBe(3);
  });

  it('reads “管不管” as “管”: the verb is what is asked', () => {
    expect(top('被人诬告了咋办，组织管不管')).toBe(15);
  });

  it('weighs unknown words standing together once, and one unknown character as little as an unknown English word', () => {
    expect(top('怎样防止问责泛化、简单化？')).toBe(15);
    expect([0, 4]).toContain(top('说一套做一套的干部会被撸掉吗'));
  });

  it('reads the kind of answer a question about a named thing wants, and “有什么关系”, as its form', () => {
    expect(top('黄强用了什么比喻')).toBe(11);
    expect(top('习近平新时代中国特色社会主义思想和研讨班有什么关系')).toBe(10);
    expect(top('省委常委兼组织部长是谁')).toBe(9);
    // Alone with a name, such a word is what is asked: the article says nothing of it.
    expect(search.read('黄强有什么爱好').parts[0]?.kind).toBe('unsaid');
    expect(search.search('吉林有哪些景点')).toEqual([]);
  });

  it('knows a plenary session by its usual short forms', () => {
    expect(top('省委五次全会提出了什么改革')).toBe(3);
    expect(top('五中全会提出了什么改革')).toBe(3);
  });

  it('turns a question to another province, country or a Discord server elsewhere', () => {
    expect(search.search('广东省的干部怎么考核')).toEqual([]);
    expect(search.search('美国的官员怎么提拔')).toEqual([]);
    expect(search.search('服务器的管理员怎么选')).toEqual([]);
  });
});

describe('warming the Chinese tables', () => {
  it('builds them ahead of the first Chinese question, which is then answered as it would be', () => {
    const cold = createSearch(loadCorpus());
    const warmed = createSearch(loadCorpus());
    warmed.warmChinese();
    for (const question of ['干部考核怎么搞', '黃強說了什麼', '你好']) {
      expect(warmed.read(question)).toEqual(cold.read(question));
    }
  });

  it('does nothing when Chinese is switched off', () => {
    const english = createSearch(loadCorpus(), { chinese: false });
    english.warmChinese();
    expect(english.index.foreignAsks()).toBeUndefined();
  });
});

describe('names written with their titles or split by the segmenter', () => {
  const search = articleSearch();
  const top = (question: string): number | undefined => search.search(question)[0]?.paragraph;

  it('reads a surname the segmenter left alone with the characters after it, when they say a name', () => {
    expect(top('王其是谁')).toBe(3);
    expect(search.search('王其山是谁')).toEqual([]);
  });

  it('reads a surname before a title as the one of theirs who bears both', () => {
    expect(top('王副部长讲了啥')).toBe(3);
    expect(top('王部长披露了什么')).toBe(9);
    expect(top('黄书记说了什么')).toBe(10);
    // The title's word alone ("书记": Secretary) names the one whose title holds it, at an event named too.
    expect(top('黄书记开班式上说了啥')).toBe(10);
    expect(search.read('黄书记多大了').parts[0]?.unsaid?.map((u) => u.name)).toEqual(['Huang Qiang']);
  });

  it('asks who someone is by “职位是什么” too', () => {
    expect(top('黄强的职位是什么')).toBe(10);
  });
});

describe('reading what a Chinese question only shapes', () => {
  const search = articleSearch();
  const top = (question: string): number | undefined => search.search(question)[0]?.paragraph;

  it('reads 没 closing a question as asking whether, and 这块 as no topic', () => {
    expect(top('人才这块有新政策没')).toBe(7);
    expect(top('基层组织建设有新要求没')).toBe(8);
  });

  it('reads what the Organization Department’s Deputy Minister set out as the Department’s', () => {
    expect(top('组织部在基层党建上提了哪些目标')).toBe(8);
  });

  it('reads a word nothing knows made of words for saying (比成, 比作) as asking what was said', () => {
    expect(top('省委书记把干部比成狮子是咋说的')).toBe(11);
    expect(search.search('李白把月亮比作什么')).toEqual([]);
  });

  it('reads a verb nothing knows in a question of when a named thing happened as only saying it happened', () => {
    expect(top('那个发布会哪天放的消息')).toBe(2);
    expect(search.search('王琦哪天生的')).toEqual([]);
    expect(search.search('黄强哪天去的北京')).toEqual([]);
    // Of the setting alone, or a thing someone's, the character asks what it is: 雪 is snow.
    expect(search.search('吉林的雪什么时候下')).toEqual([]);
    // Of a person, it asks what the article never dates.
    expect(search.search('王琦哪天走的')).toEqual([]);
  });

  it('reads an English word for a kind of thing said after the question word (讲的啥 topic) as asking what was said', () => {
    expect(top('黄强讲的啥 topic')).toBe(10);
    expect(search.search('黄强说了啥 language')).toEqual([]);
  });

  it('reads a word before “是啥” as the kind of answer wanted of a named thing, as one after “什么”', () => {
    expect(top('王秋实披露的数据是啥')).toBe(9);
    expect(search.search('黄强的星座是啥')).toEqual([]);
  });

  it('reads 哪几类 as asking which kinds, not how many', () => {
    expect([0, 4]).toContain(top('哪几类干部会被调整下来'));
  });

  it('reads an ordinal the article gives otherwise (第一场 of a series whose second it reports) as another', () => {
    expect(search.search('系列发布会第一场讲了什么')).toEqual([]);
    expect(top('系列发布会第二场讲了什么')).toBe(2);
  });
});
