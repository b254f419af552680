/**
 * policy-bot over HTTP as one instance, and as two behind nginx, at the same offered load, every
 * instance on one PostgreSQL (settings, and the fair-use check on the way to every answer), so
 * that what is measured is the cost of sharing: the load balancer's hop and the second process.
 * Beside them, one instance behind nginx, which tells the hop's cost from the second process's.
 * Each setup has its local Discord (in the Discord process) and its instance processes; the
 * setups are loaded one at a time, in rotating order, so the machine's noise is shared.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { definitions } from '../../src/dispatch/index.js';
import { findNginx, Nginx } from '../../tests/support/nginx.js';
import type { BenchDatabase } from '../database.js';
import type { BotOps } from './bot-process.js';
import type { DiscordOps, LoadResult } from './discord-process.js';
import { Remote } from './ipc.js';
import { forkBenchProcess, PLAN, workload } from './live.js';
import { cpuMsOf, withChildren } from './process-cpu.js';

/**
 * The shape of the run; every loop is bounded by it. A burst of 1000 at once through nginx was
 * mostly refused here: nginx opens a connection to the instance for each request in flight beyond
 * its idle keep-alive ones, node's accept queue (511) overflows, and a connection not accepted
 * within proxy_connect_timeout (1 s) is a 504. Paced below what this shared machine saturates at,
 * so that p99 tells the cost of a setup rather than a queue.
 */
export const INSTANCES_PLAN = {
  burst: 500,
  bursts: 3,
  pacedPerSecond: 200,
  pacedMs: 6_000,
  pacedRuns: 3,
} as const;

const SETUPS = [
  { id: 'one', label: 'one instance', instances: 1, nginx: false },
  { id: 'one-nginx', label: 'one behind nginx', instances: 1, nginx: true },
  { id: 'two-nginx', label: 'two behind nginx', instances: 2, nginx: true },
] as const;

type SetupSpec = (typeof SETUPS)[number];

/** CPU ms used during one run, by kind of process (the load generator, the local Discord, is not counted). */
export interface RunCpu {
  readonly instances: number;
  readonly nginx: number;
  /** The database's sessions of every instance (idle ones use none), apart: the database is shared either way. */
  readonly database: number;
}

export interface InstancesRun extends LoadResult {
  readonly cpu: RunCpu;
}

export interface SetupResult {
  readonly id: SetupSpec['id'];
  readonly label: string;
  readonly bursts: readonly InstancesRun[];
  readonly pacedRuns: readonly InstancesRun[];
  /** What nginx's logs say of the whole run, the cold burst included (undefined without nginx). */
  readonly nginx?: NginxTrouble;
}

export interface NginxTrouble {
  /** Interactions nginx answered 502 or 504 itself: no instance reached, or none answered in time. */
  readonly failed: number;
  /** Times it took an instance out for fail_timeout after a failure (max_fails=1). */
  readonly takenOut: number;
}

async function troubleOf(nginx: Nginx): Promise<NginxTrouble> {
  const lines = await nginx.accessLog();
  const errors = await nginx.errorLog();
  return {
    failed: lines.filter((line) => line.method === 'POST' && (line.status === 502 || line.status === 504)).length,
    takenOut: errors.split('\n').filter((line) => line.includes('upstream server temporarily disabled')).length,
  };
}

export type InstancesBench =
  | { readonly ran: true; readonly plan: typeof INSTANCES_PLAN; readonly setups: readonly SetupResult[] }
  | { readonly ran: false; readonly why: string };

interface Running {
  readonly spec: SetupSpec;
  readonly instances: Remote<BotOps>[];
  readonly nginx: Nginx | undefined;
  nginxPids: number[];
}

