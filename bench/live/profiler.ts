import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';

/** A V8 CPU profile of this process over a window the benchmark chooses (not start-up). */
export class WindowProfiler {
  #session: Session | undefined;

  async start(): Promise<undefined> {
    if (this.#session) return undefined;
    const session = new Session();
    session.connect();
    await session.post('Profiler.enable');
    await session.post('Profiler.start');
    this.#session = session;
    return undefined;
  }

  /** Writes the profile (open it in Chrome DevTools or speedscope). */
  async stop(file: string): Promise<undefined> {
    const session = this.#session;
    if (!session) return undefined;
    this.#session = undefined;
    const { profile } = await session.post('Profiler.stop');
    writeFileSync(file, JSON.stringify(profile));
    session.disconnect();
    return undefined;
  }
}
