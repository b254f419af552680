/**
 * SQLite's own busy_timeout waits for a lock by sleeping on the calling thread, which is the
 * bot's only one: every answer would wait with it. The file is opened with no busy timeout, and a
 * write that finds it locked is tried again from a timer instead, so answers go on meanwhile.
 */
import { setTimeout as delay } from 'node:timers/promises';
import { SettingsStoreError } from './errors.js';

const FIRST_RETRY_MS = 2;
const LONGEST_RETRY_MS = 50;

/**
 * Runs `attempt` until it succeeds, fails other than 'busy', or `patienceMs` have passed; the
 * last try is made once the time is up, so a lock released just in time is still taken.
 */
export async function retryWhileBusy<T>(attempt: () => T, patienceMs: number): Promise<T> {
  const giveUpAt = performance.now() + patienceMs;
  for (let wait = FIRST_RETRY_MS; ; wait = Math.min(wait * 2, LONGEST_RETRY_MS)) {
    try {
      return attempt();
    } catch (error) {
      const left = giveUpAt - performance.now();
      if (!(error instanceof SettingsStoreError) || error.kind !== 'busy' || left <= 0) throw error;
      await delay(Math.min(wait, left));
    }
  }
}
