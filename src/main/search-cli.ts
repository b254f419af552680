/**
 * The search from a terminal.
 *   npm run --silent search -- [--json] [--limit N] [QUERY]
 * With no QUERY it reads one query a line from stdin and answers each in order.
 */
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { formatCitation } from '../corpus/citation.js';
import { embolden } from '../replies/quote-markdown.js';
import {
  articleSearch,
  DEFAULT_LIMIT,
  merge,
  QueryError,
  type Reading,
  type SearchResult,
  type Unsaid,
} from '../search/search.js';

const USAGE = 'usage: npm run --silent search -- [--json] [--limit N] [QUERY]';

function fail(message: string): never {
  process.stderr.write(`${message}\n${USAGE}\n`);
  process.exit(2);
}

function parse(): { json: boolean; limit: number; query: string | undefined } {
  try {
    const { values, positionals } = parseArgs({
      options: { json: { type: 'boolean', default: false }, limit: { type: 'string' } },
      allowPositionals: true,
    });
    const limit = values.limit === undefined ? DEFAULT_LIMIT : Number(values.limit);
    if (!Number.isInteger(limit) || limit < 1 || limit > 16) fail('--limit takes a whole number from 1 to 16');
    return { json: values.json, limit, query: positionals.length ? positionals.join(' ') : undefined };
  } catch (error) {
    return fail((error as Error).message);
  }
}

function unsaidLines(unsaid: readonly Unsaid[]): string[] {
  return unsaid.map((u) => `   not the answer — of ${u.name} it says (${formatCitation(u)}): “${u.excerpt}”`);
}

function readable(query: string, reading: Reading, results: readonly SearchResult[]): string {
  if (reading.smallTalk) return `“${query}”: small talk (${reading.smallTalk}), not a question about the article.\n`;
  const notes = reading.parts.flatMap((part) => {
    if (part.kind === 'article') return [`   (about the article itself: ${part.topic ?? ''})`];
    if (part.kind === 'unsaid')
      return [`   “${part.text}”: the article does not say.`, ...unsaidLines(part.unsaid ?? [])];
    if (part.kind === 'not-covered' && reading.parts.length > 1) return [`   “${part.text}”: not in the article.`];
    return [];
  });
  if (results.length === 0 && notes.length === 0) return `“${query}”: the article does not cover this.\n`;
  const lines = results.map((r, i) => {
    const cite = formatCitation({ paragraph: r.paragraph, sentence: r.sentence });
    return `${i + 1}. ${cite}  (score ${r.score.toFixed(2)})\n   > ${embolden(r.excerpt, r.ranges)}`;
  });
  return `“${query}”\n${[...lines, ...notes].join('\n')}\n`;
}

const plain = (results: readonly SearchResult[]) =>
  results.map(({ paragraph, sentence, score, excerpt }) => ({ paragraph, sentence, score, excerpt }));

/**
 * What the JSON line says beyond the passages, only when there is something to say: small talk,
 * a question about the article itself, what the text does not say, and each part of a message
 * that asks several things.
 */
function extras(reading: Reading): Record<string, unknown> {
  if (reading.smallTalk) return { smallTalk: reading.smallTalk };
  const [only] = reading.parts;
  if (reading.parts.length === 1 && only) {
    if (only.kind === 'article') return { about: only.topic };
    if (only.kind === 'unsaid') return { unsaid: only.unsaid };
    return {};
  }
  return {
    parts: reading.parts.map((part) => ({
      text: part.text,
      kind: part.kind,
      results: plain(part.passages),
      ...(part.topic ? { about: part.topic } : {}),
      ...(part.unsaid ? { unsaid: part.unsaid } : {}),
    })),
  };
}

/** One query's answer: JSON fields in the order the scorer and other tools read them. */
function answer(query: string, limit: number, json: boolean): { text: string; ok: boolean } {
  const search = articleSearch();
  try {
    const reading = search.read(query, { limit });
    const results = merge(reading, limit);
    if (!json) return { text: readable(query, reading, results), ok: true };
    const language = reading.language === 'en' ? {} : { language: reading.language };
    return {
      text: `${JSON.stringify({ query, results: plain(results), ...language, ...extras(reading) })}\n`,
      ok: true,
    };
  } catch (error) {
    if (!(error instanceof QueryError)) throw error;
    return { text: json ? `${JSON.stringify({ query, error: error.message })}\n` : `${error.message}\n`, ok: false };
  }
}

const { json, limit, query } = parse();
if (query !== undefined) {
  const { text, ok } = answer(query, limit, json);
  (ok ? process.stdout : process.stderr).write(text);
  process.exitCode = ok ? 0 : 2;
} else {
  // A bad line answers with an error and the batch goes on.
  for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
    process.stdout.write(answer(line, limit, json).text);
  }
}
