import { fork } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { definitions } from '../../src/dispatch/index.js';
import { MAX_QUERY_LENGTH } from '../../src/search/search.js';
import { readQuestions } from '../search.js';
import type { BotOps, Memory } from './bot-process.js';
import type { Stalls } from './stalls.js';
import { BOT_KINDS, parseBotSpec, type BotSpec } from './bots.js';
import type { DiscordOps, LoadResult, WorkItem } from './discord-process.js';
import { Remote } from './ipc.js';

/** The shape of the run: every loop below is bounded by these. */
export const PLAN = {
  people: 500,
  roundTrips: 200,
  burst: 2000,
  pacedPerSecond: 500,
  pacedMs: 10_000,
  /** Paced runs per bot, taken in turn with the other bots': one noisy neighbour spoils one, not the figure. */
  pacedRuns: 3,
  /** Bursts after the paced runs (one more runs before them); RSS is compared after the first burst and after these. */
  laterBursts: 5,
  /** Pause between two runs, so a bot finishes trailing work (its own MESSAGE_CREATEs, logs). */
  settleMs: 300,
} as const;

/** A load run, with the CPU time (user + system) the bot's process used during it. */
export interface Run extends LoadResult {
  readonly botCpuMs: number;
  /** What held up the bot's event loop during the run. */
  readonly stalls: Stalls;
}

export interface BotResult {
  readonly id: string;
  readonly kind: BotSpec['kind'];
  readonly label: string;
  readonly agent: string;
  readonly transport: 'gateway' | 'http';
  readonly baseline: boolean;
  /** startBot (or the no-op start) called → ClientReady, in a fresh process. */
  readonly startupMs: number;
  /** Process start → modules loaded, before the start call. */
  readonly bootMs: number;
  /** The first burst after start-up: JIT and connection pool cold. */
  readonly firstBurst: Run;
  readonly roundTrip: Run;
  /** Every burst of `PLAN.burst` after the first one. */
  readonly bursts: readonly Run[];
  /** Every paced run, in the order run. */
  readonly pacedRuns: readonly Run[];
  /** The paced run with the median p99. */
  readonly paced: Run;
  readonly memoryFirst: Memory;
  /** After the paced runs. */
  readonly memoryMiddle: Memory;
  readonly interactionsMiddle: number;
  readonly memoryLast: Memory;
  readonly interactions: number;
}

export interface LiveBench {
  readonly plan: typeof PLAN;
  readonly restRoundTripMs: number;
  readonly workItems: number;
  readonly bots: readonly BotResult[];
}

/** /ask with every question; /quote with the ones written as phrases to find (quote and keyword kinds). */
export function workload(): WorkItem[] {
  return readQuestions()
    .filter((question) => question.q.length <= MAX_QUERY_LENGTH)
    .flatMap((question) => [
      { name: 'ask', options: [{ name: 'question', value: question.q }] },
      ...(question.kind === 'quote' || question.kind === 'keyword'
        ? [{ name: 'quote', options: [{ name: 'text', value: question.q }] }]
        : []),
    ]);
}

const here = (file: string): string => fileURLToPath(new URL(file, import.meta.url));

