import { describe, expect, it } from 'vitest';
import { CorpusError } from '../../src/corpus/article.js';
import { formatCitation, parseCitation } from '../../src/corpus/citation.js';
import { verifyQuote } from '../../src/corpus/excerpt.js';
import { buildCorpus, loadCorpus, readCorpusFiles, type CorpusFiles } from '../../src/corpus/load.js';
import { quotedSpans } from '../../src/corpus/quoted.js';

type Json = Record<string, unknown>;

/** A copy of the shipped corpus files with one JSON file altered. */
function altered(name: keyof CorpusFiles, change: (json: Json & Json[]) => void): CorpusFiles {
  const files = readCorpusFiles();
  const json = JSON.parse(files[name]) as Json & Json[];
  change(json);
  return { ...files, [name]: JSON.stringify(json) };
}

/** The error buildCorpus throws for these files, so tests can read its message. */
function failureOf(files: CorpusFiles): Error {
  try {
    buildCorpus(files);
  } catch (error) {
    return error as Error;
  }
  throw new Error('buildCorpus accepted the altered corpus');
}

const corpus = loadCorpus();
const paragraphText = (n: number): string => corpus.article.paragraphs[n]!.text;

describe('the curated corpus', () => {
  it('loads with every quote verified verbatim', () => {
    expect(corpus.article.paragraphs).toHaveLength(16);
    expect(corpus.glossary.length).toBeGreaterThan(0);
    expect(corpus.criteria.topics.length).toBeGreaterThan(0);
  });
});

describe('sentence numbering and citations', () => {
  it('keeps the attribution “he mentioned.” with the second sentence of ¶11', () => {
    const sentences = corpus.article.paragraphs[11]!.sentences;
    expect(sentences).toHaveLength(2);
    expect(sentences[0]!.text).toBe(
      '“I often say that a lion leading a flock of sheep can turn them into a ‘lion pack’.',
    );
    expect(sentences[1]!.text.startsWith('I hope everyone can be lions')).toBe(true);
    expect(sentences[1]!.text.endsWith('fortresses!” he mentioned.')).toBe(true);
  });

  it('numbers ¶3 as four sentences, the “five more” sentence being ¶3.4', () => {
    expect(corpus.article.paragraphs[3]!.sentences).toHaveLength(4);
    const excerpt = verifyQuote(
      corpus.article,
      { paragraph: 3, text: 'Specifically, we aim to achieve “five more” goals.' },
      'test',
    );
    expect(formatCitation(excerpt)).toBe('¶3.4');
    expect(formatCitation(corpus.goals.intro)).toBe('¶3.4');
  });

  it('formats and reads citations as ¶N and ¶N.S', () => {
    expect(formatCitation({ paragraph: 11 })).toBe('¶11');
    expect(formatCitation({ paragraph: 13, sentence: 3 })).toBe('¶13.3');
    expect(parseCitation('¶13.3')).toEqual({ paragraph: 13, sentence: 3 });
    expect(parseCitation('¶0')).toEqual({ paragraph: 0 });
    expect(parseCitation('13.3')).toBeNull();
  });
});

describe('source', () => {
  const raw = readCorpusFiles()['source.json'];

  it('takes the whole headline, the publisher and the relay from the text', () => {
    expect(corpus.source.headline.text).toBe(paragraphText(0));
    expect(corpus.source.publisher.name).toBe('The Paper');
    expect(corpus.source.publisher.evidence.paragraph).toBe(9);
    expect(corpus.source.relay.evidence.paragraph).toBe(2);
    expect(corpus.source.relay.evidence.text).toContain('Jilin Fabu');
  });

  it('dates the press conference and the seminar opening only as the text does', () => {
    expect(
      corpus.source.events.map((e) => [e.date, e.label, formatCitation({ paragraph: e.evidence.paragraph })]),
    ).toEqual([
      ['November 21', 'Press conference', '¶2'],
      ['November 13', 'Seminar opening ceremony', '¶10'],
    ]);
  });

  it('records no year and no URL', () => {
    // The article gives no year for either event; its only year (2024, ¶9) dates a journal issue.
    expect(raw).not.toMatch(/\b(19|20)\d\d\b/);
    expect(raw).not.toMatch(/https?:|www\.|\.com\b|\.cn\b/i);
  });
});

