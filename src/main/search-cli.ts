/**
 * The search from a terminal.
 *   npm run --silent search -- [--json] [--limit N] [QUERY]
 * With no QUERY it reads one query a line from stdin and answers each in order.
 */
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { formatCitation } from '../corpus/citation.js';
import { embolden } from '../replies/quote-markdown.js';
import { articleSearch, DEFAULT_LIMIT, QueryError, type SearchResult } from '../search/search.js';

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

function readable(query: string, results: readonly SearchResult[]): string {
  if (results.length === 0) return `“${query}”: the article does not cover this.\n`;
  const lines = results.map((r, i) => {
    const cite = formatCitation({ paragraph: r.paragraph, sentence: r.sentence });
    return `${i + 1}. ${cite}  (score ${r.score.toFixed(2)})\n   > ${embolden(r.excerpt, r.ranges)}`;
  });
  return `“${query}”\n${lines.join('\n')}\n`;
}

/** One query's answer: JSON fields in the order the scorer and other tools read them. */
function answer(query: string, limit: number, json: boolean): { text: string; ok: boolean } {
  const search = articleSearch();
  try {
    const results = search.search(query, { limit });
    if (!json) return { text: readable(query, results), ok: true };
    const plain = results.map(({ paragraph, sentence, score, excerpt }) => ({ paragraph, sentence, score, excerpt }));
    return { text: `${JSON.stringify({ query, results: plain })}\n`, ok: true };
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