/** One of the bench's child processes (bench/live/*-process.ts), driven over IPC. */
export function forkBenchProcess(file: string, args: readonly string[], execArgv: readonly string[] = []) {
  // stdout → /dev/null: the bots' info logs are written, as in production, but not shown.
  return fork(here(file), [...args], {
    execArgv: ['--import', 'tsx', ...execArgv],
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
}

/**
 * The bots of a default run: the no-op bot as discord.js makes it, the same with policy-bot's
 * agent and intents (its public replies come back to it as MESSAGE_CREATE, which @mentions cost
 * policy-bot), policy-bot; and over HTTP, a no-op endpoint of node:http alone and policy-bot's.
 */
export const DEFAULT_BOTS = ['noop', 'noop-echoed', 'policy', 'noop-http', 'policy-http'] as const;

export interface LiveOptions {
  /** Bot specs (see parseBotSpec); DEFAULT_BOTS when unset. */
  readonly bots?: readonly string[];
  /** Writes a V8 CPU profile of each bot process, and of the local Discord's, into this folder: round trips, one burst and the paced runs. */
  readonly cpuProfileDir?: string;
  /** The local Discord holds each REST response this long, as a network round trip would (default 0). */
  readonly restRoundTripMs?: number;
  readonly log?: (line: string) => void;
}

/** Runs the bots side by side against local Discords in another process; see PLAN. */
export async function benchLive(options: LiveOptions = {}): Promise<LiveBench> {
  const specs = new Map((options.bots ?? DEFAULT_BOTS).map((id) => [id, parseBotSpec(id)]));
  const ids = [...specs.keys()];
  const log = options.log ?? (() => undefined);
  const work = workload();
  const commands = definitions() as unknown as Record<string, unknown>[];
  const profileDir = options.cpuProfileDir;
  const restRoundTripMs = options.restRoundTripMs ?? 0;
  if (profileDir) mkdirSync(profileDir, { recursive: true });
  const discord = new Remote<DiscordOps>(forkBenchProcess('./discord-process.ts', []), 'local Discord');
  const bots = new Map<string, Remote<BotOps>>();
  try {
    const endpoints = await discord.call('start', { names: ids, restRoundTripMs });
    const started = new Map<string, { startupMs: number; bootMs: number }>();
    for (const id of ids) {
      const bot = new Remote<BotOps>(forkBenchProcess('./bot-process.ts', [specs.get(id)!.kind], ['--expose-gc']), id);
      bots.set(id, bot);
      const endpoint = endpoints[id];
      if (!endpoint) throw new Error(`no local Discord for ${id}`);
      const start = await bot.call('start', { endpoint, commands });
      started.set(id, { startupMs: start.startupMs, bootMs: start.bootMs });
      if (start.interactionsUrl) await discord.call('endpoint', { name: id, url: start.interactionsUrl });
      await discord.call('prepare', { name: id, people: PLAN.people, work });
      log(`${id} ready`);
    }

    // Each step runs every bot in turn, in a rotating order, so the machine's noise is shared.
    let step = 0;
    const eachBot = async <T>(what: string, run: (id: string) => Promise<T>): Promise<Map<string, T>> => {
      const order = ids.map((_, i) => ids[(i + step) % ids.length]!);
      step++;
      const results = new Map<string, T>();
      for (const id of order) {
        results.set(id, await run(id));
        await sleep(PLAN.settleMs);
      }
      log(what);
      return results;
    };
    const bot = (id: string): Remote<BotOps> => bots.get(id)!;
    const count = new Map<string, number>(ids.map((id) => [id, 0]));
    /** One load run against one bot, with the bot's CPU time over it; counted towards its total. */
    const measure = async (id: string, load: () => Promise<LoadResult>): Promise<Run> => {
      const cpuBefore = await bot(id).call('cpu', undefined);
      await bot(id).call('stallsStart', undefined);
      const result = await load();
      const stalls = await bot(id).call('stallsStop', undefined);
      const botCpuMs = (await bot(id).call('cpu', undefined)) - cpuBefore;
      count.set(id, (count.get(id) ?? 0) + result.sent);
      return { ...result, botCpuMs, stalls };
    };
    const burst = (id: string) => measure(id, () => discord.call('burst', { name: id, count: PLAN.burst }));

    const firstBurst = await eachBot('first burst (cold)', (id) => burst(id));
    const memoryFirst = await eachBot('memory', (id) => bot(id).call('memory', undefined));
    if (profileDir)
      await Promise.all([
        ...ids.map((id) => bot(id).call('profileStart', undefined)),
        discord.call('profileStart', undefined),
      ]);
    const roundTrip = await eachBot('round trips', (id) =>
      measure(id, () => discord.call('roundTrips', { name: id, count: PLAN.roundTrips })),
    );
    const bursts = new Map<string, Run[]>(ids.map((id) => [id, []]));
    const burstOnce = () => eachBot('burst', async (id) => bursts.get(id)!.push(await burst(id)));
    await burstOnce();
    const pacedRuns = new Map<string, Run[]>(ids.map((id) => [id, []]));
    for (let run = 1; run <= PLAN.pacedRuns; run++) {
      await eachBot(`paced ${run} of ${PLAN.pacedRuns}`, async (id) =>
        pacedRuns
          .get(id)!
          .push(
            await measure(id, () =>
              discord.call(
                'paced',
                { name: id, perSecond: PLAN.pacedPerSecond, durationMs: PLAN.pacedMs },
                PLAN.pacedMs + 30_000,
              ),
            ),
          ),
      );
    }
    const memoryMiddle = await eachBot('memory', (id) => bot(id).call('memory', undefined));
    const countMiddle = new Map(count);
    if (profileDir) {
      await Promise.all([
        ...ids.map((id) =>
          bot(id).call('profileStop', { file: join(profileDir, `${id.replace(/[^\w-]+/g, '_')}.cpuprofile`) }),
        ),
        discord.call('profileStop', { file: join(profileDir, 'local-discord.cpuprofile') }),
      ]);
    }
    for (let i = 0; i < PLAN.laterBursts; i++) await burstOnce();
    const memoryLast = await eachBot('memory', (id) => bot(id).call('memory', undefined));

    return {
      plan: PLAN,
      restRoundTripMs,
      workItems: work.length,
      bots: ids.map((id) => ({
        id,
        kind: specs.get(id)!.kind,
        label: specs.get(id)!.label,
        agent: BOT_KINDS[specs.get(id)!.kind].agent,
        transport: BOT_KINDS[specs.get(id)!.kind].transport,
        baseline: BOT_KINDS[specs.get(id)!.kind].baseline,
        ...started.get(id)!,
        firstBurst: firstBurst.get(id)!,
        roundTrip: roundTrip.get(id)!,
        bursts: bursts.get(id)!,
        pacedRuns: pacedRuns.get(id)!,
        paced: medianBy(pacedRuns.get(id)!, (run) => run.latency.p99)!,
        memoryFirst: memoryFirst.get(id)!,
        memoryMiddle: memoryMiddle.get(id)!,
        interactionsMiddle: countMiddle.get(id) ?? 0,
        memoryLast: memoryLast.get(id)!,
        interactions: count.get(id) ?? 0,
      })),
    };
  } finally {
    for (const remote of bots.values()) await remote.close('stop');
    await discord.close('stop');
  }
}

// Printing ------------------------------------------------------------------------------------

const f = (value: number, digits = 1): string => (Number.isFinite(value) ? value.toFixed(digits) : '–');

/** The run in the middle by `measure` (the lower middle of an even count). */
function medianBy(runs: readonly Run[], measure: (run: Run) => number): Run | undefined {
  const sorted = [...runs].sort((a, b) => measure(a) - measure(b));
  return sorted[Math.floor((sorted.length - 1) / 2)];
}

/** The burst with the median rate: one burst is at the mercy of a noisy neighbour. */
export function medianBurst(bursts: readonly Run[]): Run | undefined {
  return medianBy(bursts, (run) => run.perSecond);
}

/** CPU ms per interaction over the warm runs (bursts and paced), of the bot's process or the local Discord's. */
function cpuPerInteraction(bot: BotResult, of: 'bot' | 'discord'): number {
  const runs = [...bot.bursts, ...bot.pacedRuns];
  const ms = runs.reduce((sum, run) => sum + (of === 'bot' ? run.botCpuMs : run.discordCpuMs), 0);
  return ms / runs.reduce((sum, run) => sum + run.sent, 0);
}

interface Row {
  readonly name: string;
  readonly value: (bot: BotResult) => number;
  readonly digits?: number;
  readonly goal?: string;
}

export function printLive(result: LiveBench, cores: number): string {
  const { bots, plan } = result;
  const baselines = bots.filter((bot) => bot.baseline);
  const subjects = bots.filter((bot) => !bot.baseline);
  // Each bot beside the baselines of its own transport, and policy-bot over HTTP beside itself over the gateway.
  const pairs = [
    ...subjects.flatMap((subject) =>
      baselines
        .filter((baseline) => baseline.transport === subject.transport)
        .map((baseline) => ({ subject, baseline })),
    ),
    ...subjects
      .filter((subject) => subject.transport === 'http')
      .flatMap((subject) =>
        subjects.filter((other) => other.transport === 'gateway').map((baseline) => ({ subject, baseline })),
      ),
  ];
  const per2000 = (run: Run | undefined): number => (run && run.sent > 0 ? (run.sockets * 2000) / run.sent : NaN);
  const late = (runs: readonly Run[]): number => runs.reduce((sum, run) => sum + run.late, 0);
  const rows: Row[] = [
    { name: 'start-up: start call → ready (ms)', value: (b) => b.startupMs, goal: '≤ 300 ms' },
    {
      name: `round trip p50 (ms; ${plan.roundTrips}, one at a time)`,
      value: (b) => b.roundTrip.latency.p50,
      digits: 2,
    },
    { name: 'round trip p99 (ms)', value: (b) => b.roundTrip.latency.p99, digits: 2 },
    {
      name: `first burst of ${plan.burst} after start (cold): interactions/s`,
      value: (b) => b.firstBurst.perSecond,
      digits: 0,
    },
    { name: 'first burst: max latency (ms)', value: (b) => b.firstBurst.latency.max, digits: 0 },
    { name: 'first burst: later than 3 s', value: (b) => b.firstBurst.late, digits: 0, goal: 'none' },
    {
      name: `burst of ${plan.burst}: interactions/s (median of ${bots[0]?.bursts.length ?? 0} bursts)`,
      value: (b) => medianBurst(b.bursts)?.perSecond ?? NaN,
      digits: 0,
      goal: '≥ 0.8× no-op; over HTTP ≥ 0.9× no-op HTTP',
    },
    { name: 'burst: max latency (ms; that burst)', value: (b) => medianBurst(b.bursts)?.latency.max ?? NaN, digits: 0 },
    {
      name: 'burst: max latency (ms; worst burst)',
      value: (b) => Math.max(...b.bursts.map((run) => run.latency.max)),
      digits: 0,
    },
    { name: 'bursts: later than 3 s (all but the first)', value: (b) => late(b.bursts), digits: 0, goal: 'none' },
    {
      name: `paced ${plan.pacedPerSecond}/s for ${plan.pacedMs / 1000} s, ${plan.pacedRuns} runs: p99 (ms; the median run, whose figures follow)`,
      value: (b) => b.paced.latency.p99,
      digits: 2,
      goal: '≤ 20 ms',
    },
    {
      name: 'paced: p99 (ms; the best run)',
      value: (b) => Math.min(...b.pacedRuns.map((run) => run.latency.p99)),
      digits: 2,
    },
    {
      name: 'paced: p99 (ms; the worst run)',
      value: (b) => Math.max(...b.pacedRuns.map((run) => run.latency.p99)),
      digits: 2,
    },
    { name: 'paced: p50 (ms)', value: (b) => b.paced.latency.p50, digits: 2 },
    { name: 'paced: max (ms)', value: (b) => b.paced.latency.max, digits: 1 },
    {
      name: 'paced: later than 3 s (all runs)',
      value: (b) => b.pacedRuns.reduce((sum, run) => sum + run.late, 0),
      digits: 0,
    },
    { name: 'paced: bot GC pauses (count)', value: (b) => b.paced.stalls.gcCount, digits: 0 },
    { name: 'paced: bot GC pauses (ms in all)', value: (b) => b.paced.stalls.gcMs, digits: 1 },
    { name: 'paced: bot longest GC pause (ms)', value: (b) => b.paced.stalls.gcMaxMs, digits: 1 },
    {
      name: 'paced: bot event loop, a 10 ms timer late by: p99 (ms)',
      value: (b) => b.paced.stalls.loopDelayP99Ms,
      digits: 1,
    },
    {
      name: 'paced: bot event loop, a 10 ms timer late by: max (ms)',
      value: (b) => b.paced.stalls.loopDelayMaxMs,
      digits: 1,
    },
    { name: 'paced: local Discord longest GC pause (ms)', value: (b) => b.paced.discordStalls.gcMaxMs, digits: 1 },
    {
      name: 'paced: local Discord event loop, a 10 ms timer late by: max (ms)',
      value: (b) => b.paced.discordStalls.loopDelayMaxMs,
      digits: 1,
    },
    {
      name: 'bot process CPU per interaction (ms; bursts + paced)',
      value: (b) => cpuPerInteraction(b, 'bot'),
      digits: 3,
    },
    { name: 'local Discord CPU per interaction (ms)', value: (b) => cpuPerInteraction(b, 'discord'), digits: 3 },
    { name: 'new TCP connections per 2000 replies: first burst', value: (b) => per2000(b.firstBurst), digits: 0 },
    {
      name: 'new TCP connections per 2000 replies: later bursts',
      value: (b) => per2000(medianBurst(b.bursts)),
      digits: 0,
    },
    { name: 'new TCP connections per 2000 replies: paced', value: (b) => per2000(b.paced), digits: 0 },
    { name: `RSS after first ${plan.burst} (MB, after GC)`, value: (b) => b.memoryFirst.rssMb },
    {
      name: `RSS after the paced runs, ${bots[0]?.interactionsMiddle ?? 0} (MB, after GC)`,
      value: (b) => b.memoryMiddle.rssMb,
    },
    { name: `RSS at the end, ${bots[0]?.interactions ?? 0} (MB, after GC)`, value: (b) => b.memoryLast.rssMb },
    {
      name: `RSS growth from first ${plan.burst} (%)`,
      value: (b) => ((b.memoryLast.rssMb - b.memoryFirst.rssMb) / b.memoryFirst.rssMb) * 100,
      goal: '≤ 10 %',
    },
    { name: `heap used after first ${plan.burst} (MB, after GC)`, value: (b) => b.memoryFirst.heapUsedMb },
    { name: `heap used at the end (MB, after GC)`, value: (b) => b.memoryLast.heapUsedMb },
  ];
  const header = [
    'figure',
    ...bots.map((bot) => bot.label),
    ...pairs.map(({ subject, baseline }) => `${subject.label} ÷ ${baseline.label}`),
    'goal',
  ];
  const lines = [
    `Live (${cores} cores, shared by everything): the local Discord in one process, each bot in its own; one bot loaded at a time, in rotating order.`,
    `Latency: INTERACTION_CREATE written to the bot's socket (over HTTP: the signed POST sent) → callback body (over HTTP: the response) read, timed in the local Discord's process.`,
    result.restRoundTripMs > 0
      ? `Network: each REST response held ${result.restRoundTripMs} ms before it is written (--rtt), as a round trip to Discord holds the connection; the latencies below do not include it.`
      : 'Network: none (127.0.0.1); --rtt MS holds each REST response as a round trip to Discord would.',
    `Load: ${plan.people} people; ${result.workItems} /ask and /quote commands from the evaluation questions, taken in turn; ${bots[0]?.interactions ?? 0} interactions per bot.`,
    ...bots.map((bot) => `- ${bot.label}: REST agent = ${bot.agent}`),
    '',
    `| ${header.join(' | ')} |`,
    `| ${header.map(() => '---').join(' | ')} |`,
    ...rows.map((row) => {
      const values = bots.map((bot) => f(row.value(bot), row.digits));
      const ratios = pairs.map(({ subject, baseline }) => `${f(row.value(subject) / row.value(baseline), 2)}×`);
      return `| ${row.name} | ${[...values, ...ratios].join(' | ')} | ${row.goal ?? ''} |`;
    }),
    '',
    'REST requests per interaction (median burst):',
    ...bots.map((bot) => {
      const run = medianBurst(bot.bursts);
      const routes = run ? Object.entries(run.requests).map(([route, n]) => `${route} ${f(n / run.sent, 2)}`) : [];
      return `- ${bot.label}: ${routes.join(', ') || 'none'}`;
    }),
    `Start-up of policy-bot = startBot(): corpus load and verbatim check, settings store (SQLite) open, search index build, client and dispatcher, PUT of ${definitions().length} command definitions (local Discord only), gateway login (GET /gateway/bot, HELLO, IDENTIFY, READY, GUILD_CREATE). No-op bot: client, the same PUT, login. Over HTTP, startHttpBot(): the same up to the PUT, then listening; no-op endpoint: the PUT, listening. Not counted: process boot and module loading (${bots.map((b) => `${b.label} ${f(b.bootMs, 0)} ms`).join(', ')}).`,
  ];
  return lines.join('\n');
}
