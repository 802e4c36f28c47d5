import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, it } from 'vitest';
import { openLoop, percentile } from './open-loop.js';

it('percentile picks the nearest-rank value', () => {
  const xs = Array.from({ length: 100 }, (_, i) => i + 1);
  expect(percentile(xs, 50)).toBe(50);
  expect(percentile(xs, 99)).toBe(99);
  expect(percentile([7], 99)).toBe(7);
});

it('spreads requests evenly over the duration instead of bursting each second', async () => {
  const arrivals: number[] = [];
  const server = createServer((req, res) => {
    arrivals.push(performance.now());
    res.statusCode = req.url === '/fail' ? 500 : 200;
    res.end('ok');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  const result = await openLoop(url, { rate: 100, durationS: 1 });
  server.close();
  expect(result.requests).toBe(100);
  expect(result.non2xx).toBe(0);
  // Evenly spaced: no 100 ms window holds more than ~15 of the 100 requests (a burst would hold all).
  const maxIn100ms = Math.max(...arrivals.map((t) => arrivals.filter((u) => u >= t && u < t + 100).length));
  expect(maxIn100ms).toBeLessThanOrEqual(15);
});
