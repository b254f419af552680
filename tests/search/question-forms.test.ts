import { describe, expect, it } from 'vitest';
import { readChat } from '../../src/search/chat.js';
import { frameOf } from '../../src/search/frames.js';
import { nthOfList } from '../../src/search/ordinals.js';
import { articleSearch } from '../../src/search/search.js';

const search = articleSearch();
const paragraphs = (query: string): number[] => search.search(query, { limit: 3 }).map((r) => r.paragraph);
const read = (query: string) => search.read(query, { limit: 3 });

describe('chat spellings of question words', () => {
  it('reads “wen” as “when” and “hw” as “how”', () => {
    expect(readChat('wen did they meet')).toBe('when did they meet');
    expect(readChat('hw r cadres judged')).toBe('how are cadres judged');
    expect([2, 12]).toContain(paragraphs('wen was the presser held')[0]);
  });
});

describe('whether the article brings something up', () => {
  it('reads “come up”, “show up”, “brought up” and “at all” as asking whether it is mentioned', () => {
    const frame = frameOf('does the lion line come up at all');
    expect(frame.mention).toBe(true);
    expect([...frame.shaping]).toEqual(expect.arrayContaining(['come', 'all']));
    expect(paragraphs('does wang qiushi show up in it at all')[0]).toBe(9);
    expect(paragraphs('is xi brought up anywhere')[0]).toBe(10);
  });

  it('still refuses what the article never brings up', () => {
    expect(paragraphs('does hotpot come up at all')).toEqual([]);
  });
});

describe('a count in a question of who', () => {
  it('is a group to name only when it counts people', () => {
    expect(frameOf('who set out the five goals').group).toBeUndefined();
    expect(frameOf('who are the 11 cadres').group).toBe(11);
    expect(frameOf('who were the 11?').group).toBe(11);
    expect(paragraphs('which official set out the five goals at the presser')[0]).toBe(3);
  });
});

describe('one item of a numbered list', () => {
  it('reads “the second of the five goals” as “the second goal”', () => {
    expect(nthOfList('what was the second of the five goals about')).toBe('what was the second goal about');
    expect(nthOfList('the last one of those measures')).toBe('the last measure');
    expect(paragraphs('tell me about the fourth of the five goals')[0]).toBe(7);
  });
});

describe('who they will promote or demote', () => {
  it('asks what sort of cadres, which the passage describing them answers', () => {
    expect(frameOf('who are they going to promote').describes).toBe(true);
    expect(frameOf('who will jilin demote').describes).toBe(true);
    expect(frameOf('who are they').describes).toBeUndefined();
    expect(paragraphs('who will they demote')[0]).toBe(4);
  });

  it('reads “what qualities”, “which traits” as asking the sort, not looking for the word', () => {
    expect(frameOf('which qualities get a cadre moved up').unlooked).toEqual(['qualities']);
    expect([4, 13]).toContain(paragraphs('what qualities help a cadre get promoted')[0]);
  });
});

describe('what the article never tells: who said a phrase first, how a thing works elsewhere', () => {
  it('refuses who first said or coined a phrase the article only uses', () => {
    expect(frameOf('who originally said that a lion can lead sheep').unknowable).toBe(true);
    expect(paragraphs('who coined “image projects”')).toEqual([]);
    expect(paragraphs('who said the lion pack line')[0]).toBe(11);
  });

  it('refuses how a thing works in a field the article has no word for', () => {
    expect(paragraphs('how does fault tolerance work in aircraft engines')).toEqual([]);
    expect(paragraphs('how does fault tolerance work in jilin')[0]).toBe(15);
  });
});

describe('a long question opening with who the asker is', () => {
  it('reads “As a teacher in another city, I’d like to know…” as the question after it', () => {
    const query =
      'As a teacher in another city, I would like to know what they mean by rotating top leaders, since our school has had one head forever.';
    expect(paragraphs(query)[0]).toBe(14);
  });

  it('reads a question with nothing of its own but “it” as asking of what the asker quoted', () => {
    const query =
      "My aunt keeps saying 'three ups and three downs' at dinner, which sounds like a workout. What is it actually referring to?";
    expect(paragraphs(query)[0]).toBe(1);
  });
});

