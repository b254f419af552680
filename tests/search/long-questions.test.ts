import { describe, expect, it } from 'vitest';
import { splitQuestions } from '../../src/search/parts.js';
import { articleSearch } from '../../src/search/search.js';

const search = articleSearch();
const paragraphs = (query: string): number[] => search.search(query, { limit: 3 }).map((r) => r.paragraph);
const asked = (message: string): string[] => splitQuestions(message).map((p) => p.text);

describe('a long question read for its own words', () => {
  it('asks with “I’d like to know” though no sentence ends in a question mark', () => {
    const message =
      "I'd like to know when the press conference was held. I'm putting together a reading list for my study group.";
    expect(asked(message)).toEqual(['when the press conference was held.']);
    expect(paragraphs(message)[0]).toBe(2);
  });

  it('leaves the reason given after the question to its backstory', () => {
    const message =
      'How many cadres were adjusted for mediocre achievements, because nobody I know believes there were any?';
    expect(asked(message)).toEqual(['How many cadres were adjusted for mediocre achievements']);
    expect(splitQuestions(message)[0]!.context).toContain('because nobody');
    expect(paragraphs(message)[0]).toBe(9);
  });

  it('leaves a courtesy after the question to its backstory', () => {
    expect(asked('Who spoke about the lion pack, if anyone knows?')).toEqual(['Who spoke about the lion pack']);
  });

  it('reads what is granted before “but” as the scene of the question after it', () => {
    const message = "The lion speech was fun, fine, but what are the 'two roles'?";
    expect(splitQuestions(message)).toEqual([
      { text: "what are the 'two roles'?", context: 'The lion speech was fun, fine' },
    ]);
    expect(paragraphs(message)[0]).toBe(8);
  });

  it('still reads two questions joined by “but” apart', () => {
    expect(asked('who is Wang Qi but who is Huang Qiang')).toHaveLength(2);
  });

  it('reads a long sentence that opens with a question and joins another as two questions', () => {
    expect(
      asked('does the article say anything about vanity projects, and do you know any good books on chinese politics?'),
    ).toHaveLength(2);
    expect(
      paragraphs(
        'does the article say anything about vanity projects, and do you know any good books on chinese politics?',
      )[0],
    ).toBe(14);
  });

  it('reads “such cases” as the cases its backstory tells', () => {
    const message =
      'A neighbour once accused my father, a village official, of corruption out of spite, and it took years to clear his name. Does the Jilin plan say anything about such cases?';
    expect(paragraphs(message)[0]).toBe(15);
    expect(
      paragraphs('My cousin got a parking ticket unfairly last week. Does the article say anything about such cases?'),
    ).toEqual([]);
  });

  it('reads “he” as the person its backstory named', () => {
    const reading = search.read('Wang Qi spoke at the conference, sure, but how old is he?');
    expect(reading.parts.map((p) => p.kind)).toEqual(['unsaid']);
  });

  it('reads the clause that sets the scene before the question as backstory', () => {
    const message = 'Since the article is about promotions, how should I ask my manager for a raise?';
    expect(asked(message)).toEqual(['how should I ask my manager for a raise?']);
    expect(paragraphs(message)).toEqual([]);
  });

  it('reads “what is this ‘X’” as asking of X, not of its backstory', () => {
    expect(paragraphs("My friend sent me the piece. What's this 'two coverages' thing?")[0]).toBe(8);
  });
});

describe('a long question that points back at its backstory', () => {
  it('reads a question asked in a reported sentence without its teller or the asker’s word after it', () => {
    const message =
      "My dad asked me who held the press conference on November 21 and I couldn't tell him. Do you know?";
    expect(asked(message)).toEqual(['who held the press conference on November 21']);
    expect(paragraphs(message)[0]).toBe(2);
  });

  it('reads a question with nothing of its own as asking what the sentence before it named', () => {
    const message =
      'As someone who follows this, I wonder if anything changes. They say they will check how cadres behave in society. What does that even mean?';
    expect(asked(message)).toEqual(['They say they will check how cadres behave in society.']);
    expect(paragraphs(message)[0]).toBe(13);
  });

  it('passes over the asker’s verdict to what it judges', () => {
    const message =
      'My cousin says there is a list of mistakes officials are allowed to make. That seems too good to be true. Does the text say that?';
    expect(asked(message)).toEqual(['My cousin says there is a list of mistakes officials are allowed to make.']);
    expect(
      paragraphs(
        'My cousin says there is a list of mistakes officials are allowed to make. That seems too good to be true. Is there really a list like that?',
      )[0],
    ).toBe(15);
  });

  it('sets aside the asker’s doubt of whoever told them, voiced after the question', () => {
    const told = 'My teacher said officials get rotated because of rules about top leaders switching posts.';
    const plain = paragraphs(`${told} Does this piece talk about that at all?`);
    expect(plain.length).toBeGreaterThan(0);
    expect(paragraphs(`${told} Does this piece talk about that at all, or is he mixing things up?`)).toEqual(plain);
    expect(paragraphs(`${told} Does this piece talk about that at all, or did she get it wrong?`)).toEqual(plain);
  });

  it('reads “in normal words”, “in plain English” as how to answer, so the question still points back', () => {
    const story = "They keep saying 'two coverages' and 'two roles' and my eyes glazed over.";
    expect(paragraphs(`${story} In normal words, which part of the plan is that from?`)[0]).toBe(8);
    expect(paragraphs(`${story} In plain English, which part of the plan is that from?`)[0]).toBe(8);
    expect(paragraphs('what is xi jinping thought in simple terms')).toEqual([]);
  });

  it('reads what the question points back at before it, not in the asker’s word after it', () => {
    const message =
      'They talk about breaking implicit steps. Does that mean officials can skip levels now? In my experience that never, ever happens.';
    expect(splitQuestions(message)[0]!.before).toBe('They talk about breaking implicit steps.'.length);
    expect(paragraphs(message)[0]).toBe(13);
  });

  it('reads “that bit”, “that part” as pointing back', () => {
    expect(
      paragraphs('A friend said officials should want to act and dare to act. What else was in that bit?')[0],
    ).toBe(14);
  });
});

describe('a long question about the article itself', () => {
  it('“where was this announced”: at the article’s events, whatever the backstory says', () => {
    expect(
      paragraphs('Where was this announced? A friend forwarded it to me with no link and I want the source.')[0],
    ).toBe(2);
  });
});

describe('a long question about what the article does not tell', () => {
  it('refuses the thing itself asked after the article’s figure set the asker thinking', () => {
    expect(paragraphs('That lion pack line got me thinking, do lions really roar at night?')).toEqual([]);
    expect(paragraphs('do lions roar at night')).toEqual([]);
  });

  it('refuses someone’s earlier career', () => {
    expect(paragraphs('Where did Wang Qi work before the Organization Department?')).toEqual([]);
  });

  it('refuses the names of those the article only counts', () => {
    expect(paragraphs('Did any named cadres get demoted?')).toEqual([]);
  });
});

describe('a month shortened beside its day', () => {
  it('reads as the month', () => {
    expect(paragraphs('what was held on Nov 13')[0]).toBe(10);
    expect(paragraphs('what happened on 21 nov.')[0]).toBe(2);
  });
});