describe('the “five more” goals', () => {
  it('are set by Wang Qi and introduced by the ¶3 sentence', () => {
    expect(corpus.goals.setBy).toBe('Wang Qi');
    expect(corpus.goals.intro.text).toContain('“five more”');
  });

  it('cite ¶4..¶8 in order, each lead being sentence 1 of its paragraph and holding its title', () => {
    expect(corpus.goals.goals.map((g) => g.number)).toEqual([1, 2, 3, 4, 5]);
    expect(corpus.goals.goals.map((g) => g.lead.paragraph)).toEqual([4, 5, 6, 7, 8]);
    for (const goal of corpus.goals.goals) {
      expect(goal.lead.text).toBe(corpus.article.paragraphs[goal.lead.paragraph]!.sentences[0]!.text);
      expect(goal.lead.sentence).toBe(1);
      expect(goal.title.paragraph).toBe(goal.lead.paragraph);
      expect(goal.lead.text).toContain(goal.title.text);
    }
  });
});

describe('measures', () => {
  it('are introduced by Huang Feiyu and lead with sentence 1 of ¶13, ¶14, ¶15', () => {
    expect(corpus.measures.introducedBy).toBe('Huang Feiyu');
    expect(corpus.measures.intro.text).toContain('“combination punches”');
    expect(corpus.measures.measures.map((m) => formatCitation(m.lead))).toEqual(['¶13.1', '¶14.1', '¶15.1']);
  });
});

describe('criteria', () => {
  const topics = corpus.criteria.topics;
  const namedOnly = topics.flatMap((t) => t.namedOnly);

  it('covers promotion, demotion, evaluation and tolerance', () => {
    expect(new Set(topics.map((t) => t.focus))).toEqual(new Set(['promote', 'demote', 'evaluation', 'tolerance']));
    expect(new Set(topics.map((t) => t.id)).size).toBe(topics.length);
  });

  it('lists the named-only lists, each with a note saying the article does not list the items', () => {
    expect(namedOnly.map((n) => n.name.text).sort()).toEqual(
      [
        'Three Ups and Three Downs',
        'distinguishing three types of situations',
        'five resolutely not using',
        'five vigorously selecting',
        'four resolutely opposing',
        'four vigorously advocating',
        'lists of fault-tolerant items',
      ].sort(),
    );
    for (const entry of namedOnly) expect(entry.note).toMatch(/does not (list|give)/);
  });

  it('gives the named-only lists no invented items, in criteria or in the glossary', () => {
    // A named-only entry carries its name and a note, nothing that could hold items.
    for (const entry of namedOnly) expect(Object.keys(entry).sort()).toEqual(['name', 'note']);
    for (const entry of namedOnly) {
      const glossed = corpus.glossary.find((g) => g.term === entry.name.text);
      if (!glossed) continue; // "lists of fault-tolerant items" is not printed in quotation marks
      expect(glossed.explanation).toBeUndefined();
      expect(glossed.note).toMatch(/does not list/);
    }
    // Notes and labels are the bot's words: no enumerations ("1.", "(a)", "first,") slipped in.
    for (const text of [...namedOnly.map((n) => n.note), ...topics.map((t) => t.label)]) {
      expect(text).not.toMatch(/(^|\s)(1\.|\(a\)|first(ly)?,)/i);
    }
  });

  it('cites the 11 adjusted cadres from ¶9 under evaluation', () => {
    const eleven = topics.find((t) => t.id === 'eleven-cadres-adjusted');
    expect(eleven?.focus).toBe('evaluation');
    expect(eleven?.excerpts[0]?.text).toContain('based on annual evaluations');
    expect(eleven?.excerpts[0]?.paragraph).toBe(9);
  });
});

describe('people', () => {
  const roles: Record<string, [number, string]> = {
    'Wang Qi': [3, 'Deputy Minister of the Organization Department of the Jilin Provincial Party Committee'],
    'Wang Qiushi': [
      9,
      'Member of the Standing Committee of the Jilin Provincial Party Committee and Minister of Organization',
    ],
    'Huang Qiang': [10, 'Secretary of the Jilin Provincial Party Committee'],
    'Huang Feiyu': [
      12,
      'a member of the Department Committee of the Organization Department of the Jilin Provincial Party Committee',
    ],
  };

  it('gives each person the role the article prints right after their name', () => {
    expect(corpus.people.map((p) => p.name).sort()).toEqual(Object.keys(roles).sort());
    for (const person of corpus.people) {
      const [paragraph, role] = roles[person.name]!;
      expect(person.role.paragraph).toBe(paragraph);
      expect(person.role.text).toBe(role);
      expect(paragraphText(paragraph)).toContain(`${person.name}, ${role}`);
    }
  });

  it('cites only paragraphs where the person speaks or is cited', () => {
    const expected: Record<string, number[]> = {
      'Wang Qi': [3, 4, 5, 6, 7, 8],
      'Wang Qiushi': [9],
      'Huang Qiang': [10, 11],
      'Huang Feiyu': [12, 13, 14, 15],
    };
    for (const person of corpus.people) {
      expect(person.paragraphs).toEqual(expected[person.name]);
      expect(person.said.length).toBeGreaterThan(0);
      for (const said of person.said) expect(person.paragraphs).toContain(said.paragraph);
    }
  });
});

