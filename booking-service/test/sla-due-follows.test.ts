/**
 * An open hand-off's SLA clock follows the owner's targets and the lead's temperature (issue 17),
 * on both databases: the due time is rewritten in the transaction of the change
 * (services/console/sla-due.ts), so the inbox clock, the escalation job and the KPI agree.
 * - the owner changes the warm target on the Business page: open hand-offs' due times move (from
 *   their start, in opening hours), the escalation moves with them; answered ones keep theirs;
 * - a lead turns hot in the chat (a time held within 48 h): its open hand-off becomes hot, due
 *   5 working minutes after it started.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, isNull } from 'drizzle-orm';
import { businesses, events, handoffs, jobs } from '../src/adapters/db/schema.js';
import { updateBusinessSettings } from '../src/services/console/business-settings.js';
import { slaOf } from '../src/services/console/sla.js';
import { dbKinds } from './support/db.js';
import { createHarness, type Harness } from './support/harness.js';
import { jobDeps, runNow } from './support/jobs.js';
import { visitor } from './support/visitor.js';

const BARBER = 'demo-barber-nyc';
const BIZ = 'biz-barber-nyc';
const MIN = 60_000;
/** Monday 2026-03-02 10:00 in New York: open. */
const MORNING = '2026-03-02T15:00:00.000Z';

describe.each(dbKinds)('SLA due times follow settings and temperature on %s', (kind) => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness(kind, { now: MORNING });
  }, 120_000);
  afterAll(async () => {
    await h?.close();
  });

  const row = async (id: string) => (await h.deps.db.select().from(handoffs).where(eq(handoffs.id, id)))[0]!;
  const pendingEscalations = async (id: string) =>
    (await h.deps.db.select().from(jobs).where(and(eq(jobs.handoffId, id), eq(jobs.kind, 'inbox.escalate'), isNull(jobs.doneAt)))).map((j) => j.runAt.toISOString());
  const clockOf = async (id: string) => {
    const [b] = await h.deps.db.select().from(businesses).where(eq(businesses.id, BIZ));
    return slaOf(await row(id), b!, h.clock.now());
  };

  it('the owner changes the warm target: open hand-offs follow from their start, the escalation moves, an answered one keeps its due time', async () => {
    h.clock.set(new Date(MORNING));
    const warm = await h.caller().handoff.request({ siteKey: BARBER, message: 'Do you cut curly hair?', contact: { name: 'Wes', email: 'wes@example.com' }, lang: 'en', intent: 'book' });
    const answered = await h.caller().handoff.request({ siteKey: BARBER, message: 'Beard trim price?', contact: { name: 'Ann', email: 'ann@example.com' }, lang: 'en', intent: 'book' });
    expect((await row(warm.id)).temperature).toBe('warm');
    expect(warm.expectedReplyBy).toBe('2026-03-02T16:00:00.000Z');
    await h.deps.db.update(handoffs).set({ firstReplyAt: new Date(Date.parse(MORNING) + 10 * MIN) }).where(eq(handoffs.id, answered.id));

    h.clock.set(new Date(Date.parse(MORNING) + 20 * MIN));
    await updateBusinessSettings(h.deps, BIZ, { slaWarmMin: 180 });
    expect((await row(warm.id)).expectedReplyBy.toISOString()).toBe('2026-03-02T18:00:00.000Z');
    expect(await clockOf(warm.id)).toMatchObject({ dueAt: '2026-03-02T18:00:00.000Z', remainingMs: 160 * MIN, breached: false });
    expect(await pendingEscalations(warm.id)).toEqual(['2026-03-02T18:00:00.000Z']);
    expect((await row(answered.id)).expectedReplyBy.toISOString()).toBe('2026-03-02T16:00:00.000Z');

    // At the old due time nothing escalates; tightened to 30 min (already past), it escalates now.
    h.clock.set(new Date('2026-03-02T16:00:00.000Z'));
    await runNow(jobDeps(h, 'outbox'), h);
    expect((await row(warm.id)).escalatedAt).toBeNull();
    await updateBusinessSettings(h.deps, BIZ, { slaWarmMin: 30 });
    expect((await row(warm.id)).expectedReplyBy.toISOString()).toBe('2026-03-02T15:30:00.000Z');
    expect(await clockOf(warm.id)).toMatchObject({ breached: true });
    await runNow(jobDeps(h, 'outbox'), h);
    expect((await row(warm.id)).escalatedAt).not.toBeNull();
    await updateBusinessSettings(h.deps, BIZ, { slaWarmMin: 60 });
  });

  it('a lead turning hot in the chat makes its open hand-off hot: due 5 working minutes after it started', async () => {
    h.clock.set(new Date('2026-03-02T17:00:00.000Z'));
    const v = visitor(h, BARBER, 'en');
    await v.send({ type: 'choose', optionId: 'intent:human' });
    await v.send({ type: 'text', text: 'Do you do kids haircuts on weekends?' });
    await v.send({ type: 'contact', name: 'Kim', contact: 'kim@example.com', consent: true });
    const [hf] = await h.deps.db.select().from(handoffs).where(eq(handoffs.conversationId, v.view.conversationId));
    expect(hf!.temperature).toBe('warm');
    expect(hf!.expectedReplyBy.toISOString()).toBe('2026-03-02T18:00:00.000Z');

    // A few minutes later they pick the nearest time: a time held within 48 h makes the lead hot.
    h.clock.set(new Date('2026-03-02T17:03:00.000Z'));
    await v.send({ type: 'choose', optionId: 'intent:book' });
    for (let i = 0; i < 6 && v.view.prompt.kind !== 'slots'; i++) {
      const p = v.view.prompt;
      if (p.kind !== 'choice') break;
      await v.send({ type: 'choose', optionId: p.options[0]!.id });
    }
    const slots = v.view.prompt;
    expect(slots.kind).toBe('slots');
    if (slots.kind !== 'slots') return;
    await v.send({ type: 'choose', optionId: slots.slots[0]!.id });
    const updated = (await h.deps.db.select().from(events).where(and(eq(events.kind, 'lead_updated'), eq(events.conversationId, v.view.conversationId)))).map((e) => e.meta as { fields: string[] });
    expect(updated.some((m) => m.fields.includes('temperature'))).toBe(true);
    const after = await row(hf!.id);
    expect(after.temperature).toBe('hot');
    expect(after.expectedReplyBy.toISOString()).toBe('2026-03-02T17:05:00.000Z');
    expect(await pendingEscalations(hf!.id)).toEqual(['2026-03-02T17:05:00.000Z']);
  });
});
