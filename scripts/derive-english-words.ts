/**
 * Writes corpus/english-words.json: the English words in their own right that the search's
 * spelling correction would otherwise take for one of the article's words of another stem
 * ("mayor" for "major", "estate" for "state"). Only those are kept, so the file stays small and
 * start-up fast. Run after changing the article or its asks:
 *   npx tsx scripts/derive-english-words.ts [WORD_LIST]
 * WORD_LIST defaults to Debian's list of common American English words (`apt-get install
 * wamerican-small`): a rarer word ("minster", "pres") is more often a slip than meant.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildCorpus, readCorpusFiles } from '../src/corpus/load.js';
import { buildIndex } from '../src/search/index.js';
import { nameWords } from '../src/search/named.js';
import { stem } from '../src/search/text.js';
import { Vocabulary } from '../src/search/vocabulary.js';

const list = process.argv[2] ?? '/usr/share/dict/american-english-small';
const target = fileURLToPath(new URL('../corpus/english-words.json', import.meta.url));

// The corpus as it is, less the words this file would hold: the correction as it stands unguarded.
const files = readCorpusFiles();
const corpus = buildCorpus({ ...files, 'english-words.json': JSON.stringify({ source: '-', words: [] }) });
const index = buildIndex(corpus.article, corpus.asks);
const known = new Map([...index.asks.words, ...index.words]);
const vocabulary = new Vocabulary(known, nameWords(corpus));

const english = new Set(
  readFileSync(list, 'utf8')
    .split('\n')
    .filter((w) => /^[a-z]+$/.test(w)),
);
const words = [...english]
  .filter((word) => !known.has(word) && vocabulary.correct(word).some((c) => c.stem !== stem(word)))
  .sort();

const source = `${list.split('/').at(-1)}: its lower-case words that the spelling correction reaches, less the article's and its asks' own, kept where it would take them for a word of another stem`;
writeFileSync(target, `${JSON.stringify({ source, words }, null, 2)}\n`);
console.log(`Wrote corpus/english-words.json: ${words.length} words of ${english.size}`);