describe('questions about the article itself', () => {
  it('reads whether the news is recent as asking when', () => {
    expect(read('is this recent?').parts[0]?.topic).toBe('when');
    expect(read('is this old news').parts[0]?.topic).toBe('when');
  });

  it('reads whether it holds for one province or every one as asking where', () => {
    expect(read('is this about one particular province or the entire country').parts[0]?.topic).toBe('place');
    expect(read('does this apply to every province').parts[0]?.topic).toBe('place');
  });
});

describe('what a thing named in passing holds', () => {
  it('is not said: “what is Xi Jinping Thought about” gets what the text does say of it, labelled apart', () => {
    const [part] = read('what is Xi Jinping Thought about, really?').parts;
    expect(part?.kind).toBe('unsaid');
    expect(part?.unsaid?.[0]?.paragraph).toBe(10);
    expect(paragraphs('is xi jinping mentioned')[0]).toBe(10);
  });

  it('is not said either when asked what such a thing is, though who someone is and a title asked for are', () => {
    expect(read('what is socialism with chinese characteristics').parts[0]?.kind).toBe('unsaid');
    expect(paragraphs('who is xi jinping')[0]).toBe(10);
    expect(paragraphs('what is the full title of the implementation opinions')[0]).toBe(12);
    expect(paragraphs('what is jilin fabu')[0]).toBe(2);
  });

  it('is answered where the text tells of it: the seminar, dated, and its speaker', () => {
    expect(paragraphs('what was the seminar about')[0]).toBe(10);
  });
});

describe('a question of what came before, in lowercase', () => {
  it('is not taken for one asking who held a post before someone', () => {
    expect(frameOf('can cadres who were disciplined before get promoted again').unknowable).toBe(false);
    expect(frameOf('who was the minister before wang qiushi').unknowable).toBe(true);
    expect(paragraphs('can officials who were disciplined before get used again')[0]).toBe(15);
  });
});

describe('whether they care about something', () => {
  it('asks what the text says of it, not of ¶15’s care of cadres', () => {
    expect(frameOf('does jilin even care about seniority').unlooked).toEqual(['care']);
    expect([0, 4]).toContain(paragraphs('do they care about officials who are all talk and never deliver')[0]);
  });

  it('reads playing it safe as shying away', () => {
    expect(paragraphs('what happens to cadres who play it safe')).toContain(4);
  });
});

describe('a slip in the words that point at the article itself', () => {
  it('still asks about the article: “artcle”, “hedline”, “auther”, “publised”', () => {
    expect(read('wat is the aritcle abt').parts[0]?.topic).toBe('summary');
    expect(read('whats the hedline').parts[0]?.topic).toBe('headline');
    expect(read('who is the auther').parts[0]?.topic).toBe('source');
    expect(read('when was it publised').parts[0]?.topic).toBe('when');
  });
});

describe('an article term asked in a field of knowledge', () => {
  it('is refused: the words mean something else there', () => {
    expect(paragraphs('what is the capital chain in finance')).toEqual([]);
    expect(paragraphs('what does bottom line mean in accounting')).toEqual([]);
    expect(paragraphs('what is the capital chain')[0]).toBe(7);
  });
});

describe('words that only point or stress', () => {
  it('reads “all this”, “all of that” as the pronoun and “actual” as stress, not as topics', () => {
    expect([...frameOf('when was the press conference where all this got announced').shaping]).toContain('all');
    expect(paragraphs('when was the press conference where all this got announced')[0]).toBe(2);
    expect(paragraphs('what is Huang Qiang’s actual job')[0]).toBe(10);
  });
});

describe('what the asker wants done for themselves', () => {
  it('refuses “is there a way to…” as advice, as it does “how do I…”', () => {
    expect(frameOf('is there a way to fix it without taking it apart').advice).toBe(true);
    expect(frameOf('any way to get the stains out').advice).toBe(true);
    expect(
      paragraphs(
        'My keyboard got coffee on it this morning. Is there a way to fix it without taking the whole thing apart?',
      ),
    ).toEqual([]);
  });
});
