import { describe, expect, it } from 'vitest';
import { articleSearch } from '../../src/search/search.js';

const search = articleSearch();
const top = (query: string): number | undefined => search.search(query)[0]?.paragraph;

describe('refusing what the article does not say of the things it names', () => {
  it('answers “how many” only where a count stands beside what is counted', () => {
    expect(top('how many cadres were adjusted')).toBe(9);
    expect(top('how many goals are there')).toBe(3);
    expect(top('how many types of situations must be distinguished')).toBe(15);
    // No word of the article for seats; party members and provinces it gives no count of.
    expect(search.search("how many seats does the Jilin people's congress have")).toEqual([]);
    expect(search.search('how many members does the chinese communist party have')).toEqual([]);
    expect(search.search('how many provinces does china have')).toEqual([]);
  });

  it('reads names written as one thing as that thing: the Central Committee’s department is not Jilin’s', () => {
    const [part] = search.read('who heads the Organization Department of the CCP Central Committee').parts;
    expect(part?.passages).toEqual([]);
    expect(part?.kind).toBe('unsaid');
    expect(top('who is the Minister of Organization of the Jilin Provincial Party Committee')).toBe(9);
  });

  it('refuses what is asked of an owner the article never writes of (“China’s GDP”)', () => {
    expect(search.search("what is China's GDP growth target for high-quality development this year")).toEqual([]);
    expect(top("what is Wang Qi's position")).toBe(3);
    // What is owned by those the question speaks of ("their area's") is theirs, not another's.
    expect(top("How will officials be judged on whether their area's economy grows in a healthy way?")).toBe(5);
  });

  it('refuses one word shared where two of the question’s own are nowhere in the article', () => {
    expect(search.search('how far away is the moon')).toEqual([]);
    expect(top('who shies away from reform')).toBe(4);
  });

  it('weighs a name the article does not know above the words it shares with the article', () => {
    expect(search.search("did Deng Xiaoping come up with 'seeking truth from facts'")).toEqual([]);
    expect(search.search('what does a deputy minister do in the US government')).toEqual([]);
    expect(top('what did Huang Qiang say about the lion pack')).toBe(11);
  });
});

describe('refusing what the article never gives anyone', () => {
  it.each([
    'whats a good way to recruit talent for my startup',
    'why does word put red lines under my words',
    'what industries is Jilin known for',
    'what are the best universities for education and technology in china',
  ])('gives no passage for “%s”', (query) => {
    expect(search.search(query)).toEqual([]);
  });

  it('still reads a long question whose backstory speaks of the asker’s own', () => {
    expect(
      top(
        'My uncle worked in local government for 30 years and always complained that promotions went by age and years served. Does this article say anything about changing that?',
      ),
    ).toBe(13);
  });
});

describe('refusing what the article gives of no one, in either language', () => {
  it.each([
    'where did Wang Qi go to university',
    'did Huang Qiang study abroad',
    'what is the weather in Jilin in November',
    'what are the names of the officials who were demoted',
    '王琦毕业于哪所大学',
    '被调整的干部叫什么名字',
    '吉林省人大有多少代表',
    '红绿灯是怎么工作的',
    "what is jilin's gdp",
    '吉林的GDP是多少',
  ])('gives no passage for “%s”', (query) => {
    expect(search.search(query)).toEqual([]);
  });

  it('still answers what it does say of the same things', () => {
    expect(top('有多少干部被调整')).toBe(9);
    expect(top('几个人被调整了')).toBe(9);
    expect(top('那个实施意见叫啥名字来着')).toBe(12);
    expect(top('省委书记叫什么名字')).toBe(10);
    expect(top('what did the guy at the press conference say about work style')).toBe(12);
  });
});

