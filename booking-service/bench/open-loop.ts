/**
 * A fixed-rate (open-loop) HTTP load generator: request i is due at t0 + i / rate, whether or not
 * earlier answers came back, and its latency is measured from that due time — so a stalled
 * server shows up as latency instead of silently lowering the rate ("coordinated omission").
 *
 * Why not autocannon's `overallRate`: it gives each connection a per-second budget refilled by a
 * 1 s timer, so every second starts with a burst of back-to-back requests on all connections and
 * then idles; the percentiles then measure queueing inside that burst, not a 200 req/s stream.
 */
import http from 'node:http';

export interface OpenLoopResult {
  requests: number;
  rps: number;
  p50: number;
  p99: number;
  max: number;
  non2xx: number;
  errors: number;
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/**
 * When each request is due, in ms after the start: evenly spaced at `rate` per second. The
 * schedule is what makes the driver open-loop; it is pure so it can be tested without timers.
 */
export function dueOffsets(rate: number, durationS: number): number[] {
  const total = Math.round(rate * durationS);
  return Array.from({ length: total }, (_, i) => (i * 1000) / rate);
}

export async function openLoop(url: string, opts: { rate: number; durationS: number; timeoutMs?: number }): Promise<OpenLoopResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
  const offsets = dueOffsets(opts.rate, opts.durationS);
  const total = offsets.length;
  const latencies: number[] = [];
  let non2xx = 0;
  let errors = 0;
  const t0 = performance.now() + 20;
  const one = (due: number) =>
    new Promise<void>((resolve) => {
      const req = http.get(url, { agent, timeout: opts.timeoutMs ?? 10_000 }, (res) => {
        res.resume();
        res.on('end', () => {
          latencies.push(performance.now() - due);
          if (res.statusCode! < 200 || res.statusCode! >= 300) non2xx++;
          resolve();
        });
      });
      req.on('timeout', () => req.destroy(new Error('timeout')));
      req.on('error', () => {
        errors++;
        resolve();
      });
    });
  const inflight: Array<Promise<void>> = [];
  for (const offset of offsets) {
    const due = t0 + offset;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    inflight.push(one(due));
  }
  await Promise.all(inflight);
  const elapsedS = (performance.now() - t0) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  return {
    requests: total,
    rps: total / elapsedS,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    max: latencies[latencies.length - 1] ?? NaN,
    non2xx,
    errors,
  };
}
