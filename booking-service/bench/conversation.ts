/**
 * Server processing of one conversation turn (issue 13: ≤ 10 ms p99, slot search excluded), in
 * process: the pure engine alone, and whole turns through `sendTurn` (load the row, run the
 * engine, write state + transcript + lead + events in one transaction) on PGlite and — with
 * DATABASE_URL — PostgreSQL. The scripted conversations never search slots (that cost is the
 * slots bench's): a price through the quote tree, free text, a language switch, a hand-off with
 * consent and the live chat after it.
 */
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { openConversation, resume, start } from '../src/domain/conversation/engine.js';
import type { ConversationView, VisitorEvent } from '../src/domain/conversation/protocol.js';
import { manualClock } from '../src/ports/clock.js';
import { seedDemo } from '../src/seed/demo.js';
import { createConfigCache } from '../src/services/config-cache.js';
import { engineContext } from '../src/services/conversation/engine-context.js';
import { sendTurn } from '../src/services/conversation/turns.js';
import type { Deps } from '../src/services/deps.js';
import { openSite } from '../src/services/site.js';
import { createTestDatabase, type DbKind } from '../test/support/db.js';
import { machineLine } from './report.js';

const TARGET_P99_MS = 10;
const CONVERSATIONS = 60;
const WARMUP = 5;
const SITE = 'demo-clinic-yerevan';

/** One visitor's turns; every one answers without a slot search. */
const SCRIPT: VisitorEvent[] = [
  { type: 'choose', optionId: 'intent:prices' },
  { type: 'choose', optionId: 'tree:filling' },
  { type: 'number', value: 1 },
  { type: 'choose', optionId: 'q:composite' },
  { type: 'choose', optionId: 'q:shallow' },
  { type: 'lang', lang: 'ru' },
  { type: 'text', text: 'а сколько стоит чистка зубов?' },
  { type: 'choose', optionId: 'intent:human' },
  { type: 'text', text: 'Можно ли прийти с ребёнком?' },
  { type: 'contact', name: 'Ани', contact: '+374 91 123456', consent: true },
  { type: 'text', text: 'Спасибо, жду ответа' },
];

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? Number.NaN;
const ms = (v: number) => `${v.toFixed(2)} ms`;

interface Stats { turns: number; p50: number; p99: number; max: number; cpuMs: number }

/** `cpuMicros`: this process's CPU time (user + system) over the timed turns. */
function stats(samples: number[], cpuMicros: number): Stats {
  const s = [...samples].sort((a, b) => a - b);
  return { turns: s.length, p50: pct(s, 0.5), p99: pct(s, 0.99), max: s.at(-1) ?? Number.NaN, cpuMs: cpuMicros / 1000 / s.length };
}

const cpuNow = () => {
  const u = process.cpuUsage();
  return u.user + u.system;
};

async function serverTurns(kind: DbKind): Promise<Stats> {
  const database = await createTestDatabase(kind);
  try {
    await seedDemo(database.db);
    const clock = manualClock('2026-03-02T06:00:00Z');
    // As in a running service: site configuration from the few-seconds cache.
    const deps: Deps = { db: database.db, clock, secret: 'bench-secret-'.padEnd(40, 'x'), publicUrl: 'http://localhost:3000', configCache: createConfigCache() };
    const samples: number[] = [];
    let cpu = 0;
    for (let c = 0; c < CONVERSATIONS + WARMUP; c++) {
      let v: ConversationView | null = null;
      const cpu0 = cpuNow();
      for (const event of SCRIPT) {
        const t0 = performance.now();
        const r = await sendTurn(deps, { siteKey: SITE, lang: 'en', after: v?.seq ?? 0, event, ...(v ? { conversationId: v.conversationId, token: v.token } : {}) }, undefined);
        const t = performance.now() - t0;
        if (!r.ok) throw new Error(`turn failed: ${r.reason}`);
        v = r.value;
        if (c >= WARMUP) samples.push(t);
      }
      if (c >= WARMUP) cpu += cpuNow() - cpu0;
      clock.advance(60_000);
    }
    return stats(samples, cpu);
  } finally {
    await database.close();
  }
}

async function engineTurns(): Promise<Stats> {
  const database = await createTestDatabase('pglite');
  try {
    await seedDemo(database.db);
    const deps: Deps = { db: database.db, clock: manualClock('2026-03-02T06:00:00Z'), secret: 'x'.repeat(40), publicUrl: 'http://localhost:3000' };
    const site = await openSite(deps, SITE, undefined);
    if (!site.ok) throw new Error(site.reason);
    const ctx = await engineContext(deps, site.value, deps.clock.now());
    const samples: number[] = [];
    let cpu = 0;
    for (let c = 0; c < 500 + 50; c++) {
      const cpu0 = cpuNow();
      let state = openConversation(ctx, 'en').state;
      for (const event of SCRIPT) {
        const t0 = performance.now();
        let out = start(state, event, ctx);
        // The one effect this script causes (the hand-off), answered at once.
        if (out.effect?.kind === 'handoff') out = resume(out.state, { kind: 'handoff', ok: true, id: 'h', expectedReplyBy: ctx.now + 3_600_000, withinOpeningHours: true }, ctx);
        const t = performance.now() - t0;
        state = out.state;
        if (c >= 50) samples.push(t);
      }
      if (c >= 50) cpu += cpuNow() - cpu0;
    }
    return stats(samples, cpu);
  } finally {
    await database.close();
  }
}

export async function runConversationBench(): Promise<string> {
  const load = loadavg().map((x) => x.toFixed(2)).join(' / ');
  const engine = await engineTurns();
  const kinds: DbKind[] = process.env.DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
  const rows: Array<[string, Stats]> = [['engine alone (pure step)', engine]];
  for (const kind of kinds) rows.push([`whole turn, ${kind === 'pglite' ? 'PGlite (embedded)' : 'PostgreSQL (loopback)'}`, await serverTurns(kind)]);
  const worst = Math.max(...rows.slice(1).map(([, s]) => s.p99));
  return [
    '## Conversation turn (server processing)',
    '',
    `Machine: ${machineLine()}; load average before the run (1/5/15 min): ${load}`,
    '',
    '| Measured | Turns | p50 | p99 | Max | CPU per turn (this process) |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
    ...rows.map(([name, s]) => `| ${name} | ${s.turns.toLocaleString('en-US')} | ${ms(s.p50)} | ${ms(s.p99)} | ${ms(s.max)} | ${ms(s.cpuMs)} |`),
    '',
    `Target: p99 ≤ ${TARGET_P99_MS} ms per turn, slot search excluded — **${worst <= TARGET_P99_MS ? 'met' : 'NOT met'}** (${ms(worst)}).`,
    '',
    `Script (${SCRIPT.length} turns per conversation, ${CONVERSATIONS} conversations after ${WARMUP} warm-up ones, one at a time): a`,
    'price through the clinic’s filling quote tree (number and choice answers, the range, the final price), a',
    'language switch, a free-text price question, a hand-off with consent (the hand-off row, its jobs',
    'and events commit in the turn) and a message in the live chat. A whole turn is `sendTurn` in',
    'process: load and check the conversation, the site config from the config cache, the engine, then',
    'one transaction writing the state (conditional on its version), the transcript, the lead and the',
    'events. HTTP and slot search are not included (see the slots.find bench). "CPU per turn" is this',
    'process’s user + system time divided by the turns (PGlite runs in it; PostgreSQL’s own work does',
    'not count): it changes little with the machine’s load, the wall-clock columns do. Run:',
    '`BENCH_ONLY=conversation npm run bench -w @frontdesk/booking-service`.',
  ].join('\n');
}
