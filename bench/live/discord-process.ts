/**
 * The local Discord in its own process, so its work does not run on the bot's event loop:
 * `node --import tsx bench/live/discord-process.ts`, driven over IPC by bench/live/live.ts.
 * One LocalDiscord per bot (each bot sees only its own traffic); every latency is timed here,
 * from INTERACTION_CREATE written to the bot's socket to the callback's body read.
 */
import { performance } from 'node:perf_hooks';
import {
  LocalDiscord,
  type OptionInput,
  type SandboxStatsSnapshot,
  type SandboxUser,
  type TimedExchange,
} from '../../src/sandbox/index.js';
import { distribution, type Distribution } from '../stats.js';
import type { Endpoint } from './bots.js';
import { serve } from './ipc.js';
import { WindowProfiler } from './profiler.js';
import { StallWatch, type Stalls } from './stalls.js';

/** One slash command as people send it. */
export interface WorkItem {
  readonly name: string;
  readonly options: readonly OptionInput[];
}

export interface LoadResult {
  readonly sent: number;
  /** Interactions whose callback the local Discord accepted. */
  readonly answered: number;
  /** Delivery → callback, over the answered ones (ms). */
  readonly latency: Distribution;
  /** Later than Discord's 3 s (refused as unknown interaction) or never acknowledged. */
  readonly late: number;
  /** First INTERACTION_CREATE written → last callback read (ms). */
  readonly spanMs: number;
  readonly perSecond: number;
  /** TCP connections the local Discord accepted during the run. */
  readonly sockets: number;
  /** REST requests by route during the run. */
  readonly requests: Readonly<Record<string, number>>;
  /** CPU time (user + system) of the local Discord's process during the run (ms). */
  readonly discordCpuMs: number;
  /** What held up the local Discord's own event loop during the run. */
  readonly discordStalls: Stalls;
}

export type DiscordOps = {
  start: { args: { names: readonly string[]; restRoundTripMs: number }; result: Record<string, Endpoint> };
  /** Gives the load its people and commands (after the bots are ready: their GUILD_CREATE stays small). */
  prepare: { args: { name: string; people: number; work: readonly WorkItem[] }; result: undefined };
  roundTrips: { args: { name: string; count: number }; result: LoadResult };
  burst: { args: { name: string; count: number }; result: LoadResult };
  paced: { args: { name: string; perSecond: number; durationMs: number }; result: LoadResult };
  /** Saves an HTTP bot's interactions endpoint, checked as Discord checks it. */
  endpoint: { args: { name: string; url: string }; result: undefined };
  stats: { args: { name: string }; result: SandboxStatsSnapshot };
  profileStart: { args: undefined; result: undefined };
  profileStop: { args: { file: string }; result: undefined };
  stop: { args: undefined; result: undefined };
};

/** Past Discord's 3 s the callback is refused: wait a little longer than that, never forever. */
const EXCHANGE_TIMEOUT_MS = 4_500;
/** Paced sending stops after this long whatever happens (a bounded loop). */
const PACED_GRACE_MS = 5_000;

class Load {
  #people: SandboxUser[] = [];
  #work: readonly WorkItem[] = [];
  #next = 0;

  constructor(readonly discord: LocalDiscord) {}

  prepare(people: number, work: readonly WorkItem[]): void {
    this.#people = Array.from({ length: people }, (_, i) => this.discord.world.member(`person-${i}`));
    this.#work = work;
  }

  /** The next interaction: people and commands taken in turn, so each run sees the same mix. */
  fire(): Promise<TimedExchange> {
    const i = this.#next++;
    const item = this.#work[i % this.#work.length];
    const user = this.#people[i % this.#people.length];
    if (!item || !user) throw new Error('prepare the load first');
    return this.discord.timedCommand({
      user,
      name: item.name,
      options: item.options,
      quietMs: 0,
      timeoutMs: EXCHANGE_TIMEOUT_MS,
    });
  }