describe('refusing what the article names otherwise', () => {
  it('reads an ordinal the article gives the same thing otherwise as another thing', () => {
    expect(search.search('what was said at the first press conference')).toEqual([]);
    expect(top('what happened at the second press conference')).toBe(2);
  });

  it('reads the setting written inside a name as that name: the 12th Jilin Provincial Party Committee', () => {
    const reading = search.read('When was the 12th Jilin Provincial Party Committee elected?');
    expect(reading.parts[0]?.kind).toBe('unsaid');
    expect(reading.parts[0]?.unsaid?.[0]?.name).toBe(
      'the Fifth Plenary Session of the 12th Provincial Party Committee',
    );
  });

  it('reads a count before “of” as counting what stands before it, not the thing after', () => {
    expect(search.search('how many party organizations are there in jilin')).toEqual([]);
    expect(search.search('how many party members does jilin have')).toEqual([]);
    expect(top('how many cadres were adjusted')).toBe(9);
  });

  it('says what the text does say of the bodies ¶10 names, asked what it does not', () => {
    const reading = search.read('how are people’s congress deputies elected');
    expect(reading.parts[0]?.kind).toBe('unsaid');
    expect(reading.parts[0]?.unsaid?.[0]?.paragraph).toBe(10);
  });

  it('takes no false friend of a word for what is asked of a named thing: a governor is not a government', () => {
    const reading = search.read('who is the governor of jilin');
    expect(reading.parts[0]?.kind).toBe('unsaid');
    expect(top('who is the top official of jilin')).toBe(10);
  });

  it('reads a word that only names again the thing asked about as its name: is The Paper a reliable newspaper', () => {
    expect(search.read('is the paper a reliable newspaper').parts[0]?.kind).toBe('unsaid');
    expect(top('what did the newspaper say')).toBe(9);
  });

  it('reads “list all the officials” as asking for names the article does not give', () => {
    expect(search.search('list all the officials that were demoted')).toEqual([]);
  });

  it('reads “which posts did the 11 cadres hold” as asking each one’s post, which the article does not give', () => {
    expect(search.search('which posts did the 11 adjusted cadres hold')).toEqual([]);
    expect(top('what posts does wang qiushi hold')).toBe(9);
  });

  it('reads what a speaker “thinks” as what they said: asked of what they never spoke of, it says so', () => {
    expect(search.read('what does huang feiyu think about taiwan').parts[0]?.kind).toBe('unsaid');
    expect(top('what does huang feiyu think about work style')).toBe(12);
  });
});

describe('refusing what only shares words with the article', () => {
  it.each([
    'does Zhejiang also have fault tolerance lists for officials',
    'when did Huang Qiang become party secretary of Jilin',
    'is there a download link for the fault tolerance list',
    '容错纠错清单全文在哪能下载？',
  ])('gives no passage for “%s”', (query) => {
    expect(search.search(query)).toEqual([]);
  });

  it('still answers when and where the article does say, and what happens when', () => {
    expect(top('when did Huang Qiang say cadres should not be absentee landlords')).toBe(10);
    expect(top('when was the press conference held')).toBe(2);
    expect(top('What happens when the top leader of a leadership team is transferred?')).toBe(14);
    expect(top('does Jilin have fault tolerance lists for officials')).toBe(15);
  });
});

describe('reading a long question by what it points back at', () => {
  it('reads “who said it originally” as asked of what the backstory spoke of last', () => {
    expect(
      top(
        'Writing a term paper on Chinese local governance and I keep seeing the lion metaphor quoted on Weibo. Who said it originally, and at what event, if this covers it?',
      ),
    ).toBeOneOf([10, 11]);
  });

  it('sets aside the answer the asker fears, offered after the question', () => {
    expect(
      top(
        'Honestly I’m skeptical these campaigns ever remove anyone. Is there an actual number in here of officials who got demoted or moved, or is it all slogans?',
      ),
    ).toBe(9);
  });
});

describe('Chinese words that carry no topic', () => {
  it('reads the northern 儿, verbs of intending and words that only tie ideas as no topic', () => {
    expect(top('人才这块儿吉林打算咋弄，有啥新花样没')).toBe(7);
    expect(top('干部考核跟高质量发展怎么挂钩？')).toBe(5);
    expect(top('这次新闻发布会是在哪一天召开的，属于哪个系列的第几场？')).toBe(2);
  });
});
