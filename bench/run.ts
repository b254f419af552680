/**
 * npm run bench [-- --json] [-- --cpu-prof DIR] [-- --no-search] [-- --no-database] [-- --no-live] [-- --bots noop,noop-pooled,policy] [-- --rtt MS]:
 * every figure measured in this run, beside a baseline measured in the same run, because this
 * machine is shared and noisy. Prints numbers; judges nothing.
 *
 * Database (settings stores, fair use in PostgreSQL): in this process, first, while its heap is
 * small, against BENCH_DATABASE_URL or a throwaway embedded PostgreSQL. Search: in this process.
 * Live: the local Discord in a child process, each bot in its own child process (see
 * bench/live/live.ts); this process only coordinates while they run.
 */
import { availableParallelism } from 'node:os';
import { openBenchDatabase } from './database.js';
import { benchFairUse, printFairUse } from './fair-use.js';
import { benchLive, printLive } from './live/live.js';
import { benchSearch, printSearch } from './search.js';
import { benchStores, printStores } from './settings-store.js';
import { benchSharedFairUse, printSharedFairUse } from './shared-fair-use.js';

const args = process.argv.slice(2);
const json = args.includes('--json');
const valueOf = (flag: string): string | undefined => {
  const at = args.indexOf(flag);
  return at >= 0 ? args[at + 1] : undefined;
};
const bots = valueOf('--bots')?.split(',');
const cpuProfileDir = valueOf('--cpu-prof');
const rtt = valueOf('--rtt');
const restRoundTripMs = rtt === undefined ? 0 : Number(rtt);
if (!Number.isFinite(restRoundTripMs) || restRoundTripMs < 0) throw new Error(`--rtt wants milliseconds, not ${rtt}`);
const cores = availableParallelism();

async function benchDatabase() {
  const database = await openBenchDatabase();
  try {
    return { stores: await benchStores(database), sharedFairUse: await benchSharedFairUse(database) };
  } finally {
    await database.stop();
  }
}

const database = args.includes('--no-database') ? undefined : await benchDatabase();
const search = args.includes('--no-search') ? undefined : benchSearch();
const fairUse = benchFairUse();
const live = args.includes('--no-live')
  ? undefined
  : await benchLive({
      ...(bots?.length ? { bots } : {}),
      ...(cpuProfileDir ? { cpuProfileDir } : {}),
      restRoundTripMs,
      log: json ? undefined : (line) => process.stderr.write(`  … ${line}\n`),
    });

if (json) {
  process.stdout.write(`${JSON.stringify({ cores, node: process.version, search, fairUse, database, live })}\n`);
} else {
  const parts = [`policy-bot benchmark — ${cores} cores, Node ${process.version}`];
  if (search) parts.push(printSearch(search));
  parts.push(printFairUse(fairUse));
  if (database) parts.push(printStores(database.stores), printSharedFairUse(database.sharedFairUse));
  if (live) parts.push(printLive(live, cores));
  process.stdout.write(`${parts.join('\n\n')}\n`);
}
