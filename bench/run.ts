/**
 * npm run bench [-- --json]: every figure measured in this run, beside a baseline measured in
 * the same run, because this machine is shared and noisy. Prints numbers; judges nothing.
 */
import { availableParallelism } from 'node:os';
import { benchSearch, printSearch } from './search.js';

const json = process.argv.includes('--json');
const search = benchSearch();
if (json) {
  process.stdout.write(`${JSON.stringify({ cores: availableParallelism(), node: process.version, search })}\n`);
} else {
  process.stdout.write(`policy-bot benchmark — ${availableParallelism()} cores, Node ${process.version}\n\n${printSearch(search)}\n`);
}
