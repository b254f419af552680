/**
 * How long processes waited for a CPU while runnable (Linux's /proc/PID/schedstat: time on a CPU,
 * time waiting in the run queue, times scheduled). On an oversubscribed machine every wake-up —
 * a timer firing, a reply arriving — waits its turn, and that wait shows in every latency.
 */
import { readFileSync } from 'node:fs';

export interface CpuWait {
  /** ms spent runnable but waiting for a CPU. */
  readonly waitMs: number;
  /** Times the processes were put on a CPU. */
  readonly wakeUps: number;
}

/** The counters of `pid` ('self': this process's main thread, its event loop), or undefined off Linux or out of reach. */
function read(pid: number | 'self'): CpuWait | undefined {
  try {
    const [, waitNs, slices] = readFileSync(`/proc/${pid}/schedstat`, 'utf8').trim().split(/\s+/).map(Number);
    if (waitNs === undefined || slices === undefined || !Number.isFinite(waitNs)) return undefined;
    return { waitMs: waitNs / 1e6, wakeUps: slices };
  } catch {
    return undefined;
  }
}

/** Counts from now for `pids`; `stop` says how much they waited since (undefined where none could be read). */
export function watchCpuWait(pids: readonly (number | 'self')[]): { stop(): CpuWait | undefined } {
  const before = pids.map(read);
  return {
    stop() {
      let waitMs = 0;
      let wakeUps = 0;
      let read_ = false;
      pids.forEach((pid, i) => {
        const start = before[i];
        const end = read(pid);
        if (!start || !end) return;
        read_ = true;
        waitMs += end.waitMs - start.waitMs;
        wakeUps += end.wakeUps - start.wakeUps;
      });
      return read_ ? { waitMs, wakeUps } : undefined;
    },
  };
}