/** Runs the three setups against `database`; says why not where nginx is missing. */
export async function benchInstances(
  database: BenchDatabase,
  log: (line: string) => void = () => undefined,
): Promise<InstancesBench> {
  if (!findNginx()) return { ran: false, why: 'nginx is not installed (on Debian: apt-get install nginx)' };
  const work = workload();
  const commands = definitions() as unknown as Record<string, unknown>[];
  const discord = new Remote<DiscordOps>(forkBenchProcess('./discord-process.ts', []), 'local Discord');
  const running: Running[] = [];
  const sessions = new pg.Client({ connectionString: database.url, application_name: 'policy-bot bench' });
  sessions.on('error', () => undefined);
  try {
    await sessions.connect();
    const endpoints = await discord.call('start', { names: SETUPS.map((spec) => spec.id), restRoundTripMs: 0 });
    for (const spec of SETUPS) {
      const endpoint = endpoints[spec.id];
      if (!endpoint) throw new Error(`no local Discord for ${spec.id}`);
      const schema = database.schema();
      const instances: Remote<BotOps>[] = [];
      const ports: number[] = [];
      for (let n = 0; n < spec.instances; n++) {
        const instance = new Remote<BotOps>(
          forkBenchProcess('./bot-process.ts', ['policy-http'], ['--expose-gc']),
          `${spec.id} #${n + 1}`,
        );
        instances.push(instance);
        const started = await instance.call('start', { endpoint, commands, database: { url: database.url, schema } });
        ports.push(Number(new URL(started.interactionsUrl ?? '').port));
      }
      // A burst's every interaction is a client connection and an instance connection at once.
      const nginx = spec.nginx
        ? await Nginx.start({ upstreams: ports, workerConnections: 4 * INSTANCES_PLAN.burst })
        : undefined;
      running.push({ spec, instances, nginx, nginxPids: [] });
      const url = nginx ? `${nginx.url}/interactions` : `http://127.0.0.1:${ports[0]}/interactions`;
      await discord.call('endpoint', { name: spec.id, url });
      await discord.call('prepare', { name: spec.id, people: PLAN.people, work });
      log(`${spec.label} ready`);
    }
    // nginx's workers are the master's children, there once it has started.
    for (const setup of running) if (setup.nginx?.pid) setup.nginxPids = withChildren(setup.nginx.pid);
    const backends = async (): Promise<number[]> =>
      (
        await sessions.query<{ pid: number }>(
          `SELECT pid FROM pg_stat_activity WHERE application_name LIKE 'policy-bot %' AND application_name <> 'policy-bot bench'`,
        )
      ).rows.map((row) => row.pid);

    const cpuNow = async (setup: Running, pids: readonly number[]): Promise<RunCpu> => ({
      instances: (await Promise.all(setup.instances.map((instance) => instance.call('cpu', undefined)))).reduce(
        (sum, ms) => sum + ms,
        0,
      ),
      nginx: cpuMsOf(setup.nginxPids),
      database: cpuMsOf(pids),
    });
    const measure = async (setup: Running, load: () => Promise<LoadResult>): Promise<InstancesRun> => {
      const pids = await backends();
      const before = await cpuNow(setup, pids);
      const result = await load();
      const after = await cpuNow(setup, pids);
      return {
        ...result,
        cpu: {
          instances: after.instances - before.instances,
          nginx: after.nginx - before.nginx,
          database: after.database - before.database,
        },
      };
    };
    const burst = (setup: Running): Promise<InstancesRun> =>
      measure(setup, () => discord.call('burst', { name: setup.spec.id, count: INSTANCES_PLAN.burst }));
    const paced = (setup: Running): Promise<InstancesRun> =>
      measure(setup, () =>
        discord.call(
          'paced',
          { name: setup.spec.id, perSecond: INSTANCES_PLAN.pacedPerSecond, durationMs: INSTANCES_PLAN.pacedMs },
          INSTANCES_PLAN.pacedMs + 30_000,
        ),
      );

    let step = 0;
    const inTurn = async (what: string, run: (setup: Running) => Promise<void>): Promise<void> => {
      for (let i = 0; i < running.length; i++) {
        await run(running[(i + step) % running.length]!);
        await sleep(PLAN.settleMs);
      }
      step++;
      log(what);
    };
    const results = new Map(
      running.map((setup) => [setup, { bursts: [] as InstancesRun[], paced: [] as InstancesRun[] }]),
    );
    // Cold: JIT, connection pools and nginx's keep-alive connections warm up; not counted.
    await inTurn('instances: first burst (cold)', async (setup) => void (await burst(setup)));
    for (let n = 1; n <= INSTANCES_PLAN.bursts; n++)
      await inTurn(
        `instances: burst ${n} of ${INSTANCES_PLAN.bursts}`,
        async (setup) => void results.get(setup)!.bursts.push(await burst(setup)),
      );
    for (let n = 1; n <= INSTANCES_PLAN.pacedRuns; n++)
      await inTurn(
        `instances: paced ${n} of ${INSTANCES_PLAN.pacedRuns}`,
        async (setup) => void results.get(setup)!.paced.push(await paced(setup)),
      );
    const setups: SetupResult[] = [];
    for (const setup of running)
      setups.push({
        id: setup.spec.id,
        label: setup.spec.label,
        bursts: results.get(setup)!.bursts,
        pacedRuns: results.get(setup)!.paced,
        ...(setup.nginx ? { nginx: await troubleOf(setup.nginx) } : {}),
      });
    return { ran: true, plan: INSTANCES_PLAN, setups };
  } finally {
    for (const setup of running) {
      for (const instance of setup.instances) await instance.close('stop');
      await setup.nginx?.stop();
    }
    await discord.close('stop');
    await sessions.end().catch(() => undefined);
  }
}

// Printing ------------------------------------------------------------------------------------

const f = (value: number, digits = 1): string => (Number.isFinite(value) ? value.toFixed(digits) : '–');

