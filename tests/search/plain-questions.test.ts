import { describe, expect, it } from 'vitest';
import { readChat } from '../../src/search/chat.js';
import { frameOf } from '../../src/search/frames.js';
import { splitQuestions } from '../../src/search/parts.js';
import { articleSearch } from '../../src/search/search.js';

const search = articleSearch();
const top = (query: string): number | undefined => search.search(query)[0]?.paragraph;

describe('chat tags that ask nothing more', () => {
  it('drops a tag asking to be agreed with, after three words or more', () => {
    expect(readChat('its not abt roads right')).toBe('its not about roads');
    expect(readChat('fake complaints abt u right? do they say')).toBe('fake complaints about you? do they say');
    expect(readChat('is that right')).toBe('is that right');
  });

  it('closes a question on "or wat" as on "or what", and reads "em" as "them"', () => {
    expect(readChat('do they swap out the top guy every so often or wat')).toBe(
      'do they swap out the top guy every so often',
    );
    expect(readChat('wat happens to em')).toBe('what happens to them');
  });
});

describe('"when" that sets a condition', () => {
  it.each([
    'what happens when a leader leaves',
    'when smth goes wrong do they just blame everybody',
    'is there a rule of thumb for when an official moves up',
  ])('asks no time in “%s”', (question) => {
    expect(frameOf(question).wants).toBeUndefined();
  });

  it.each(['when was the seminar', 'when the seminar opened', 'I would like to know when the seminar opened'])(
    'asks a time in “%s”',
    (question) => {
      expect(frameOf(question).wants).toBe('date');
    },
  );

  it('reads a sentence told in a time as backstory, not as a question', () => {
    const [part, ...more] = splitQuestions(
      'When I interned at a city bureau, promotions went by years served. Is Jilin changing that?',
    );
    expect(more).toEqual([]);
    expect(part?.text).toBe('Is Jilin changing that?');
    expect(part?.context).toContain('When I interned');
  });

  it('keeps a second "when" clause on the question it stood in', () => {
    const parts = splitQuestions('Is there a rule for when an official moves up and when they move down?');
    expect(parts).toHaveLength(1);
    expect(splitQuestions('who is Wang Qi and when was the seminar')).toHaveLength(2);
  });
});

describe('questions in everyday words', () => {
  it.each([
    ['when smth goes wrong do they just blame everybody or only the right person', 15],
    ['What happens when one leader replaces another in the middle of an unfinished job?', 14],
    ['who was the deputy person talking at the press conf', 3],
    ['does the article mention xi jinping anywhere', 10],
  ])('reaches “%s” (¶%i)', (question, paragraph) => {
    expect(top(question)).toBe(paragraph);
  });

  it('answers who gets fired by the sort of officials, before the one case of them (¶9)', () => {
    expect([0, 4]).toContain(top('who gets fired according to this lol'));
    expect([0, 4]).toContain(top('What kind of officials will be removed from their posts in Jilin?'));
  });
});

describe('refusing what the article never tells of anyone’s post', () => {
  it.each([
    "who was wang qi's predecessor as deputy minister",
    'when did wang qiushi become organization minister',
    "who was obama's predecessor",
  ])('gives no passage for “%s”', (question) => {
    expect(search.search(question)).toEqual([]);
  });

  it('still answers what newcomers do with their predecessor’s work', () => {
    expect(top("new boss cleaning up the predecessor's mess")).toBe(14);
  });
});

describe('refusing what only shares an everyday word with the asks', () => {
  it.each([
    'who holds the world chess title',
    'how do ordinary people file taxes',
    'what is the most valuable asset in bitcoin',
    'how do I swap out a car battery',
    'can I get a second chance on my driving test',
    'how do i spot fake reviews on amazon',
    'what is a good credit score',
    'how long was the meeting',
  ])('gives no passage for “%s”', (question) => {
    expect(search.search(question)).toEqual([]);
  });
});

describe('the order of the article’s events', () => {
  it.each([
    'which came first, the seminar or the press conference',
    'was the seminar before the press conference',
    'was the press conference held after the seminar',
  ])('answers “%s” from where the events are dated', (question) => {
    const paragraphs = search.search(question).map((p) => p.paragraph);
    expect(paragraphs.length).toBeGreaterThan(0);
    expect(paragraphs.every((p) => [2, 10, 12].includes(p))).toBe(true);
  });

  it('gives no passage for the order of things the article never dates', () => {
    expect(search.search('which came first, the chicken or the egg')).toEqual([]);
  });
});
