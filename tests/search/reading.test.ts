import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/load.js';
import { articleSearch, createSearch } from '../../src/search/search.js';

const search = articleSearch();
const paragraphs = (query: string): number[] => search.search(query, { limit: 3 }).map((r) => r.paragraph);
const read = (query: string) => search.read(query, { limit: 3 });

describe('small talk', () => {
  it.each(['hi', 'hello', 'thanks bot', 'lol', 'good morning everyone', '👍', 'help', 'what can you do'])(
    'is read as small talk, with no passage: %s',
    (query) => {
      expect(read(query).smallTalk).toBeDefined();
      expect(search.search(query)).toEqual([]);
    },
  );

  it('is not a question that starts with a greeting', () => {
    expect(read('hello, who gets demoted?').smallTalk).toBeUndefined();
    expect(paragraphs('hello, who gets demoted?')[0]).toBe(4);
  });
});

describe('chat style', () => {
  it('reads shorthand and digits as the words they stand for', () => {
    expect(paragraphs('wat r the 5 goals')).toContain(3);
    expect(paragraphs('how many ppl got demoted lmao')[0]).toBe(9);
  });

  it('drops the interjection that opens a message', () => {
    expect(paragraphs('wait who is wang qi')[0]).toBe(3);
  });
});

describe('several questions in one message', () => {
  it('reads each part on its own: one answered, one refused', () => {
    const { parts } = read('who is Wang Qi and where can I get good pizza');
    expect(parts.map((p) => p.kind)).toEqual(['passages', 'not-covered']);
    expect(parts[0]!.passages[0]?.paragraph).toBe(3);
    expect(parts[1]!.passages).toEqual([]);
  });

  it('merges the parts’ passages, the first part’s best first', () => {
    expect(paragraphs('when was the press conference and what is a lion pack').slice(0, 2)).toEqual([2, 11]);
  });

  it('reads the same question twice as one', () => {
    expect(read('who gets demoted? who gets demoted?').parts).toHaveLength(1);
  });

  it('finds a long message’s question among its backstory', () => {
    const { parts } = read(
      'My uncle worked in local government for 30 years and always complained that promotions went by age and years served. Does this article say anything about changing that?',
    );
    expect(parts).toHaveLength(1);
    expect(parts[0]!.context).toContain('My uncle');
    expect(parts[0]!.passages[0]?.paragraph).toBe(13);
  });
});

describe('questions about the article itself', () => {
  it.each([
    ['what is this article about', 'summary', [0, 1]],
    ['tl;dr?', 'summary', [0, 1]],
    ["what's the headline", 'headline', [0]],
    ['who reported this', 'source', [9, 2]],
    ['when did all this happen', 'when', [2, 10]],
    ['which people are named in the article', 'people', [3, 9, 10]],
  ] as const)('answers “%s” (%s) from ¶%j', (query, topic, expected) => {
    const [part] = read(query).parts;
    expect(part?.kind).toBe('article');
    expect(part?.topic).toBe(topic);
    expect(paragraphs(query)).toEqual(expected);
  });

  it('leaves a question about something the article reports to the search', () => {
    expect(read('when was the press conference').parts[0]?.kind).toBe('passages');
    expect(paragraphs('when was the press conference')[0]).toBe(2);
  });
});

describe('what the article does not say', () => {
  it.each([
    ['where did Huang Feiyu go to university', 'Huang Feiyu', 12],
    ['how old is Huang Qiang', 'Huang Qiang', 10],
    ['is The Paper a reliable news source', 'The Paper', 9],
    ['what is Wang Qi’s salary', 'Wang Qi', 3],
  ])('“%s”: no passage, and what it does say of %s (¶%i)', (query, name, paragraph) => {
    expect(search.search(query)).toEqual([]);
    const [part] = read(query).parts;
    expect(part?.kind).toBe('unsaid');
    const said = part?.unsaid?.find((u) => u.name === name);
    expect(said?.paragraph).toBe(paragraph);
    expect(loadCorpus().article.paragraphs[paragraph]!.text).toContain(said!.excerpt);
  });

  it('“when is the next plenary session”: names both sessions the article speaks of', () => {
    const [part] = read('when is the next plenary session').parts;
    expect(part?.kind).toBe('unsaid');
    expect(part?.unsaid?.map((u) => u.paragraph).sort()).toEqual([10, 2]);
  });

  it('answers what the article does say of a named thing', () => {
    expect(paragraphs('what did Huang Qiang say about lions')[0]).toBe(11);
    expect(paragraphs('is xi jinping mentioned')[0]).toBe(10);
    expect(paragraphs('What position does Huang Feiyu hold?')[0]).toBe(12);
  });

  it('does not take words from someone the article never quotes', () => {
    expect(search.search('what did Xi Jinping say at the Third Plenary Session')).toEqual([]);
  });
});