/** The run in the middle by `measure` (the lower middle of an even count). */
function medianBy(runs: readonly InstancesRun[], measure: (run: InstancesRun) => number): InstancesRun | undefined {
  const sorted = [...runs].sort((x, y) => measure(x) - measure(y));
  return sorted[Math.floor((sorted.length - 1) / 2)];
}
const medianBurst = (runs: readonly InstancesRun[]) => medianBy(runs, (run) => run.perSecond);
const medianPaced = (runs: readonly InstancesRun[]) => medianBy(runs, (run) => run.latency.p99);

/** CPU ms per interaction over every measured run (bursts and paced), of the processes `of` picks. */
function cpuPerInteraction(setup: SetupResult, of: (cpu: RunCpu) => number): number {
  const runs = [...setup.bursts, ...setup.pacedRuns];
  return runs.reduce((sum, run) => sum + of(run.cpu), 0) / runs.reduce((sum, run) => sum + run.sent, 0);
}

export function printInstances(result: InstancesBench, cores: number): string {
  if (!result.ran) return `Instances behind nginx: not run — ${result.why}.`;
  const { setups, plan } = result;
  const baseline = setups[0]!;
  const late = (runs: readonly InstancesRun[]): number => runs.reduce((sum, run) => sum + run.late, 0);
  const rows: { name: string; value: (setup: SetupResult) => number; digits?: number; goal?: string }[] = [
    {
      name: `burst of ${plan.burst}: interactions/s (median of ${plan.bursts})`,
      value: (s) => medianBurst(s.bursts)?.perSecond ?? NaN,
      digits: 0,
    },
    { name: 'burst: max latency (ms; that burst)', value: (s) => medianBurst(s.bursts)?.latency.max ?? NaN, digits: 0 },
    { name: 'bursts: later than 3 s', value: (s) => late(s.bursts), digits: 0, goal: 'none' },
    {
      name: `paced ${plan.pacedPerSecond}/s for ${plan.pacedMs / 1000} s: p99 (ms; the median of ${plan.pacedRuns} runs)`,
      value: (s) => medianPaced(s.pacedRuns)?.latency.p99 ?? NaN,
      digits: 2,
    },
    { name: 'paced: p50 (ms; that run)', value: (s) => medianPaced(s.pacedRuns)?.latency.p50 ?? NaN, digits: 2 },
    { name: 'paced: later than 3 s', value: (s) => late(s.pacedRuns), digits: 0, goal: 'none' },
    {
      name: 'nginx answered 502/504 itself (every run, the cold burst too)',
      value: (s) => s.nginx?.failed ?? NaN,
      digits: 0,
    },
    {
      name: 'nginx took an instance out for 10 s (times; with every one out, all is 502)',
      value: (s) => s.nginx?.takenOut ?? NaN,
      digits: 0,
    },
    {
      name: 'CPU per interaction: instances (ms)',
      value: (s) => cpuPerInteraction(s, (cpu) => cpu.instances),
      digits: 3,
    },
    { name: 'CPU per interaction: nginx (ms)', value: (s) => cpuPerInteraction(s, (cpu) => cpu.nginx), digits: 3 },
    {
      name: 'CPU per interaction: instances + nginx (ms)',
      value: (s) => cpuPerInteraction(s, (cpu) => cpu.instances + cpu.nginx),
      digits: 3,
      goal: 'two ≤ 1.15× one',
    },
    {
      name: "CPU per interaction: the database's sessions (ms; not in the sum)",
      value: (s) => cpuPerInteraction(s, (cpu) => cpu.database),
      digits: 3,
    },
  ];
  const others = setups.slice(1);
  const header = [
    'figure',
    ...setups.map((s) => s.label),
    ...others.map((s) => `${s.label} ÷ ${baseline.label}`),
    'goal',
  ];
  return [
    `Instances behind nginx (${cores} cores, shared by everything, the bench's neighbours too: noisy): policy-bot over HTTP (npm run start:http's startHttpBot), each instance a process of its own, all on one PostgreSQL (the fair-use check on the way to every answer); nginx round robin with keep-alive to the instances, the config the load-balancer tests generate. The same offered load for each setup, one setup at a time in rotating order.`,
    `CPU: user + system of the instances (process.cpuUsage) and of nginx's master and worker (/proc, 10 ms ticks), over every measured burst and paced run; the local Discord (the load) is not counted.`,
    '',
    `| ${header.join(' | ')} |`,
    `| ${header.map(() => '---').join(' | ')} |`,
    ...rows.map((row) => {
      const values = setups.map((s) => f(row.value(s), row.digits));
      const ratios = others.map((s) => `${f(row.value(s) / row.value(baseline), 2)}×`);
      return `| ${row.name} | ${[...values, ...ratios].join(' | ')} | ${row.goal ?? ''} |`;
    }),
  ].join('\n');
}
