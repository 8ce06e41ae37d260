/** Percentiles of timings, in milliseconds. */
export interface Latencies {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export function latencies(samples: number[]): Latencies {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? 0;
  const round = (x: number) => Math.round(x * 10) / 10;
  return { n: sorted.length, p50: round(at(50)), p95: round(at(95)), p99: round(at(99)), max: round(sorted.at(-1) ?? 0) };
}

/** Times `call` `n` times, one after another. */
export async function timed(n: number, call: (i: number) => Promise<unknown>): Promise<Latencies> {
  const samples: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await call(i);
    samples.push(performance.now() - t0);
  }
  return latencies(samples);
}
