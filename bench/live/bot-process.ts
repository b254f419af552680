/**
 * One bot under test, in its own process (so its RSS and CPU profile are its own):
 * `node --import tsx --expose-gc bench/live/bot-process.ts <kind>`, driven over IPC by bench/live/live.ts.
 */
import { performance } from 'node:perf_hooks';
import type { RunningBot, RunningHttpBot } from '../../src/sandbox/index.js';
import { BOT_KINDS, type BotKindName, type BotStartArgs } from './bots.js';
import { serve } from './ipc.js';
import { WindowProfiler } from './profiler.js';
import { StallWatch, type Stalls } from './stalls.js';

/** Process start → this module and the bot's modules loaded (tsx, discord.js, the corpus code). */
const bootMs = performance.now();

export interface Memory {
  /** After a full GC. */
  readonly rssMb: number;
  readonly heapUsedMb: number;
  readonly externalMb: number;
}

export type BotOps = {
  /** `interactionsUrl`: where an HTTP bot takes interactions, to save with the local Discord. */
  start: { args: BotStartArgs; result: { startupMs: number; bootMs: number; interactionsUrl?: string } };
  memory: { args: undefined; result: Memory };
  /** CPU time (user + system) used by this process so far (ms). */
  cpu: { args: undefined; result: number };
  /** Starts counting GC pauses and event-loop delay; `stallsStop` returns what was seen since. */
  stallsStart: { args: undefined; result: undefined };
  stallsStop: { args: undefined; result: Stalls };
  /** V8 CPU profile of this process between the two calls (steady state, not start-up). */
  profileStart: { args: undefined; result: undefined };
  profileStop: { args: { file: string }; result: undefined };
  stop: { args: undefined; result: undefined };
};

const name = process.argv[2] as BotKindName;
const kind = BOT_KINDS[name];
if (!kind) throw new Error(`unknown bot kind ${String(name)}`);
let bot: RunningBot | RunningHttpBot | undefined;
const profiler = new WindowProfiler();

const stalls = new StallWatch();

function collect(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  gc?.();
}

serve<BotOps>({
  async start(args) {
    const start = performance.now();
    const started = await kind.start(args);
    bot = started;
    const startupMs = performance.now() - start;
    return 'interactionsUrl' in started
      ? { startupMs, bootMs, interactionsUrl: started.interactionsUrl }
      : { startupMs, bootMs };
  },
  memory() {
    collect();
    const usage = process.memoryUsage();
    const mb = (bytes: number) => bytes / 2 ** 20;
    return { rssMb: mb(usage.rss), heapUsedMb: mb(usage.heapUsed), externalMb: mb(usage.external) };
  },
  cpu() {
    const used = process.cpuUsage();
    return (used.user + used.system) / 1000;
  },
  stallsStart: () => stalls.start(),
  stallsStop: () => stalls.stop(),
  profileStart: () => profiler.start(),
  profileStop: ({ file }) => profiler.stop(file),
  async stop() {
    await bot?.stop();
    bot = undefined;
    // Leave after answering, so --cpu-prof gets written on a clean exit.
    setTimeout(() => process.exit(0), 50);
    return undefined;
  },
});
