/**
 * The LISTEN/NOTIFY bus: on PGlite (in-process LISTEN/NOTIFY) always, and across two PostgreSQL
 * connections — as two service processes have — when DATABASE_URL is set.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConversationBus, ConversationSignal } from '../../ports/conversation-bus.js';
import { createTestDatabase, type TestDatabase } from '../../../test/support/db.js';
import { createNotifyBus, parseSignal, pgliteTransport, pgTransport } from './notify.js';

const signal: ConversationSignal = { businessId: 'b1', conversationId: 'c1', seq: 7, kind: 'messages' };

function waitFor(bus: ConversationBus, topic: { conversationId: string } | { businessId: string }): Promise<ConversationSignal> {
  return new Promise((resolve, reject) => {
    const t = setTimeout(() => reject(new Error('no signal within 5 s')), 5_000);
    const off = bus.subscribe(topic, (s) => {
      clearTimeout(t);
      off();
      resolve(s);
    });
  });
}

describe('signal wire form', () => {
  it('round-trips and refuses anything else', () => {
    expect(parseSignal(JSON.stringify({ b: 'b1', c: 'c1', s: 7, k: 'messages' }))).toEqual(signal);
    expect(parseSignal('not json')).toBeNull();
    expect(parseSignal(JSON.stringify({ b: 'b1', c: 'c1', s: '7', k: 'messages' }))).toBeNull();
    expect(parseSignal(JSON.stringify({ b: 'b1', c: 'c1', s: 7, k: 'delete' }))).toBeNull();
  });
});

describe('LISTEN/NOTIFY bus on PGlite', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase('pglite');
  });
  afterAll(async () => {
    await db?.close();
  });
  it('delivers a published signal to conversation and business listeners', async () => {
    const bus = await createNotifyBus(pgliteTransport(db.pglite!));
    const byConv = waitFor(bus, { conversationId: 'c1' });
    const byBiz = waitFor(bus, { businessId: 'b1' });
    await bus.publish(signal);
    expect(await byConv).toEqual(signal);
    expect(await byBiz).toEqual(signal);
    await bus.close();
  });
});

describe.runIf(process.env.DATABASE_URL)('LISTEN/NOTIFY bus on PostgreSQL', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase('postgres');
  });
  afterAll(async () => {
    await db?.close();
  });
  it('a signal published by one bus reaches the listeners of another (two processes)', async () => {
    const a = await createNotifyBus(pgTransport({ url: db.url!, pool: db.pool! }));
    const b = await createNotifyBus(pgTransport({ url: db.url!, pool: db.pool! }));
    const onB = waitFor(b, { conversationId: 'c1' });
    const onA = waitFor(a, { businessId: 'b1' });
    await a.publish(signal);
    expect(await onB).toEqual(signal);
    expect(await onA).toEqual(signal);
    await a.close();
    await b.close();
  });

  it('listens again after its connection is killed (PostgreSQL restart, failover)', async () => {
    const bus = await createNotifyBus(pgTransport({ url: db.url!, pool: db.pool!, maxBackoffMs: 200 }));
    // Kill every LISTEN connection to this database from the server side.
    const killed = await db.pool!.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'LISTEN%' AND pid <> pg_backend_pid()`);
    expect(killed.rowCount).toBeGreaterThan(0);
    const deadline = Date.now() + 10_000;
    for (;;) {
      const got = waitFor(bus, { conversationId: 'c1' }).catch(() => null);
      await bus.publish(signal);
      if ((await Promise.race([got, new Promise((r) => setTimeout(() => r(null), 300))])) !== null) break;
      if (Date.now() > deadline) throw new Error('the bus did not listen again');
    }
    await bus.close();
  });
});
