import Fuse from 'fuse.js';
import type { Corpus } from '../corpus/load.js';
import { list, t, type WordKey } from '../i18n/words.js';
import { note, type Answer, type Line } from '../replies/answer.js';
import { echo } from '../replies/markdown.js';
import type { AnswerContext } from './context.js';

/**
 * Words that point at what another command answers well, in English and in Chinese (simplified
 * and traditional forms alike).
 */
const POINTERS: readonly { readonly words: RegExp; readonly hint: WordKey }[] = [
  { words: /\b(goals?|aims?|objectives?|five more)\b|目标|目標/i, hint: 'notCovered.goals' },
  {
    words:
      /\b(promot\w*|demot\w*|standards?|criteria|select\w*|appoint\w*|evaluat\w*|mistakes?|toleran\w*)\b|提拔|降职|降職|标准|標準|选拔|選拔|任用|考核|容错|容錯|失误|失誤/i,
    hint: 'notCovered.criteria',
  },
  {
    words: /\b(who|people|person|names?|minister|secretary|speakers?)\b|谁|誰|人物|部长|部長|书记|書記/i,
    hint: 'notCovered.people',
  },
  {
    words:
      /\b(source|publisher|published|dates?|when|where|link|url)\b|来源|來源|出处|出處|发布|發布|發佈|日期|时间|時間|链接|連結/i,
    hint: 'notCovered.source',
  },
];

/** Built once per corpus. Short terms only: a long title contains some near-match for almost any word. */
const shortTerms = new WeakMap<Corpus, Fuse<string>>();
function shortTermsOf(corpus: Corpus): Fuse<string> {
  let fuse = shortTerms.get(corpus);
  if (!fuse) {
    fuse = new Fuse(
      corpus.glossary.filter((e) => e.term.split(' ').length <= 4).map((e) => e.term),
      { threshold: 0.25, ignoreLocation: true },
    );
    shortTerms.set(corpus, fuse);
  }
  return fuse;
}

/**
 * What to say when the article does not cover a question: that plainly, and where to look
 * instead. No passage is cited: a weak guess shown as an answer would mislead.
 */
export function notCovered(question: string, context: AnswerContext): Answer {
  return {
    title: t(context.language, 'notCovered.title', { question: echo(question, 120) }),
    sections: [{ lines: notCoveredLines(question, context) }],
  };
}

/** The lines of a "not covered": what the article is, the terms that look close, where else to look. */
export function notCoveredLines(question: string, context: AnswerContext): Line[] {
  const { language } = context;
  const fuse = shortTermsOf(context.corpus);
  const words = question
    .split(/\s+/)
    .filter((w) => w.length >= 5)
    .slice(0, 12);
  const terms = [...new Set(words.flatMap((w) => fuse.search(w, { limit: 2 }).map((r) => r.item)))].slice(0, 5);
  const hints = POINTERS.filter((p) => p.words.test(question)).map((p) => t(language, p.hint));
  const lines = [note(t(language, 'notCovered.what'))];
  if (terms.length)
    lines.push(
      note(
        t(language, 'notCovered.closeTerms', {
          terms: list(
            language,
            terms.map((term) => `“${term}”`),
          ),
        }),
      ),
    );
  lines.push(
    note(
      hints.length
        ? t(language, 'notCovered.hints', { hints: hints.join(t(language, 'list.clauses')) })
        : t(language, 'notCovered.tryHelp'),
    ),
  );
  return lines;
}
