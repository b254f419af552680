/**
 * `npm run start:sharded` as an operator runs it, one manager a machine: the child process (the
 * ShardingManager) with its shard processes, every JSON line they wrote, and its stderr.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** One pino line as the bot wrote it. */
export interface ShardLogLine {
  readonly level: number;
  readonly msg?: string;
  readonly [field: string]: unknown;
}

export interface Exit {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
}

export interface ShardedBot {
  readonly child: ChildProcess;
  readonly logs: ShardLogLine[];
  readonly stderr: () => string;
  readonly exited: Promise<Exit>;
}

const root = fileURLToPath(new URL('../../', import.meta.url));

/** The test's environment without any of the bot's settings, plus `settings`. */
export function botEnv(settings: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (!/^(DISCORD_|GUILD_ID$|DATA_DIR$|LOG_LEVEL$|SANDBOX_|SHARD|DATABASE_)/.test(name)) env[name] = value;
  }
  return { ...env, ...settings };
}

export function startSharded(env: NodeJS.ProcessEnv): ShardedBot {
  // Its own process group, so that cleanup can reach the shard processes even if the manager is stuck.
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main/sharded.ts'], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  const logs: ShardLogLine[] = [];
  let pending = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    pending += chunk.toString();
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) {
      try {
        logs.push(JSON.parse(line) as ShardLogLine);
      } catch {
        logs.push({ level: 0, msg: line });
      }
    }
  });
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  // 'close', not 'exit': by then every line the shards wrote into the shared stdout has been read.
  const exited = new Promise<Exit>((resolve) => child.once('close', (code, signal) => resolve({ code, signal })));
  return { child, logs, stderr: () => stderr, exited };
}

export function linesOf(bot: ShardedBot, msg: string, since = 0): ShardLogLine[] {
  return bot.logs.slice(since).filter((line) => line.msg === msg);
}

/** Checks `condition` every `intervalMs` until it holds or `tries` checks have failed. */
export async function polled(condition: () => boolean, tries: number, intervalMs: number): Promise<boolean> {
  for (let i = 0; i < tries; i++) {
    if (condition()) return true;
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
  return condition();
}

/** Resolves once the manager and each of `shards` say they are ready (after log line `since`); throws if it exits first. */
export async function whenShardsReady(bot: ShardedBot, shards: readonly number[], since = 0): Promise<void> {
  // The manager hears "ready" over IPC, possibly before the shard's own "ready" line reaches stdout: wait for both.
  const ready = (): boolean => {
    const own = new Set(linesOf(bot, 'ready', since).map((line) => line['shard']));
    return linesOf(bot, 'all shards ready', since).length > 0 && shards.every((shard) => own.has(shard));
  };
  // A bound on a loaded 2-core machine's start, never an expectation: 120 s.
  const started = await polled(() => ready() || bot.child.exitCode !== null, 1_200, 100);
  if (!started || bot.child.exitCode !== null)
    throw new Error(`the sharded bot did not start:\n${bot.stderr()}\n${JSON.stringify(bot.logs.slice(-20))}`);
}

/** SIGTERM, and the exit that follows (within 90 s, or a failure naming what did not happen). */
export async function stopSharded(bot: ShardedBot): Promise<Exit> {
  bot.child.kill('SIGTERM');
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>(
    (_, reject) => (timer = setTimeout(() => reject(new Error('no exit 90 s after SIGTERM')), 90_000)),
  );
  return Promise.race([bot.exited, limit]).finally(() => clearTimeout(timer));
}

/** Kills whatever is left of a run (the manager and its shards, one process group). */
export function killGroup(bot: ShardedBot | undefined): void {
  if (!bot?.child.pid || bot.child.exitCode !== null || bot.child.signalCode !== null) return;
  try {
    process.kill(-bot.child.pid, 'SIGKILL');
  } catch {
    // Already gone.
  }
}
