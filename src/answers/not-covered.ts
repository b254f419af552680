import Fuse from 'fuse.js';
import type { Corpus } from '../corpus/load.js';
import { note, type Answer, type Line } from '../replies/answer.js';
import { echo } from '../replies/markdown.js';
import type { AnswerContext } from './context.js';

/** Words that point at what another command answers well. */
const POINTERS: readonly { readonly words: RegExp; readonly hint: string }[] = [
  { words: /\b(goals?|aims?|objectives?|five more)\b/i, hint: '`/goals` — the “five more” goals' },
  {
    words: /\b(promot\w*|demot\w*|standards?|criteria|select\w*|appoint\w*|evaluat\w*|mistakes?|toleran\w*)\b/i,
    hint: '`/criteria` — whom the committee promotes, demotes and tolerates',
  },
  {
    words: /\b(who|people|person|names?|minister|secretary|speakers?)\b/i,
    hint: '`/people` — who is who in the article',
  },
  {
    words: /\b(source|publisher|published|dates?|when|where|link|url)\b/i,
    hint: '`/source` — where the text comes from',
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
    title: `Not in the article: ${echo(question, 120)}`,
    sections: [{ lines: notCoveredLines(question, context) }],
  };
}

/** The lines of a "not covered": what the article is, the terms that look close, where else to look. */
export function notCoveredLines(question: string, context: AnswerContext): Line[] {
  const fuse = shortTermsOf(context.corpus);
  const words = question
    .split(/\s+/)
    .filter((w) => w.length >= 5)
    .slice(0, 12);
  const terms = [...new Set(words.flatMap((w) => fuse.search(w, { limit: 2 }).map((r) => r.item)))].slice(0, 5);
  const hints = POINTERS.filter((p) => p.words.test(question)).map((p) => p.hint);
  const lines = [
    note(
      'The article does not cover this. It is a report on how Jilin’s Provincial Party Committee selects, promotes and demotes officials.',
    ),
  ];
  if (terms.length)
    lines.push(
      note(`Terms from the article that look close: ${terms.map((t) => `“${t}”`).join(', ')} — try \`/term\`.`),
    );
  lines.push(
    note(
      hints.length
        ? `You may find it with ${hints.join('; ')}.`
        : 'Try `/help` for what the bot can answer, or `/quote` with a few words from the article.',
    ),
  );
  return lines;
}
