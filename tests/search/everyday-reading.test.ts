import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/load.js';
import { readChat } from '../../src/search/chat.js';
import { readChineseChat } from '../../src/search/chinese/chat.js';
import { frameOf } from '../../src/search/frames.js';
import { GivenNames } from '../../src/search/given-names.js';
import { ordinalOf } from '../../src/search/ordinals.js';
import { articleSearch, createSearch } from '../../src/search/search.js';

const search = articleSearch();
const paragraphs = (query: string): number[] => search.search(query, { limit: 3 }).map((r) => r.paragraph);
const read = (query: string) => search.read(query, { limit: 3 });

describe('the tags and contractions of chat', () => {
  it('reads a yes-or-no question closed by “or nah” as the question', () => {
    expect(paragraphs('is seniority still a thing for promos or nah')[0]).toBe(13);
    expect(paragraphs('do they care about seniority for promotions or not?')[0]).toBe(13);
  });

  it('spells out “they’ll” and reads a “for X” that names the article’s own thing as asked', () => {
    expect(paragraphs('they’ll demote officials who do not deliver, for real?')).toContain(4);
  });
});

describe('a long question asking whether something is true', () => {
  it('asks of the clause after “is it true”, not of its backstory', () => {
    const query =
      'My cousin works in a county office up north and keeps complaining about his boss. Is it true they will demote officials who do not deliver?';
    expect([0, 4]).toContain(paragraphs(query)[0]);
  });

  it('still asks of the backstory when “is that true” ends the clause', () => {
    const query =
      'A friend told me the party chief said cadres must not act as middlemen or absentee landlords. Is that true?';
    expect(paragraphs(query)[0]).toBe(10);
  });
});

describe('the words that only shape a question', () => {
  it('reads two kinds of answer asked at once (“which issue and year”) as its form', () => {
    expect(paragraphs('which issue and year of Party Building Research had the article by Wang Qiushi')[0]).toBe(9);
  });

  it('reads “they keep mentioning” as saying only that it recurs', () => {
    expect([2, 3]).toContain(paragraphs('what is the fifth plenary session they keep mentioning')[0]);
  });

  it('reads a question word or an ordinal with a letter left out as that word', () => {
    expect(paragraphs('wich issue of Party Building Research was it')[0]).toBe(9);
    expect(paragraphs('what was the thrd plenary session about')[0]).toBe(10);
  });
});

describe('questions about the article itself, asked more ways', () => {
  it('gives those it quotes directly first', () => {
    const part = read('who is quoted directly in this article').parts[0]!;
    expect(part.kind).toBe('article');
    expect(part.passages[0]?.paragraph).toBe(10);
  });

  it('gives where the news first came from before who reported it', () => {
    expect(paragraphs('where did this story originally come from')[0]).toBe(2);
    expect(paragraphs('who reported this')[0]).toBe(9);
  });

  it('gives the lead and the passages that bring in each speaker for its parts', () => {
    expect(search.search('what are the main parts of this article', { limit: 5 }).map((r) => r.paragraph)).toEqual([
      1, 3, 9, 10, 12,
    ]);
  });
});

describe('everyday idioms of demotion', () => {
  it('reads “knocked down a rank” as demoted', () => {
    expect([4, 9]).toContain(paragraphs('what kind of officials get knocked down a rank')[0]);
  });
});

describe('a person inside an everyday phrase', () => {
  it('reads “how long they have been there” as “how long you have been there”', () => {
    expect(paragraphs('are promotions still about how long they have been there')[0]).toBe(13);
  });
});

describe('a slip in a word', () => {
  it('reaches all the word typed right reaches, its everyday senses too', () => {
    expect(paragraphs('is seniorty still what matters for a promtion')[0]).toBe(13);
  });
});

