import { expect, it } from 'vitest';
import { explainSlowPairs, summariseSlowPairs, type PairTrace, type ServiceEvent } from './pairs-trace.js';

const pair = (due: number, id: string, reused = true): PairTrace => ({
  due,
  hold: { proc: 0, id: `${id}h`, sent: due + 1, reused, end: due + 11 },
  confirm: { proc: 1, id: `${id}c`, sent: due + 12, reused: true, end: due + 80 },
  end: due + 80,
});

it('splits a slow pair into phases and names the one that took the time', () => {
  const services: ServiceEvent[][] = [
    [{ k: 'req', id: 'ah', path: '/trpc/booking.hold', t0: 1002, dur: 8, status: 200, poolWait: 0, db: [['schedule', 1003, 3]] }],
    // The confirm's statement waited 55 ms of its 64 ms in the service.
    [{ k: 'req', id: 'ac', path: '/trpc/booking.confirm', t0: 1014, dur: 64, status: 200, poolWait: 2, db: [['confirm', 1020, 55]] }],
  ];
  const [slow] = explainSlowPairs([pair(1000, 'a')], services, { samples: [{ t: 1040, backend: 'client backend', state: 'active', waitType: 'IO', wait: 'WALSync', query: 'WITH …' }], pressure: [], benchLag: [] }, 50);
  expect(slow!.latency).toBe(80);
  expect(slow!.dominant).toBe('confirm: database');
  expect(slow!.phases).toMatchObject({ scheduler: 1, 'hold: outside service': 2, 'hold: database': 3, 'hold: service JS': 5, between: 1, 'confirm: outside service': 4, 'confirm: pool wait': 2, 'confirm: database': 55, 'confirm: service JS': 7 });
  expect(slow!.pgWaits).toEqual(['IO:WALSync']);
});

it('counts only the evidence that overlaps a slow pair, and leaves fast pairs out', () => {
  const fast: PairTrace = { due: 5000, hold: { proc: 0, id: 'fh', sent: 5001, reused: true, end: 5005 }, confirm: { proc: 1, id: 'fc', sent: 5006, reused: true, end: 5010 }, end: 5010 };
  const services: ServiceEvent[][] = [
    [
      { k: 'lag', t: 1020, dur: 30 }, // inside the slow pair
      { k: 'gc', t: 5002, dur: 20 }, // inside the fast one only
    ],
    [],
  ];
  const slow = explainSlowPairs([pair(1000, 'a', false), fast], services, { samples: [], pressure: [], benchLag: [{ t: 3000, dur: 40 }] }, 50);
  expect(slow).toHaveLength(1);
  // A request the services never recorded counts wholly as "outside the service".
  expect(slow[0]!.dominant).toBe('confirm: outside service');
  expect(summariseSlowPairs(slow)).toMatchObject({ slow: 1, withServiceLag: 1, withServiceGc: 0, withBenchLag: 0, withNewConnection: 1 });
});
