/**
 * BENCH_PAIRS_TRACE=1: why a pair is slow, from evidence. The bench records each pair's client
 * side (when it was due, sent, which socket, first byte, end), each service process records its
 * side (bench/pairs-trace-service.ts), and a sampler here polls PostgreSQL's pg_stat_activity and
 * the kernel's pressure stall counters during the run. `explainSlowPairs` lines them up.
 *
 * Times are epoch ms (performance.timeOrigin + performance.now()) in every process.
 */
import { readFileSync } from 'node:fs';
import type pg from 'pg';

export const epochNow = () => performance.timeOrigin + performance.now();

export interface ClientRequestTrace {
  /** Which service process answered (index into the bench's services). */
  proc: number;
  /** The x-bench-id header: the service's record of the same request carries it. */
  id: string;
  sent: number;
  /** false when the agent opened a new TCP connection for it. */
  reused: boolean;
  end: number;
}

export interface PairTrace {
  due: number;
  hold: ClientRequestTrace;
  confirm?: ClientRequestTrace;
  end: number;
}

export type ServiceEvent =
  | { k: 'req'; id?: string; path: string; t0: number; dur: number; status: number; poolWait: number; db: Array<[string, number, number]> }
  | { k: 'lag'; t: number; dur: number }
  | { k: 'gc'; t: number; dur: number; kind?: number }
  | { k: 'loop'; p99: number; max: number };

export interface PgSample {
  t: number;
  backend: string;
  state: string | null;
  waitType: string | null;
  wait: string | null;
  query: string;
}

/** Kernel pressure stall totals (µs some task waited for CPU / IO), /proc/pressure. */
export interface PressureSample {
  t: number;
  cpu: number;
  io: number;
}

export type Phase = 'scheduler' | 'hold: outside service' | 'hold: pool wait' | 'hold: database' | 'hold: service JS' | 'between' | 'confirm: outside service' | 'confirm: pool wait' | 'confirm: database' | 'confirm: service JS';

export interface SlowPair {
  latency: number;
  phases: Record<Phase, number>;
  dominant: Phase;
  /** Evidence overlapping the pair's lifetime. */
  serviceLag: number;
  serviceGc: number;
  benchLag: number;
  newConnections: number;
  pgWaits: string[];
  cpuPressure: number;
}

function readPressure(kind: 'cpu' | 'io'): number {
  try {
    const m = /^some .*total=(\d+)/m.exec(readFileSync(`/proc/pressure/${kind}`, 'utf8'));
    return m ? Number(m[1]) : NaN;
  } catch {
    return NaN;
  }
}

/**
 * Polls every `everyMs` until stopped: the bench database's active backends with a wait event,
 * every autovacuum worker, the checkpointer / WAL writer / bgwriter when not idle, and the
 * kernel's stall counters. Also the bench process's own event-loop lateness (its scheduler).
 */
export function startSampler(client: pg.Client, everyMs = 20) {
  const samples: PgSample[] = [];
  const pressure: PressureSample[] = [];
  const benchLag: Array<{ t: number; dur: number }> = [];
  let stopped = false;
  const loop = (async () => {
    while (!stopped) {
      const t = epochNow();
      pressure.push({ t, cpu: readPressure('cpu'), io: readPressure('io') });
      const r = await client.query<{ backend: string; state: string | null; wait_type: string | null; wait: string | null; query: string }>(`
        SELECT backend_type AS backend, state, wait_event_type AS wait_type, wait_event AS wait, left(query, 60) AS query
          FROM pg_stat_activity
         WHERE pid <> pg_backend_pid()
           AND ((datname = current_database() AND state = 'active' AND wait_event IS NOT NULL)
             OR backend_type = 'autovacuum worker'
             OR (backend_type = 'checkpointer' AND wait_event IS DISTINCT FROM 'CheckpointerMain')
             OR (backend_type = 'walwriter' AND wait_event IS DISTINCT FROM 'WalWriterMain')
             OR (backend_type = 'background writer' AND wait_event NOT IN ('BgWriterMain', 'BgWriterHibernate')))`);
      for (const row of r.rows) samples.push({ t, backend: row.backend, state: row.state, waitType: row.wait_type, wait: row.wait, query: row.query });
      const wait = t + everyMs - epochNow();
      if (wait > 0) await new Promise((res) => setTimeout(res, wait));
    }
  })();
  let expected = epochNow() + 10;
  const lagTimer = setInterval(() => {
    const t = epochNow();
    if (t - expected > 5) benchLag.push({ t: expected, dur: t - expected });
    expected = t + 10;
  }, 10);
  return {
    stop: async () => {
      stopped = true;
      clearInterval(lagTimer);
      await loop;
      return { samples, pressure, benchLag };
    },
  };
}

/** Service events of one process written to its trace file, parsed. */
export function readServiceTrace(file: string): ServiceEvent[] {
  let text = '';
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return [];
  }
  return text
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as ServiceEvent);
}