describe('a slip in a given name after its surname', () => {
  it('is the name the article gives after that surname (“Huang Feiyoo”, “Wang Qui”)', () => {
    expect(paragraphs('who is Huang Feiyoo')[0]).toBe(12);
    expect(paragraphs('wat did Wang Qui say about the reform goals')[0]).toBe(3);
  });

  it('is the nearer of two names sharing the surname, and leaves other words alone', () => {
    const given = new GivenNames(['Wang Qi', 'Wang Qiushi']);
    expect(given.spell('what did Wang Qishi disclose')).toBe('what did Wang Qiushi disclose');
    expect(given.spell('what did Wang Qui say')).toBe('what did Wang Qi say');
    expect(given.spell('Wang said what')).toBe('Wang said what');
  });

  it('is read wherever the surname stands, after one word or after two', () => {
    const given = new GivenNames(['Huang Feiyu', 'Wang Qiushi']);
    expect(given.spell('did Huang Feiyoo say anything')).toBe('did Huang Feiyu say anything');
    expect(given.spell('so what did wang qiushe say')).toBe('so what did wang Qiushi say');
    expect(paragraphs('did Huang Feiyoo say anything about party building')[0]).toBe(12);
  });
});

describe('an English word a slip away from one of the article’s', () => {
  it('is that word, not the article’s: “mayor” is not “major”, “estate” not “state”', () => {
    const unguarded = createSearch(loadCorpus(), { englishWords: false });
    for (const query of ["what are the mayor's tasks", 'is the estate tax going up']) {
      expect(unguarded.search(query).length, query).toBeGreaterThan(0);
      expect(paragraphs(query), query).toEqual([]);
    }
  });

  it('is still corrected when rare enough to be a slip (“minster”)', () => {
    expect(paragraphs('Wang Chi deputy minster what did he say the reform goal is')[0]).toBe(3);
  });
});

describe('a question asking whether a thing was done to anyone', () => {
  it('is answered first by the sentence that records it done (“had adjusted 11…”)', () => {
    expect(frameOf('did they actually demote anyone').done).toBe(true);
    expect(frameOf('has anyone been punished yet').done).toBe(true);
    expect(frameOf('who will they demote').done).toBeUndefined();
    expect(paragraphs('did they fire anyone')[0]).toBe(9);
  });

  it('reads “this time” as when it is asked, no topic', () => {
    expect(frameOf('did they actually demote anyone this time').shaping.has('time')).toBe(true);
    expect(
      paragraphs(
        'honestly every few years there is another crackdown on lazy bureaucrats and nothing changes. did they actually demote anyone this time or is it all talk again?',
      )[0],
    ).toBe(9);
  });
});

describe('a verb that only frames a judgement (“seen as”, “considered”)', () => {
  it('shapes the question and is not looked for', () => {
    expect(frameOf('are experts seen as important').shaping.has('seen')).toBe(true);
    expect(frameOf('is it considered to be a failure').shaping.has('considered')).toBe(true);
    expect(paragraphs("Are skilled workers and experts seen as important for the province's future?")[0]).toBe(7);
  });
});

describe('a question asking what sort of people meet a fate', () => {
  it('is answered first by the passage that describes them (“those who…”)', () => {
    expect(paragraphs('who is going to get promoted')[0]).toBe(4);
  });

  it('is not asked by a question that only speaks of such people (“officials who got demoted”)', () => {
    expect(frameOf('so who got demoted').describes).toBe(true);
    expect(frameOf('is there a number of officials who got demoted').describes).toBeUndefined();
  });
});

describe('words for something said, and for a count wanted', () => {
  it('read “the middlemen comment” as asking of what was said', () => {
    expect(paragraphs("what's the deal with that middlemen comment")[0]).toBe(10);
  });

  it('read “any hard numbers” as wanting a count, its words no topic', () => {
    const frame = frameOf('did they punish anyone, any hard numbers?');
    expect(frame.wants).toBe('number');
    expect([...frame.shaping]).toEqual(expect.arrayContaining(['hard', 'numbers']));
  });
});

describe('what a long question points back at', () => {
  it('is what its backstory quotes, when it quotes something', () => {
    const query =
      "For my seminar I keep reading about 'face projects' in Chinese media coverage. What does this piece say they will do to stop them?";
    expect(paragraphs(query)).toEqual([14]);
  });

  it('is not the clause’s own subject (“the projects it will crack down on”)', () => {
    const query =
      'I am writing a report for class and need to know whether Jilin named the kinds of showy projects it will crack down on.';
    expect(paragraphs(query)[0]).toBe(14);
  });
});

describe('“this piece”', () => {
  it('is the article, no topic to look for', () => {
    expect(paragraphs('what newspapers are credited in this piece')[0]).toBe(9);
    expect(paragraphs('which sources are credited in the piece')[0]).toBe(9);
  });
});