describe('names the article does not know', () => {
  it.each(["what are Shanghai's rules for promoting officials", 'is Jilin University a good school'])(
    'turn a question elsewhere: %s',
    (query) => expect(search.search(query)).toEqual([]),
  );

  it('leave a mistyped name of the article’s alone', () => {
    expect(paragraphs('who is Wang Quishi')[0]).toBe(9);
  });
});

describe('a question in Chinese', () => {
  it('is read through the same pipeline, its language told', () => {
    expect(read('谁被降职').language).toBe('zh-CN');
    expect(read('誰被降職').language).toBe('zh-TW');
    expect(read('who gets demoted').language).toBe('en');
    expect(paragraphs('谁被降职')[0]).toBe(paragraphs('who gets demoted')[0]);
  });

  it('is not read as Chinese when Chinese is switched off', () => {
    const english = createSearch(loadCorpus(), { chinese: false });
    expect(english.search('谁被降职')).toEqual([]);
  });
});

describe('a word the article uses only in quotes', () => {
  it.each(['what is the capital of france', 'what do lions eat', 'the best hotpot chain in town'])(
    'asked alone in its everyday sense, is not the article’s: %s',
    (query) => expect(search.search(query)).toEqual([]),
  );

  it.each([
    ['what is the capital chain', 7],
    ['whats the lion thing abt', 11],
    ['who said the lion n sheep stuff', 11],
  ])('with its partner, or asked of who said it, is: %s', (query, paragraph) => {
    expect(paragraphs(query)[0]).toBe(paragraph);
  });
});

describe('Discord’s own things', () => {
  it.each(['what are the server rules', 'how do I ping the mods', 'which channel is this bot allowed in'])(
    'are not the article’s: %s',
    (query) => expect(search.search(query)).toEqual([]),
  );
});

describe('forms of question the article cannot answer', () => {
  it.each([
    'how do traffic lights work',
    'who was the party secretary of Jilin before Huang Qiang',
    'when is the next plenary session',
    'what time is it in jilin',
  ])('%s', (query) => expect(search.search(query)).toEqual([]));

  it('leaves how the article’s own measures work to it', () => {
    expect(paragraphs('how does the fault tolerance list work')[0]).toBe(15);
    expect(paragraphs('what are the traffic lights')[0]).toBe(5);
  });
});

describe('a short question that places itself where the article never goes', () => {
  it.each([
    'what is the red line in hockey',
    'how are officials promoted in the us',
    'what are the five more goals of shanghai',
  ])('%s', (query) => expect(search.search(query)).toEqual([]));

  it('is still answered where what it ends on is the article’s', () => {
    expect(paragraphs('what is the goal of the reform')[0]).toBe(3);
  });

  it('is still answered where the place is the article’s', () => {
    expect([4, 9]).toContain(paragraphs('what happens to lazy officials in jilin')[0]);
  });
});

describe('two of the article’s words typed as one', () => {
  it.each([
    ['what is a lionpack', 11],
    ['who is wangqi', 3],
  ])('are read apart: %s', (query, paragraph) => expect(paragraphs(query)[0]).toBe(paragraph));
});

describe('questions about the article itself, as chat asks them', () => {
  it.each([
    'who is this article about',
    'in a nutshell what are they saying',
    'what r they even talking about here',
    "explain this article like I'm five",
    "what is the article's main argument",
  ])('reads “%s” as about the article', (query) => {
    expect(read(query).parts[0]?.kind).toBe('article');
  });

  it('reads the question at the end of one long sentence of backstory, even one naming “this text”', () => {
    const query =
      "Not sure if this is the right place to ask, but since I'm researching talent policy, does this text mention anything about connecting talent with industry and innovation?";
    expect(paragraphs(query)[0]).toBe(7);
  });
});

