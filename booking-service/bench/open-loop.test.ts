import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, it } from 'vitest';
import { dueOffsets, openLoop, percentile } from './open-loop.js';

it('percentile picks the nearest-rank value', () => {
  const xs = Array.from({ length: 100 }, (_, i) => i + 1);
  expect(percentile(xs, 50)).toBe(50);
  expect(percentile(xs, 99)).toBe(99);
  expect(percentile([7], 99)).toBe(7);
});

it('schedules requests evenly over the duration instead of bursting each second', () => {
  const due = dueOffsets(100, 2);
  expect(due).toHaveLength(200);
  expect(due[0]).toBe(0);
  // Every gap is the same 10 ms: no 100 ms window can hold more than 10 requests (a burst would hold 100).
  const gaps = due.slice(1).map((t, i) => t - due[i]!);
  expect(new Set(gaps)).toEqual(new Set([10]));
});

it('sends every scheduled request and counts the answers that are not 2xx', async () => {
  let hits = 0;
  const server = createServer((req, res) => {
    hits++;
    res.statusCode = hits % 4 === 0 ? 500 : 200;
    res.end('ok');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  const result = await openLoop(url, { rate: 200, durationS: 0.2 });
  server.close();
  expect(result.requests).toBe(40);
  expect(hits).toBe(40);
  expect(result.non2xx).toBe(10);
  expect(result.errors).toBe(0);
});
