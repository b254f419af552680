import { performance } from 'node:perf_hooks';

export interface Distribution {
  readonly n: number;
  readonly p50: number;
  readonly p99: number;
  readonly max: number;
}

/** Percentiles of a sample, in the sample's unit. */
export function distribution(samples: readonly number[]): Distribution {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return { n: sorted.length, p50: at(0.5), p99: at(0.99), max: sorted.at(-1) ?? 0 };
}

/** Milliseconds taken by each call of `fn` over the inputs, `rounds` times. */
export function timeEach<T>(inputs: readonly T[], rounds: number, fn: (input: T) => unknown): number[] {
  const samples: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const input of inputs) {
      const start = performance.now();
      fn(input);
      samples.push(performance.now() - start);
    }
  }
  return samples;
}

export function fixed(value: number, digits = 3): string {
  return value.toFixed(digits);
}
