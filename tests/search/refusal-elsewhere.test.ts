import { describe, expect, it } from 'vitest';
import { articleSearch } from '../../src/search/search.js';

const search = articleSearch();
const top = (query: string): number | undefined => search.search(query)[0]?.paragraph;
const kinds = (query: string): string[] => search.read(query).parts.map((p) => p.kind);

describe('refusing questions about somewhere else, typed in lowercase', () => {
  it('reads a lowercase place or people as the subject asked about, not the article’s province', () => {
    expect(search.search('how does guangdong province select its officials')).toEqual([]);
    expect(search.search('how does the us federal government evaluate employee performance')).toEqual([]);
    expect(search.search('what does grassroots organizing mean in american politics')).toEqual([]);
    expect(search.search('do other provinces do this too')).toEqual([]);
    expect(search.search('what is the role of grassroots organizations in indian villages')).toEqual([]);
    expect(search.search('how many people work in the organization department nationwide')).toEqual([]);
    expect(top('how does jilin province select its officials')).toBeDefined();
    expect(search.search('what is the meaning of red line in football')).toEqual([]);
    expect(search.search('how are party secretaries chosen in china')).toEqual([]);
  });

  it('still answers a question that offers another place only as the answer it doubts', () => {
    expect(top('is this article about jilin or some other province')).toBe(0);
  });
});

describe('refusing general knowledge asked in the article’s words', () => {
  it('reads “real lions” as the animals, not the secretary’s figure', () => {
    expect(search.search('how do real lions hunt in a pack')).toEqual([]);
    expect(top('what is a lion pack')).toBe(11);
  });

  it('refuses who made something first, or its history', () => {
    expect(search.search('who invented traffic lights')).toEqual([]);
    expect(search.search('what is the history of the wechat app')).toEqual([]);
  });

  it('reads the figure doing what the article never speaks of as the thing itself', () => {
    expect(search.search('how do sheep behave in a flock')).toEqual([]);
    expect(top('how does the lion pack idea apply to officials')).toBe(11);
    expect(top('how do the traffic lights guide work')).toBe(5);
  });

  it('refuses what a kind is, named in words the article holds only in part', () => {
    expect(search.search('what is a supply chain')).toEqual([]);
    expect(search.search('what is a supply chain in simple words')).toEqual([]);
    expect(top('what is a talent chain')).toBe(7);
  });

  it('refuses the figure doing, in a common word, what only the thing itself does', () => {
    expect(search.search('how do traffic lights actually know when to change?')).toEqual([]);
    expect(search.search('how do lions know when to attack')).toEqual([]);
    expect(top('what do the traffic lights mean')).toBe(5);
  });

  it('reads a question that opens somewhere the article never goes as asked there', () => {
    const question =
      'The article talks about fault tolerance. In software engineering, how do fault-tolerant systems work?';
    expect(search.search(question)).toEqual([]);
    expect(top('In simple terms, what happens to cadres who make honest mistakes?')).toBeDefined();
  });

  it('compares two things only where the text holds each in its own words', () => {
    expect(search.search('what is the difference between an industry chain and a supply chain')).toEqual([]);
    expect(top("what's the difference between the talent chain and the industry chain")).toBe(7);
  });

  it('says what the text names, asked what a kind of thing is in general', () => {
    const [part] = search.read('what is a political consultative conference').parts;
    expect(part?.kind).toBe('unsaid');
    expect(part?.unsaid?.[0]?.paragraph).toBe(10);
    expect(kinds('Who is Huang Feiyu, and what does an Organization Department actually do in general?')).toEqual([
      'passages',
      'unsaid',
    ]);
  });

  it('says what the text names, asked what a thing that never speaks in it does', () => {
    expect(kinds('what does the wechat app do')).toEqual(['unsaid']);
    expect(top('what does the organization department do')).toBe(1);
  });

  it('looks for names written as one thing as the question writes them', () => {
    const [part] = search.read('what does the organization department of the cpc central committee do').parts;
    expect(part?.kind).toBe('unsaid');
    expect(top('who is the Minister of Organization of the Jilin Provincial Party Committee')).toBe(9);
  });
});

describe('refusing what the text says of none of the kind, or at no time', () => {
  it('answers what any one of a kind does only from a passage that writes of the kind itself', () => {
    expect(search.search('what does a middleman do in business')).toEqual([]);
    expect(search.search('what does a capital chain break mean for chinese property developers')).toEqual([]);
    expect(top("what's a 'combination punch' in this context")).toBe(12);
    expect(search.search('what does a deputy minister do')).toEqual([]);
    expect(top('what does Huang Feiyu do')).toBe(12);
  });

  it('dates only the events the text gives a date for, saying what it names of the others', () => {
    const [part] = search.read('on what date did the Third Plenary Session of the 20th Central Committee open').parts;
    expect(part?.kind).toBe('unsaid');
    expect(top('On what date did the seminar for leading cadres open?')).toBe(10);
    expect(top('when was the press conference in Jilin')).toBe(2);
  });
});

describe('refusing what a long or double question really asks', () => {
  it('never lets the backstory stand in for what the question itself asks', () => {
    const message = 'The article quotes the secretary on sheep. How much wool does a sheep produce per year?';
    expect(search.search(message)).toEqual([]);
  });

  it('reads “that session” as the session the backstory names, asked what the text does not say of it', () => {
    const [part] = search.read(
      'This mentions the Third Plenary Session of the 20th Central Committee but just names it and moves on. What were the main decisions of that session overall?',
    ).parts;
    expect(part?.kind).toBe('unsaid');
    expect(part?.unsaid?.[0]?.name).toBe('the Third Plenary Session of the 20th Central Committee');
  });

  it('reads what the asker would need as their own affair', () => {
    expect(search.search('what visa would I need to work in jilin')).toEqual([]);
  });

  it('reads what the asker calls unrelated as not about the article, unless it names the article’s own', () => {
    const message =
      'I read the bit about traffic lights. Unrelated, but how do traffic lights work and who invented them?';
    expect(search.search(message)).toEqual([]);
    expect(top('Saw this shared on Weibo. Unrelated, but who is Huang Qiang?')).toBe(10);
    const changing =
      'Read the part about talent chains. Totally different topic, but what languages are in demand now?';
    expect(search.search(changing)).toEqual([]);
  });

  it('reads “it” after a question the article does not hold as asking more of that', () => {
    expect(kinds('how does the civil service exam work and how many people take it every year')).toEqual([
      'not-covered',
      'not-covered',
    ]);
    expect(kinds('what is the lion pack and who said it')[0]).toBe('passages');
  });
});