describe('glossary', () => {
  const term = (t: string) => corpus.glossary.find((g) => g.term === t);

  it('covers the terms readers ask about', () => {
    for (const t of ['baton', 'traffic lights', 'two coverages', 'absentee landlords', 'face projects']) {
      expect(term(t), t).toBeDefined();
    }
    expect(term('two coverages')?.note).toBe('The article does not say which two coverages are meant.');
  });

  it('explains nothing the article leaves unexplained: every entry has an explanation quote or a note', () => {
    for (const entry of corpus.glossary) expect(entry.explanation ?? entry.note, entry.term).toBeDefined();
    for (const t of ['baton', 'traffic lights', 'two coverages', 'absentee landlords', 'middlemen', 'face projects']) {
      expect(term(t)?.explanation, t).toBeUndefined();
    }
  });

  it('classes titles and slogans', () => {
    const byKind = (kind: string) =>
      corpus.glossary
        .filter((g) => g.kind === kind)
        .map((g) => g.term)
        .sort();
    expect(byKind('title')).toEqual(
      [
        'Implementation Opinions on Further Establishing a New Style of Work, Encouraging Cadres to Be Bold in Reform and Take Responsibilities',
        'Jilin Fabu',
        'Party Building Research',
      ].sort(),
    );
    expect(byKind('slogan')).toEqual(
      [
        'development must be, and can only be, high-quality development',
        'no one is an outsider or observer in reform',
      ].sort(),
    );
  });

  it('reads ‘lion pack’ and ‘lion packs’ inside Huang Qiang’s quoted speech (¶11)', () => {
    expect(
      quotedSpans(corpus.article)
        .filter((s) => s.paragraph === 11)
        .map((s) => s.text),
    ).toEqual(expect.arrayContaining(['lion pack', 'lion packs']));
    const lionPack = corpus.glossary.find((e) => e.term === 'lion pack');
    expect(lionPack?.explanation?.text).toBe('a lion leading a flock of sheep can turn them into a ‘lion pack’');
    expect(corpus.glossary.find((e) => e.term === 'lion packs')?.paragraphs).toEqual([11]);
  });
});

describe('a corrupted corpus fails to load, naming the entry', () => {
  it('when one word of a goal title is changed', () => {
    const files = altered('goals.json', (g) => {
      const goals = g.goals as { title: { text: string } }[];
      goals[1]!.title.text = goals[1]!.title.text.replace('steadfast', 'stable');
    });
    const error = failureOf(files);
    expect(error).toBeInstanceOf(CorpusError);
    expect(error.message).toContain('corpus/goals.json.goals[1].title');
    expect(error.message).toContain('not verbatim in ¶5');
  });

  it('when one word of a glossary explanation is changed', () => {
    const files = altered('glossary.json', (g) => {
      const entry = g.find((e) => e.term === 'primary resource') as { explanation: { text: string } };
      entry.explanation.text = entry.explanation.text.replace('utilizing', 'using');
    });
    const error = failureOf(files);
    expect(error).toBeInstanceOf(CorpusError);
    expect(error.message).toMatch(
      /^corpus\/glossary\.json\[\d+\] \(primary resource\)\.explanation: not verbatim in ¶7/,
    );
  });

  it('when a quoted term has no glossary entry', () => {
    const files = altered('glossary.json', (g) =>
      g.splice(
        g.findIndex((e) => e.term === 'face projects'),
        1,
      ),
    );
    const error = failureOf(files);
    expect(error).toBeInstanceOf(CorpusError);
    expect(error.message).toBe('corpus/glossary.json: no entry for the quoted term “face projects” (¶14)');
  });

  it('when a glossary entry lists the wrong paragraphs', () => {
    const files = altered('glossary.json', (g) => {
      (g.find((e) => e.term === 'baton') as { paragraphs: number[] }).paragraphs = [5, 7];
    });
    const error = failureOf(files);
    expect(error).toBeInstanceOf(CorpusError);
    expect(error.message).toBe('corpus/glossary.json (baton): paragraphs 5,7 but the article quotes it in 5');
  });
});
