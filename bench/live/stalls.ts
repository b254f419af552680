import { monitorEventLoopDelay, PerformanceObserver, type IntervalHistogram } from 'node:perf_hooks';

/** What stalled this process's event loop during one load run. */
export interface Stalls {
  /** Garbage collection pauses: how many, their sum and the longest (ms). */
  readonly gcCount: number;
  readonly gcMs: number;
  readonly gcMaxMs: number;
  /** How late a 10 ms timer fired (the 10 ms themselves taken off): the 99th percentile and the longest (ms). */
  readonly loopDelayP99Ms: number;
  readonly loopDelayMaxMs: number;
}

const RESOLUTION_MS = 10;

/** GC pauses and event-loop delay over one window. */
export class StallWatch {
  #gc: number[] = [];
  #observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) this.#gc.push(entry.duration);
  });
  #delay: IntervalHistogram | undefined;

  start(): undefined {
    this.#gc = [];
    this.#observer.observe({ entryTypes: ['gc'] });
    this.#delay = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
    this.#delay.enable();
    return undefined;
  }

  stop(): Stalls {
    this.#observer.disconnect();
    this.#delay?.disable();
    const late = (ns: number | undefined): number => Math.max(0, (ns ?? 0) / 1e6 - RESOLUTION_MS);
    const stalls = {
      gcCount: this.#gc.length,
      gcMs: this.#gc.reduce((sum, ms) => sum + ms, 0),
      gcMaxMs: Math.max(0, ...this.#gc),
      loopDelayP99Ms: late(this.#delay?.percentile(99)),
      loopDelayMaxMs: late(this.#delay?.max),
    };
    this.#delay = undefined;
    return stalls;
  }
}
