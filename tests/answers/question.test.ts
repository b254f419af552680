import { describe, expect, it } from 'vitest';
import { fullParagraphButton } from '../../src/answers/paragraph.js';
import { answerQuestion } from '../../src/answers/question.js';
import { loadCorpus } from '../../src/corpus/load.js';
import { isProblem, type Answer, type Line, type Reply } from '../../src/replies/answer.js';
import { articleSearch } from '../../src/search/search.js';

const corpus = loadCorpus();
const context = { corpus, search: articleSearch(), language: 'en' } as const;

function answer(question: string): Answer {
  const reply: Reply = answerQuestion(question, context);
  if (isProblem(reply)) throw new Error(reply.problem);
  return reply;
}

const lines = (a: Answer): Line[] => a.sections.flatMap((s) => s.lines);
const quotes = (a: Answer) => lines(a).flatMap((l) => ('quote' in l ? [l.quote] : []));
const notes = (a: Answer): string =>
  lines(a)
    .flatMap((l) => ('note' in l ? [l.note] : []))
    .join('\n');
const cited = (a: Answer): string[] =>
  quotes(a).map((q) => `¶${q.citation.paragraph}${q.citation.sentence ? `.${q.citation.sentence}` : ''}`);

/** Every quoted line is the article's own words, where its citation says. */
function expectVerbatim(a: Answer): void {
  for (const q of quotes(a)) expect(corpus.article.paragraphs[q.citation.paragraph]!.text).toContain(q.text);
}

describe('a question about the article itself', () => {
  it('“what is this article about” quotes the headline and the lead', () => {
    const a = answer('what is this article about');
    expect(cited(a)).toEqual(['¶0', '¶1.1']);
    expect(a.intro).toBe('About the article itself:');
    expectVerbatim(a);
  });

  it('“who reported this” names The Paper and the WeChat account, each with its evidence', () => {
    const a = answer('who reported this');
    expect(cited(a)).toEqual(['¶9.1', '¶2.1']);
    expect(notes(a)).toContain('The Paper');
    expect(notes(a)).toContain('“Jilin Fabu”');
    expect(notes(a)).toContain('names no author');
  });

  it('“when did this happen” gives the dates as the text does: no year, and the one year it names for the journal', () => {
    const a = answer('when did all this happen');
    expect(cited(a)).toEqual(['¶2.1', '¶10.1']);
    expect(notes(a)).toContain('November 21');
    expect(notes(a)).toContain('November 13');
    expect(notes(a)).toContain('gives no year for these dates');
    expect(notes(a)).toContain('2024, dates an issue of “Party Building Research” (¶9)');
    expectVerbatim(a);
  });

  it('“who is mentioned” lists each person with the role the text gives', () => {
    const a = answer('who is mentioned in the article');
    expect(cited(a)).toEqual(['¶3.1', '¶9.1', '¶10.2', '¶12.1']);
    for (const name of ['Wang Qi', 'Wang Qiushi', 'Huang Qiang', 'Huang Feiyu']) expect(notes(a)).toContain(name);
  });

  it('“how long is it” counts the text: a headline and 15 paragraphs', () => {
    expect(notes(answer('how long is the article'))).toMatch(/A headline and 15 paragraphs \(¶1–¶15\), \d+ words/);
  });
});

describe('two questions in one message', () => {
  it('answers each on its own, in one reply: one quoted, one not in the article', () => {
    const a = answer('who is Wang Qi and where can I get good pizza');
    expect(a.intro).toBe('Your message asks 2 things; each is answered on its own.');
    const headings = a.sections.map((s) => s.heading).filter(Boolean);
    expect(headings).toEqual(['“who is Wang Qi”', '“where can I get good pizza”']);
    expect(cited(a)[0]).toBe('¶3.1');
    const pizza = a.sections.find((s) => s.heading === '“where can I get good pizza”')!;
    expect(pizza.lines).toEqual([{ note: expect.stringContaining('The article does not cover this.') as string }]);
  });
});

describe('a question the article does not answer about a thing it names', () => {
  it('says the article does not say, then, labelled as not the answer, what it does say of the thing', () => {
    const a = answer('where did Huang Feiyu go to university');
    expect(a.sections[0]!.lines).toEqual([{ note: 'The article does not say.' }]);
    expect(a.sections[1]!.heading).toBe('Not the answer — what the article does say of Huang Feiyu:');
    expect(cited(a)).toEqual(['¶12.1']);
    expect(quotes(a)[0]!.text).toBe(
      'a member of the Department Committee of the Organization Department of the Jilin Provincial Party Committee',
    );
    expectVerbatim(a);
  });

  it('never quotes a weak guess as the answer', () => {
    for (const question of ['how old is Huang Qiang', 'is The Paper a reliable news source']) {
      const a = answer(question);
      expect(
        a.sections[0]!.lines.every((l) => 'note' in l),
        question,
      ).toBe(true);
    }
  });
});

describe('small talk', () => {
  it.each(['hi', 'hello', 'thanks', 'lol', 'help', '👍'])(
    '“%s” gets the short guide, never “not in the article”',
    (q) => {
      const a = answer(q);
      expect(a.title).not.toMatch(/Not in the article/);
      expect(a.intro).toContain(corpus.source.headline.text);
      expect(notes(a)).toContain('who gets demoted?');
      expect(notes(a)).toContain('`/help`');
      expect(quotes(a)).toEqual([]);
    },
  );
});

describe('an ordinary question', () => {
  it('quotes the passages that answer, cited, with a button for each paragraph', () => {
    const a = answer('who gets demoted?');
    expect(cited(a)[0]).toMatch(/^¶4\.\d$/);
    expect(a.buttons?.[0]).toEqual(fullParagraphButton(4, 'en'));
    expectVerbatim(a);
  });

  it('refuses an empty question as a problem', () => {
    expect(isProblem(answerQuestion('  ', context))).toBe(true);
  });
});

describe('two things asked of the article at once', () => {
  it('“who reported this and when” gives its source, then its dates', () => {
    const a = answer('who reported this and when');
    expect(cited(a)).toEqual(['¶9.1', '¶2.1', '¶2.1', '¶10.1']);
    expect(notes(a)).toContain('It is a report by The Paper');
    expect(notes(a)).toContain('gives no year for these dates');
  });
});

describe('a later question that says “he”', () => {
  it('is read as about the person the question before it named', () => {
    const reading = context.search.read('how old is huang qiang and what did he say at the seminar');
    expect(reading.parts.map((p) => p.kind)).toEqual(['unsaid', 'passages']);
    expect(reading.parts[1]!.text).toBe('what did he say at the seminar');
    expect(reading.parts[1]!.passages[0]?.paragraph).toBe(10);
    expect(reading.parts[1]!.passages[0]?.sentence).toBe(2);
  });
});
