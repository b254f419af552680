/**
 * CPU time (user + system) of processes the bench did not start through node (nginx's master and
 * its workers, the database's sessions), read from Linux's /proc/PID/stat.
 */
import { readdirSync, readFileSync } from 'node:fs';

/** Clock ticks a second (USER_HZ): 100 on every Linux the bench runs on. */
const TICKS_PER_SECOND = 100;

/** The fields after the command name, which may itself hold spaces and parentheses. */
function statFields(pid: number): string[] | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return undefined;
  }
}

/** CPU ms used so far by `pid` itself (0 once it is gone or off Linux). */
export function processCpuMs(pid: number): number {
  const fields = statFields(pid);
  // utime and stime: the 14th and 15th fields of the line, the 12th and 13th after the name.
  if (!fields) return 0;
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
}

/** `pid` and its children (nginx's workers are the master's). */
export function withChildren(pid: number): number[] {
  const children: number[] = [];
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return [pid];
  }
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    if (Number(statFields(Number(entry))?.[1]) === pid) children.push(Number(entry));
  }
  return [pid, ...children];
}

/** The CPU ms `pids` used together so far. */
export function cpuMsOf(pids: readonly number[]): number {
  return pids.reduce((sum, pid) => sum + processCpuMs(pid), 0);
}