const overlap = (a0: number, a1: number, b0: number, b1: number) => Math.max(0, Math.min(a1, b1) - Math.max(a0, b0));

/**
 * Splits every pair slower than `thresholdMs` into phases and lists what overlapped it. Phases:
 * the bench's scheduler (sent later than due), per request the time outside the service (client
 * and server event loops, network, connection setup: client time minus the service's own), the
 * pool wait, the statements, and the service's JS (its time minus both), and the gap between the
 * hold's answer and the confirm being sent.
 */
export function explainSlowPairs(
  pairs: readonly PairTrace[],
  services: ReadonlyArray<readonly ServiceEvent[]>,
  sampled: { samples: readonly PgSample[]; pressure: readonly PressureSample[]; benchLag: ReadonlyArray<{ t: number; dur: number }> },
  thresholdMs: number,
): SlowPair[] {
  const byId = new Map<string, Extract<ServiceEvent, { k: 'req' }>>();
  for (const events of services) for (const e of events) if (e.k === 'req' && e.id) byId.set(e.id, e);
  const split = (r: ClientRequestTrace | undefined) => {
    if (!r) return { outside: 0, pool: 0, db: 0, js: 0 };
    const s = byId.get(r.id);
    const client = r.end - r.sent;
    if (!s) return { outside: client, pool: 0, db: 0, js: 0 };
    const db = s.db.reduce((sum, [, , d]) => sum + d, 0);
    return { outside: Math.max(0, client - s.dur), pool: s.poolWait, db, js: Math.max(0, s.dur - db - s.poolWait) };
  };
  const out: SlowPair[] = [];
  for (const p of pairs) {
    const latency = p.end - p.due;
    if (latency <= thresholdMs) continue;
    const h = split(p.hold);
    const c = split(p.confirm);
    const phases: Record<Phase, number> = {
      scheduler: p.hold.sent - p.due,
      'hold: outside service': h.outside,
      'hold: pool wait': h.pool,
      'hold: database': h.db,
      'hold: service JS': h.js,
      between: p.confirm ? p.confirm.sent - p.hold.end : 0,
      'confirm: outside service': c.outside,
      'confirm: pool wait': c.pool,
      'confirm: database': c.db,
      'confirm: service JS': c.js,
    };
    const dominant = (Object.entries(phases) as Array<[Phase, number]>).reduce((a, b) => (b[1] > a[1] ? b : a))[0];
    const sum = (events: readonly ServiceEvent[], kind: 'lag' | 'gc') =>
      events.reduce((s, e) => (e.k === kind ? s + overlap(e.t, e.t + e.dur, p.due, p.end) : s), 0);
    const serviceLag = services.reduce((s, events) => s + sum(events, 'lag'), 0);
    const serviceGc = services.reduce((s, events) => s + sum(events, 'gc'), 0);
    const benchLag = sampled.benchLag.reduce((s, e) => s + overlap(e.t, e.t + e.dur, p.due, p.end), 0);
    const waits = new Set<string>();
    for (const s of sampled.samples) {
      if (s.t < p.due || s.t > p.end) continue;
      if (s.backend === 'client backend') waits.add(`${s.waitType}:${s.wait}`);
      else waits.add(`${s.backend}${s.wait ? ` (${s.wait})` : ''}${s.backend === 'autovacuum worker' ? ` ${s.query}` : ''}`);
    }
    const inside = sampled.pressure.filter((s) => s.t >= p.due - 20 && s.t <= p.end + 20);
    const cpuPressure = inside.length >= 2 ? (inside.at(-1)!.cpu - inside[0]!.cpu) / 1000 : NaN;
    out.push({
      latency,
      phases,
      dominant,
      serviceLag,
      serviceGc,
      benchLag,
      newConnections: [p.hold, p.confirm].filter((r) => r && !r.reused).length,
      pgWaits: [...waits].sort(),
      cpuPressure,
    });
  }
  return out.sort((a, b) => b.latency - a.latency);
}

/** Counts over the slow pairs: which phase dominated, and how many overlapped each kind of evidence. */
export function summariseSlowPairs(slow: readonly SlowPair[]) {
  const dominant = new Map<Phase, number>();
  for (const s of slow) dominant.set(s.dominant, (dominant.get(s.dominant) ?? 0) + 1);
  const waits = new Map<string, number>();
  for (const s of slow) for (const w of s.pgWaits) waits.set(w, (waits.get(w) ?? 0) + 1);
  return {
    slow: slow.length,
    dominant: [...dominant.entries()].sort((a, b) => b[1] - a[1]),
    withServiceLag: slow.filter((s) => s.serviceLag >= 10).length,
    withServiceGc: slow.filter((s) => s.serviceGc >= 5).length,
    withBenchLag: slow.filter((s) => s.benchLag >= 10).length,
    withNewConnection: slow.filter((s) => s.newConnections > 0).length,
    pgWaits: [...waits.entries()].sort((a, b) => b[1] - a[1]),
  };
}
