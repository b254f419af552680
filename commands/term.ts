import Fuse from 'fuse.js';
import { z } from 'zod';
import { answerButton, wholeArg } from '../src/answers/buttons.js';
import { glossaryAnswer } from '../src/answers/glossary-entry.js';
import { paragraphButton } from '../src/answers/paragraph.js';
import { derivedFrom } from '../src/corpus/derived.js';
import type { Corpus, GlossaryEntry } from '../src/corpus/load.js';
import { t, type Language } from '../src/i18n/words.js';
import type { Reply } from '../src/replies/answer.js';
import { clip, LIMITS } from '../src/replies/limits.js';
import { echo } from '../src/replies/markdown.js';
import { foldLabel, Suggestions } from '../src/search/suggest.js';
import { answerCommand } from '../src/dispatch/command.js';
import {
  commandForAllContexts,
  described,
  freeText,
  hideOption,
  TEXT_MAX_LENGTH,
  withHide,
} from '../src/dispatch/definition.js';
/** Autocomplete values name an entry by index: the longest title is past Discord's 100 characters. */
const CHOICE_PREFIX = 't:';
/** The corpus hash prefix a "did you mean" button carries: an index is only good for the text it was counted in. */
const HASH_LENGTH = 6;
const DID_YOU_MEAN = 5;

const textHash = (corpus: Corpus): string => corpus.hash.slice(0, HASH_LENGTH);

/** Autocomplete runs on every keystroke. */
const lookupFor = derivedFrom((corpus) => ({
  suggestions: new Suggestions(corpus, ['term']),
  fuse: new Fuse(
    corpus.glossary.map((e) => e.term),
    { threshold: 0.4, ignoreLocation: true },
  ),
}));

/**
 * "Did you mean" a glossary entry, by its index, with the text's hash: an index is only good
 * for the text it was counted in.
 */
const termVerb = answerButton<{ readonly hash: string; readonly index: number }>({
  verb: 'term',
  arity: 2,
  write: ({ hash, index }) => [hash, index],
  read([hash, index], { corpus }) {
    const number = wholeArg(index, 0, corpus.glossary.length - 1);
    return hash === textHash(corpus) && number !== undefined ? { hash, index: number } : undefined;
  },
  press: ({ index }, { corpus, language }) => ({
    mode: 'update',
    reply: glossaryAnswer(corpus.article, corpus.glossary[index]!, language),
  }),
});

/** The entry a person picked (`t:N`) or typed in full (any case, with or without quotation marks). */
export function findEntry(corpus: Corpus, name: string): number | undefined {
  if (name.startsWith(CHOICE_PREFIX)) return wholeArg(name.slice(CHOICE_PREFIX.length), 0, corpus.glossary.length - 1);
  const typed = foldLabel(name);
  if (typed === '') return undefined;
  const index = corpus.glossary.findIndex(
    (e) => foldLabel(e.term) === typed || foldLabel(e.term.slice(0, LIMITS.choiceName)) === typed,
  );
  return index < 0 ? undefined : index;
}

/** Entries close to what was typed: those containing it first, then fuse.js's guesses for typos. */
function didYouMean(corpus: Corpus, name: string): number[] {
  const typed = foldLabel(name).slice(0, 64);
  if (typed.length < 2) return [];
  const containing = corpus.glossary.flatMap((e, i) => (foldLabel(e.term).includes(typed) ? [i] : []));
  const fuzzy = lookupFor(corpus)
    .fuse.search(typed, { limit: DID_YOU_MEAN })
    .map((r) => r.refIndex);
  return [...new Set([...containing, ...fuzzy])].slice(0, DID_YOU_MEAN);
}

const entryButton = (corpus: Corpus, index: number, entry: GlossaryEntry) => ({
  label: clip(`“${entry.term}”`, LIMITS.buttonLabel),
  action: termVerb.id({ hash: textHash(corpus), index }),
});

/** The entry, or a plain "no such term" with the nearest entries offered as buttons. */
export function termAnswer(corpus: Corpus, name: string, language: Language): Reply {
  const index = findEntry(corpus, name);
  const entry = index === undefined ? undefined : corpus.glossary[index];
  if (entry) return glossaryAnswer(corpus.article, entry, language);
  const near = didYouMean(corpus, name);
  return {
    problem: t(language, near.length ? 'term.noneNear' : 'term.none', { name: echo(name) }),
    buttons: near.map((i) => entryButton(corpus, i, corpus.glossary[i]!)),
  };
}

export const term = answerCommand({
  definition: withHide(
    commandForAllContexts('term', 'commands.term.description').addStringOption((o) =>
      described(o.setName('name'), 'commands.term.name')
        .setRequired(true)
        .setMaxLength(TEXT_MAX_LENGTH)
        .setAutocomplete(true),
    ),
  ).toJSON(),
  options: z.object({ name: freeText(), ...hideOption }),
  answer: ({ name }, { corpus, language }) => termAnswer(corpus, name, language),
  autocomplete: (focused, { corpus }) =>
    lookupFor(corpus)
      .suggestions.suggest(focused.value)
      .flatMap((s) => {
        const index = corpus.glossary.findIndex((e) => e.term.slice(0, LIMITS.choiceName) === s.label);
        const entry = corpus.glossary[index];
        return entry ? [{ name: clip(entry.term, LIMITS.choiceName), value: `${CHOICE_PREFIX}${index}` }] : [];
      }),
  buttons: [termVerb, paragraphButton],
});