describe('everyday phrasings', () => {
  it('reads “the big jobs” as the posts the capable are promoted to, as “the top jobs”', () => {
    expect(paragraphs('who gets the big jobs now')[0]).toBe(4);
    expect(paragraphs('who gets the top jobs')[0]).toBe(4);
  });

  it('reads a figure of the article’s speech said of officials as the figure', () => {
    expect(paragraphs('should officials stop being sheep')[0]).toBe(11);
    expect(paragraphs('are cadres told to be lions')[0]).toBe(11);
  });

  it('reads a word of a quoted term with the word the text sets beside the term: “five more” goals', () => {
    expect(
      paragraphs('My professor mentioned the reforms in class. What exactly are the five goals they listed?')[0],
    ).toBe(3);
  });

  it('reads a word the article prints outside quotes in another form as its own: “talent” (“talents” in ¶7)', () => {
    expect(paragraphs('is the party gonna care about talent more')[0]).toBe(7);
  });

  it('still reads the same word, asked of officials as a thing, in its everyday sense', () => {
    expect(search.search('how much capital do officials have')).toEqual([]);
  });

  it('asks about the sources when it asks what the piece cites, in the plural too', () => {
    expect(read('what sources does the piece cite').parts[0]?.topic).toBe('source');
    expect(read('which news outlets are cited').parts[0]?.topic).toBe('source');
  });
});

describe('a long question that points back at its backstory', () => {
  it('asks about the backstory: “does the article back that up”', () => {
    const query = 'My cousin says officials there get ahead only by seniority. Does the article back that up?';
    expect(paragraphs(query)[0]).toBe(13);
  });

  it('asks about the backstory: “is that still how it works”', () => {
    const query =
      'My dad always said you just had to wait your turn to get promoted. Is that still how it works in Jilin according to this?';
    expect(paragraphs(query)[0]).toBe(13);
  });

  it('but a pronoun opening a clause of its own points nowhere', () => {
    const query = 'Writing a brief on reform. What evaluation methods does Jilin say it will use for its officials?';
    expect([5, 13, 14]).toContain(paragraphs(query)[0]);
  });
});

describe('a short message that opens with the asker’s backstory', () => {
  it('reads the question after it, shorthand owning what follows: “ppl’s”', () => {
    const query = "i work in hr and im curious, how are they gonna judge ppl's performance";
    expect(read(query).parts[0]?.context).toBeTruthy();
    expect([5, 13]).toContain(paragraphs(query)[0]);
  });
});

describe('a slip that makes a word the text holds only by its stem', () => {
  it('is still corrected: “officals” is “officials”, not the “Office”', () => {
    // ¶1 speaks of “officials” and of no office.
    expect(search.highlight('officals', 1).length).toBeGreaterThan(0);
    expect(search.read('how are officals evaluated').parts[0]?.kind).toBe('passages');
  });
});

describe('a slip in a word that shapes the question', () => {
  it('is read as the word: “what is Wang Qi’s positon” asks who he is', () => {
    expect(paragraphs('what is Huang Feiyu’s positon')[0]).toBe(12);
  });

  it('but a word the article uses is meant as typed: “rules” is not “roles”', () => {
    expect(paragraphs('Which officials will be moved up the ladder, according to the new rules?')[0]).toBe(4);
  });
});

describe('the setting’s name inside an everyday phrase', () => {
  it('does not part it: “who runs the jilin party” asks who runs the party', () => {
    expect(paragraphs('who runs the jilin party rn')[0]).toBe(10);
  });
});

describe('what a question sets aside', () => {
  it('is not what it asks about: “besides Wang Qi, who spoke”', () => {
    expect(paragraphs('Besides Wang Qi, who spoke at the press conference?')[0]).toBe(12);
  });
});

describe('a second question opened by “and is”', () => {
  it('is read apart, whatever its subject', () => {
    const { parts } = read('who is huang qiang and is changchun cold in winter');
    expect(parts).toHaveLength(2);
    expect(parts[0]!.passages[0]?.paragraph).toBe(10);
    expect(parts[1]!.passages).toEqual([]);
  });
});

describe('a later question about what an earlier one asked', () => {
  it('is refused with it when the article does not know it: “…and does he report to Huang Qiang”', () => {
    const { parts } = read('who is the governor of jilin and does he report to huang qiang');
    expect(parts.map((p) => p.kind)).toEqual(['unsaid', 'not-covered']);
  });

  it('is still answered when the earlier one was: “who is Wang Qi and does he…”', () => {
    const { parts } = read('who is wang qi and does he work for the organization department');
    expect(parts.map((p) => p.kind)).toEqual(['passages', 'passages']);
  });

  it('is still answered when “it” is the article: “…and does it say anything about lions”', () => {
    expect(read('what is the capital of france and does it say anything about lions').parts[1]?.kind).toBe('passages');
  });
});