describe('more ways of asking about the article itself', () => {
  it.each([
    ["what's the headline say", 'headline'],
    ['which paper ran this story', 'source'],
    ['who posted this originally', 'source'],
    ['is this article long', 'length'],
  ])('reads “%s” as asking its %s', (query, topic) => {
    expect(read(query).parts[0]?.topic).toBe(topic);
  });

  it('still reads a question naming what the article reports as about that', () => {
    expect(read('who runs jilin fabu').parts[0]?.kind).not.toBe('article');
    expect(read('how long is the press conference').parts[0]?.kind).not.toBe('article');
  });
});

describe('chat shorthand for question words', () => {
  it('reads “whn” as “when”', () => {
    expect([2, 12]).toContain(paragraphs('whn was the press conference held')[0]);
  });
});

describe('officials called by a figure of speech', () => {
  it('reads the figure doing what the article writes only of others as the thing itself', () => {
    expect(paragraphs('do sheep really follow a leader')).toEqual([]);
    expect(paragraphs('how do the traffic lights guide work')[0]).toBe(5);
    expect(paragraphs('do lions lead sheep')[0]).toBe(11);
  });

  it('reads “call officials lions” as the article’s lions, not real ones', () => {
    expect(paragraphs('lol do they really call officials lions')[0]).toBe(11);
  });
});

describe('yet more ways of asking about the article itself', () => {
  it.each([
    ["what's this article about, in plain english", 'summary'],
    ['whose views does it report', 'people'],
    ['what year is this from', 'when'],
    ['is this about all of china or one province', 'place'],
    ['is this a national policy or just jilin', 'place'],
    ['are these rules national or local', 'place'],
    ["what's the article's conclusion", 'summary'],
    ['sum it up in a few words', 'summary'],
    ['who is speaking in this article', 'people'],
  ])('reads “%s” as asking its %s', (query, topic) => {
    expect(read(query).parts[0]?.topic).toBe(topic);
  });
});

describe('more of chat’s idioms', () => {
  it('drops a drawn-out interjection (“sooo”) and reads “the boot”, “party sec”, “lie about others”', () => {
    expect(paragraphs("sooo what's the baton thing")[0]).toBe(5);
    expect(paragraphs('how many cadres got the boot')[0]).toBe(9);
    expect(paragraphs("yo who's the jilin party sec")[0]).toBe(10);
    expect(paragraphs('anything about ppl who lie abt others?')[0]).toBe(15);
  });
});

describe('everyday words for what the article names in its own', () => {
  it('reads “to impress” as its showy projects, “in the community” as social performance', () => {
    expect(paragraphs('are projects made just to impress punished')[0]).toBe(14);
    expect(paragraphs('are cadres judged on how they act in the community')[0]).toBe(13);
  });

  it('reads “what kind of behaviour” as asking what sort of people, as “what kind of officials” is', () => {
    expect(frameOf('what kind of behaviour gets an official demoted').describes).toBe(true);
  });
});

describe('a word with no topic, two letters swapped', () => {
  it('is nothing to look for (“hte”, “waht”)', () => {
    expect(paragraphs('waht is hte implementation opinions')[0]).toBe(12);
  });
});

describe('a question about what the article does not say of its source', () => {
  it('is told so, whether the paper is “state-owned” or “state-run”', () => {
    for (const query of ['is The Paper a state-owned outlet', 'is The Paper state-run']) {
      expect(read(query).parts[0]?.kind, query).toBe('unsaid');
    }
  });
});

describe('a time counted from now (“last year”)', () => {
  it('names no topic of its own', () => {
    const frame = frameOf('who won the champions league last year');
    expect([...frame.shaping]).toEqual(expect.arrayContaining(['last', 'year']));
    expect(paragraphs('what did wang qiushi publish last year')[0]).toBe(9);
  });
});

describe('words that name what every object has', () => {
  // A table looked up by a word of the question answers only with its own entries.
  it('reads "constructor" or "toString" as the words they are, not as shorthand or ordinals', () => {
    expect(readChat('who is the constructor of the toString')).toBe('who is the constructor of the toString');
    expect(readChineseChat('constructor是什么 tostring')).toBe('constructor是什么 tostring');
    expect(ordinalOf('constructor')).toBeUndefined();
    expect(ordinalOf('fourth')).toBe(4);
  });
});
