import { describe, expect, it } from 'vitest';
import { slaOf } from './sla.js';

// Mon–Fri 10:00–20:00 Moscow (07:00Z–17:00Z).
const day = [{ start: '10:00', end: '20:00' }];
const BIZ = { openingHours: { '1': day, '2': day, '3': day, '4': day, '5': day }, timeZone: 'Europe/Moscow' };
const MIN = 60_000;
const due = new Date('2026-03-02T08:00:00Z'); // Monday 11:00
const open = { expectedReplyBy: due, firstReplyAt: null, closedAt: null, escalatedAt: null };

describe('slaOf', () => {
  it('runs in working time and pauses while closed', () => {
    expect(slaOf(open, BIZ, new Date('2026-03-02T07:30:00Z'))).toEqual({ dueAt: due.toISOString(), breached: false, escalated: false, remainingMs: 30 * MIN, paused: false });
    // Sunday night: closed, the whole hour is still ahead.
    expect(slaOf(open, BIZ, new Date('2026-03-01T20:00:00Z'))).toMatchObject({ remainingMs: 60 * MIN, paused: true });
  });

  it('is breached at the due instant while unanswered, and counts working time past it', () => {
    expect(slaOf(open, BIZ, due)).toMatchObject({ breached: true, remainingMs: 0 });
    // Monday 21:00 (closed): 9 working hours past due (11:00–20:00).
    expect(slaOf(open, BIZ, new Date('2026-03-02T18:00:00Z'))).toMatchObject({ breached: true, remainingMs: -9 * 60 * MIN, paused: true });
  });

  it('stops at the first reply (at the due instant is in time) or at closing unanswered', () => {
    const replied = { ...open, firstReplyAt: due };
    expect(slaOf(replied, BIZ, new Date('2026-03-05T12:00:00Z'))).toMatchObject({ breached: false, remainingMs: 0, paused: false });
    const late = { ...open, firstReplyAt: new Date(due.getTime() + 5 * MIN), escalatedAt: due };
    expect(slaOf(late, BIZ, new Date('2026-03-05T12:00:00Z'))).toMatchObject({ breached: true, escalated: true, remainingMs: -5 * MIN });
    const closed = { ...open, closedAt: new Date(due.getTime() - 10 * MIN) };
    expect(slaOf(closed, BIZ, new Date('2026-03-07T12:00:00Z'))).toMatchObject({ breached: false, remainingMs: 10 * MIN, paused: false });
  });
});
