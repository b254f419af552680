import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/load.js';
import { CURATED } from '../../src/i18n/curated.js';
import { taiwanResources } from '../../src/i18n/traditional.js';
import { LANGUAGES, PLURAL_SUFFIX, RESOURCES, t, type Language } from '../../src/i18n/words.js';
import { checkQuery, MAX_QUERY_LENGTH, QueryError } from '../../src/search/search.js';

const corpus = loadCorpus();

/** Every string of a tree of words by its dotted key, plural forms as they are written. */
function leaves(tree: unknown, prefix = ''): Map<string, string> {
  const found = new Map<string, string>();
  if (typeof tree !== 'object' || tree === null) return found;
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value === 'string') found.set(`${prefix}${key}`, value);
    else for (const [k, v] of leaves(value, `${prefix}${key}.`)) found.set(k, v);
  }
  return found;
}

const words = (language: Language) => leaves(RESOURCES[language].bot);

/** Keys by their common name (`says_one`, `says_other` → `says`), each with the plural forms it has. */
function byBase(keys: Iterable<string>): Map<string, Set<string>> {
  const bases = new Map<string, Set<string>>();
  for (const key of keys) {
    const form = PLURAL_SUFFIX.exec(key)?.[1];
    const base = form ? key.slice(0, -form.length - 1) : key;
    const forms = bases.get(base) ?? new Set<string>();
    if (form) forms.add(form);
    bases.set(base, forms);
  }
  return bases;
}

const placeholders = (text: string): string[] => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]!).sort();

describe('the resource files', () => {
  const english = byBase(words('en').keys());

  it.each(LANGUAGES)('%s has every key English has, and none English lacks', (language) => {
    const own = byBase(words(language).keys());
    expect([...english.keys()].filter((key) => !own.has(key))).toEqual([]);
    expect([...own.keys()].filter((key) => !english.has(key))).toEqual([]);
  });

  it.each(LANGUAGES)('%s has every plural form its language needs for each counted key, and no other', (language) => {
    const needed = new Intl.PluralRules(language).resolvedOptions().pluralCategories;
    const problems: string[] = [];
    for (const [base, forms] of byBase(words(language).keys())) {
      if ((english.get(base)?.size ?? 0) === 0) {
        if (forms.size > 0) problems.push(`${base}: counted here, not in English`);
        continue;
      }
      for (const form of needed) if (!forms.has(form)) problems.push(`${base}_${form} missing`);
      for (const form of forms)
        if (!needed.includes(form as Intl.LDMLPluralRule)) problems.push(`${base}_${form} unused`);
    }
    expect(problems).toEqual([]);
  });

  it.each(LANGUAGES)('%s fills in the same values as English, and says something in every string', (language) => {
    const en = words('en');
    const problems: string[] = [];
    for (const [key, text] of words(language)) {
      if (text.trim() === '') problems.push(`${key}: empty`);
      const base = key.replace(PLURAL_SUFFIX, '');
      const model = en.get(key) ?? en.get(`${base}_other`) ?? '';
      const wanted = placeholders(model).filter((name) => name !== 'count');
      const have = placeholders(text).filter((name) => name !== 'count');
      if (JSON.stringify([...new Set(have)]) !== JSON.stringify([...new Set(wanted)]))
        problems.push(`${key}: {{${have.join(', ')}}} where English has {{${wanted.join(', ')}}}`);
    }
    expect(problems).toEqual([]);
  });

  it('writes Chinese with Chinese characters, and keeps them out of English', () => {
    const han = /\p{Script=Han}/u;
    expect([...words('en')].filter(([, text]) => han.test(text)).map(([key]) => key)).toEqual([]);
    // Only the example inputs, the emoji, the list marks and the bare names of things stay without a character.
    const free =
      /^(examples\.|smallTalk\.(laugh|ack|emoji)$|list\.|unsaid\.name$|terms\.line$|settings\.line$|article\.person$|goals\.person$|article\.event$|source\.event$)/;
    for (const language of ['zh-CN', 'zh-TW'] as const) {
      const latin = [...words(language)].filter(([key, text]) => !free.test(key) && !han.test(text));
      expect(latin.map(([key]) => `${language} ${key}`)).toEqual([]);
    }
  });

  it('holds zh-TW.json as scripts/write-zh-tw.ts writes it from zh-CN.json (run `npm run i18n:zh-tw`)', () => {
    expect(RESOURCES['zh-TW']).toEqual(taiwanResources(RESOURCES['zh-CN']));
  });

  it('says in English exactly what the search says when it refuses a query', () => {
    const refusal = (query: string): string => {
      try {
        checkQuery(query);
      } catch (error) {
        if (error instanceof QueryError) return error.message;
      }
      return 'accepted';
    };
    expect(refusal('  ')).toBe(t('en', 'problems.queryEmpty'));
    expect(refusal('x'.repeat(MAX_QUERY_LENGTH + 1))).toBe(
      t('en', 'problems.queryTooLong', { length: MAX_QUERY_LENGTH + 1, max: MAX_QUERY_LENGTH }),
    );
  });
});

describe('the Chinese forms of the curated notes', () => {
  const noted = corpus.glossary.filter((entry) => entry.note !== undefined);
  const quotedIn = (text: string): string[] => [...text.matchAll(/“([^”]+)”/g)].map((m) => m[1]!);
  const cited = (text: string): string[] => [...text.matchAll(/¶\d+(?:\.\d+)?/g)].map((m) => m[0]);

  describe.each(['zh-CN', 'zh-TW'] as const)('in %s', (language) => {
    const curated = CURATED[language];

    it('cover every glossary note, criteria label, named-only note and event, and nothing else', () => {
      expect(Object.keys(curated.glossary).sort()).toEqual(noted.map((entry) => entry.term).sort());
      expect(Object.keys(curated.criteria).sort()).toEqual(corpus.criteria.topics.map((topic) => topic.id).sort());
      for (const topic of corpus.criteria.topics)
        expect(Object.keys(curated.criteria[topic.id]?.namedOnly ?? {}).sort()).toEqual(
          topic.namedOnly.map((named) => named.name.text).sort(),
        );
      expect(Object.keys(curated.events).sort()).toEqual(corpus.source.events.map((event) => event.label).sort());
    });

    it('keep, verbatim, every phrase the English puts in quotation marks and every paragraph it cites', () => {
      const pairs: [string, string | undefined][] = [
        ...noted.map((entry): [string, string | undefined] => [entry.note!, curated.glossary[entry.term]]),
        ...corpus.criteria.topics.flatMap((topic): [string, string | undefined][] => [
          [topic.label, curated.criteria[topic.id]?.label],
          ...topic.namedOnly.map((named): [string, string | undefined] => [
            named.note,
            curated.criteria[topic.id]?.namedOnly?.[named.name.text],
          ]),
        ]),
      ];
      const problems = pairs.flatMap(([english, chinese]) =>
        [...quotedIn(english), ...cited(english)]
          .filter((kept) => !(chinese ?? '').includes(kept))
          .map((lost) => `${english} → ${chinese}: “${lost}” lost`),
      );
      expect(problems).toEqual([]);
    });

    it('quote in English only the article’s own words', () => {
      const all = [
        ...Object.values(curated.glossary),
        ...Object.values(curated.criteria).flatMap((topic) => [topic.label, ...Object.values(topic.namedOnly ?? {})]),
      ];
      const invented = all
        .flatMap(quotedIn)
        .filter((phrase) => /[A-Za-z]/.test(phrase) && !corpus.article.text.includes(phrase));
      expect(invented).toEqual([]);
    });
  });
});
