/**
 * npm run bench [-- --json] [-- --cpu-prof DIR] [-- --no-search] [-- --no-database] [-- --no-live] [-- --no-instances] [-- --bots noop,noop-pooled,policy] [-- --rtt MS]:
 * every figure measured in this run, beside a baseline measured in the same run, because this
 * machine is shared and noisy. Prints numbers; judges nothing.
 *
 * Database (settings stores, fair use in PostgreSQL): in this process, first, while its heap is
 * small, against BENCH_DATABASE_URL or a throwaway embedded PostgreSQL. Search: in this process.
 * Live: the local Discord in a child process, each bot in its own child process (see
 * bench/live/live.ts); this process only coordinates while they run. Instances: one instance of
 * policy-bot over HTTP and two behind nginx, on the database part's PostgreSQL (bench/live/instances.ts).
 */
import { availableParallelism } from 'node:os';
import { openBenchDatabase } from './database.js';
import { benchFairUse, printFairUse } from './fair-use.js';
import { benchInstances, printInstances } from './live/instances.js';
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

const log = json ? undefined : (line: string): void => void process.stderr.write(`  … ${line}\n`);
const withDatabase = !args.includes('--no-database') || !args.includes('--no-instances');
// One server for the database part and the instances: started first, stopped last.
const server = withDatabase ? await openBenchDatabase() : undefined;
let database, search, fairUse, live, instances;
try {
  database =
    server && !args.includes('--no-database')
      ? { stores: await benchStores(server), sharedFairUse: await benchSharedFairUse(server) }
      : undefined;
  search = args.includes('--no-search') ? undefined : benchSearch();
  fairUse = benchFairUse();
  live = args.includes('--no-live')
    ? undefined
    : await benchLive({
        ...(bots?.length ? { bots } : {}),
        ...(cpuProfileDir ? { cpuProfileDir } : {}),
        restRoundTripMs,
        log,
      });
  instances = server && !args.includes('--no-instances') ? await benchInstances(server, log) : undefined;
} finally {
  await server?.stop();
}

if (json) {
  process.stdout.write(
    `${JSON.stringify({ cores, node: process.version, search, fairUse, database, live, instances })}\n`,
  );
} else {
  const parts = [`policy-bot benchmark — ${cores} cores, Node ${process.version}`];
  if (search) parts.push(printSearch(search));
  parts.push(printFairUse(fairUse));
  if (database) parts.push(printStores(database.stores), printSharedFairUse(database.sharedFairUse));
  if (live) parts.push(printLive(live, cores));
  if (instances) parts.push(printInstances(instances, cores));
  process.stdout.write(`${parts.join('\n\n')}\n`);
}