  /** Runs `send`, which fires interactions; returns once every one of them has ended. */
  async run(send: (fire: () => Promise<TimedExchange>) => Promise<void>): Promise<LoadResult> {
    this.discord.forgetExpiredInteractions();
    const before = this.discord.stats;
    const cpu = process.cpuUsage();
    const stalls = new StallWatch();
    stalls.start();
    const runs: Promise<TimedExchange>[] = [];
    await send(() => {
      const run = this.fire();
      runs.push(run);
      return run;
    });
    const exchanges = await Promise.all(runs);
    const used = process.cpuUsage(cpu);
    return {
      ...summarise(exchanges, before, this.discord.stats),
      discordCpuMs: (used.user + used.system) / 1000,
      discordStalls: stalls.stop(),
    };
  }
}

function summarise(
  exchanges: readonly TimedExchange[],
  before: SandboxStatsSnapshot,
  after: SandboxStatsSnapshot,
): Omit<LoadResult, 'discordCpuMs' | 'discordStalls'> {
  const timings = exchanges.flatMap((exchange) => (exchange.timing ? [exchange.timing] : []));
  const latencies = timings.map((timing) => timing.callbackMs);
  const first = Math.min(...timings.map((timing) => timing.deliveredAt));
  const last = Math.max(...timings.map((timing) => timing.callbackAt));
  const spanMs = timings.length > 0 ? last - first : 0;
  const requests: Record<string, number> = {};
  for (const [route, count] of Object.entries(after.requests)) {
    const delta = count - (before.requests[route] ?? 0);
    if (delta > 0) requests[route] = delta;
  }
  return {
    sent: exchanges.length,
    answered: timings.length,
    latency: distribution(latencies),
    late: exchanges.length - latencies.filter((ms) => ms <= 3000).length,
    spanMs,
    perSecond: spanMs > 0 ? (timings.length / spanMs) * 1000 : 0,
    sockets: after.sockets - before.sockets,
    requests,
  };
}

const loads = new Map<string, Load>();
const profiler = new WindowProfiler();
const load = (name: string): Load => {
  const found = loads.get(name);
  if (!found) throw new Error(`no local Discord named ${name}`);
  return found;
};

serve<DiscordOps>({
  async start({ names, restRoundTripMs }) {
    const endpoints: Record<string, Endpoint> = {};
    for (const name of names) {
      // Interactions are forgotten 10 s after creation (Discord: 15 min) so 20,000 of them stay small here.
      const discord = await LocalDiscord.start({
        webhookLifetimeMs: 10_000,
        timeoutMs: EXCHANGE_TIMEOUT_MS,
        restRoundTripMs,
      });
      loads.set(name, new Load(discord));
      endpoints[name] = {
        restApi: discord.restApi,
        token: discord.botToken,
        applicationId: discord.applicationId,
        publicKey: discord.publicKey,
      };
    }
    return endpoints;
  },
  prepare({ name, people, work }) {
    load(name).prepare(people, work);
    return undefined;
  },
  roundTrips({ name, count }) {
    return load(name).run(async (fire) => {
      for (let i = 0; i < count; i++) await fire();
    });
  },
  burst({ name, count }) {
    return load(name).run((fire) => {
      for (let i = 0; i < count; i++) void fire();
      return Promise.resolve();
    });
  },
  paced({ name, perSecond, durationMs }) {
    const total = Math.round((perSecond * durationMs) / 1000);
    return load(name).run(
      (fire) =>
        new Promise<void>((resolve) => {
          const start = performance.now();
          let sent = 0;
          const tick = (): void => {
            const elapsed = performance.now() - start;
            const due = Math.min(total, Math.floor((elapsed * perSecond) / 1000) + 1);
            for (; sent < due; sent++) void fire();
            if (sent >= total || elapsed > durationMs + PACED_GRACE_MS) resolve();
            else setTimeout(tick, 1);
          };
          tick();
        }),
    );
  },
  async endpoint({ name, url }) {
    const check = await load(name).discord.setInteractionsEndpoint(url);
    if (!check.ok) throw new Error(`the local Discord refused ${name}'s endpoint: ${check.reason}`);
    return undefined;
  },
  stats({ name }) {
    return load(name).discord.stats;
  },
  profileStart: () => profiler.start(),
  profileStop: ({ file }) => profiler.stop(file),
  async stop() {
    for (const target of loads.values()) await target.discord.stop();
    loads.clear();
    setTimeout(() => process.exit(0), 50);
    return undefined;
  },
});
