import { describe, expect, it } from 'vitest';
import { decideSend, planFollowUps, type LeadFacts } from './plan.js';
import { afterQuietHours, isQuiet } from './quiet-hours.js';
import { DEFAULT_FOLLOW_UP_SETTINGS as S, readFollowUpSettings } from './settings.js';
import { followUpText, textError } from './texts.js';
import { saysNotInterested } from '../intent/short-replies.js';

const H = 3_600_000;
const D = 24 * H;
const MSK = 'Europe/Moscow';
/** Monday 2026-03-02 12:00 in Moscow (09:00Z): well outside the 21:00–09:00 quiet hours. */
const NOON = Date.parse('2026-03-02T09:00:00Z');
const lead: LeadFacts = { reachable: true, outcome: null, status: 'bot', midFlow: false, quoted: false, qualified: true };

describe('planFollowUps', () => {
  it('a silent qualified lead: day 1, day 3, day 7, then nothing', () => {
    expect(planFollowUps(lead, S, NOON, MSK)).toEqual([
      { sequence: 'silent', step: 0, dueAt: NOON + D },
      { sequence: 'silent', step: 1, dueAt: NOON + 3 * D },
      { sequence: 'silent', step: 2, dueAt: NOON + 7 * D },
    ]);
  });

  it('a quote not booked: 4 h and the next day, instead of the silent sequence; a flow stopped mid-way adds one nudge', () => {
    expect(planFollowUps({ ...lead, quoted: true, midFlow: true }, S, NOON, MSK)).toEqual([
      { sequence: 'nudge', step: 0, dueAt: NOON + 30 * 60_000 },
      { sequence: 'quote', step: 0, dueAt: NOON + 4 * H },
      { sequence: 'quote', step: 1, dueAt: NOON + D },
    ]);
  });

  it('the nudge delay is the owner’s (30–60 min); a sequence switched off is not planned', () => {
    const s = readFollowUpSettings({ nudge: { on: true, delayMin: 55 }, silent: { on: false } });
    expect(planFollowUps({ ...lead, midFlow: true }, s, NOON, MSK)).toEqual([{ sequence: 'nudge', step: 0, dueAt: NOON + 55 * 60_000 }]);
    // Out of range is the default, not an error at send time.
    expect(readFollowUpSettings({ nudge: { on: true, delayMin: 5 } }).nudge.delayMin).toBe(30);
  });

  it('no contact, booked, not interested or closed: nothing at all', () => {
    for (const f of [{ reachable: false }, { outcome: 'booked' }, { outcome: 'not_interested' }, { status: 'closed' }] as const) {
      expect(planFollowUps({ ...lead, midFlow: true, ...f }, S, NOON, MSK)).toEqual([]);
    }
    // Asked for a person and went quiet: still a lead to bring back.
    expect(planFollowUps({ ...lead, outcome: 'handed_off', status: 'waiting' }, S, NOON, MSK)).toHaveLength(3);
  });

  it('a follow-up due in quiet hours waits for their end in the client’s zone', () => {
    // 19:00 Moscow + 4 h = 23:00 → 09:00 next morning Moscow (06:00Z).
    const evening = Date.parse('2026-03-02T16:00:00Z');
    const [first, second] = planFollowUps({ ...lead, quoted: true }, S, evening, MSK);
    expect(new Date(first!.dueAt).toISOString()).toBe('2026-03-03T06:00:00.000Z');
    expect(new Date(second!.dueAt).toISOString()).toBe('2026-03-03T16:00:00.000Z');
  });
});

describe('quiet hours', () => {
  const q = { from: '21:00', to: '09:00' };
  it('cross midnight; the small hours end the same day, the evening the next', () => {
    expect(isQuiet(Date.parse('2026-03-02T20:59:00Z'), 'UTC', q)).toBe(false);
    expect(isQuiet(Date.parse('2026-03-02T21:00:00Z'), 'UTC', q)).toBe(true);
    expect(new Date(afterQuietHours(Date.parse('2026-03-02T23:30:00Z'), 'UTC', q)).toISOString()).toBe('2026-03-03T09:00:00.000Z');
    expect(new Date(afterQuietHours(Date.parse('2026-03-03T03:00:00Z'), 'UTC', q)).toISOString()).toBe('2026-03-03T09:00:00.000Z');
    expect(afterQuietHours(Date.parse('2026-03-03T09:00:00Z'), 'UTC', q)).toBe(Date.parse('2026-03-03T09:00:00Z'));
  });
  it('follow local clocks across DST (New York, 8 March 2026)', () => {
    // 23:00 EST on 7 March → 09:00 EDT on 8 March = 13:00Z.
    expect(new Date(afterQuietHours(Date.parse('2026-03-08T04:00:00Z'), 'America/New_York', q)).toISOString()).toBe('2026-03-08T13:00:00.000Z');
  });
  it('off = any time', () => {
    expect(isQuiet(Date.parse('2026-03-02T23:00:00Z'), 'UTC', null)).toBe(false);
    expect(readFollowUpSettings({ quietHours: null }).quietHours).toBeNull();
  });
});

describe('decideSend (when the job runs)', () => {
  const f = { ...lead, lastVisitorAt: NOON };
  const due = { sequence: 'silent' as const, scheduledAt: NOON };
  it('sends when nothing changed', () => {
    expect(decideSend(f, due, S, NOON + D, MSK)).toEqual({ send: true });
  });
  it('a reply, a booking, "not interested" or the sequence switched off stop it', () => {
    expect(decideSend({ ...f, lastVisitorAt: NOON + H }, due, S, NOON + D, MSK)).toEqual({ send: false, skip: 'replied' });
    expect(decideSend({ ...f, outcome: 'booked' }, due, S, NOON + D, MSK)).toEqual({ send: false, skip: 'booked' });
    expect(decideSend({ ...f, outcome: 'not_interested', status: 'closed' }, due, S, NOON + D, MSK)).toEqual({ send: false, skip: 'not_interested' });
    expect(decideSend(f, due, readFollowUpSettings({ silent: { on: false } }), NOON + D, MSK)).toEqual({ send: false, skip: 'off' });
  });
  it('a late run inside quiet hours waits for their end', () => {
    expect(decideSend(f, due, S, Date.parse('2026-03-02T20:00:00Z'), MSK)).toEqual({ send: false, later: Date.parse('2026-03-03T06:00:00Z') });
  });
});

describe('texts', () => {
  it('ship in en, ru and hy; each carries a "not interested" the chat understands', () => {
    for (const lang of ['en', 'ru', 'hy'] as const) {
      const t = followUpText(S, 'quote', lang, { name: 'Ann', business: 'Salon', quote: 'Haircut, 1 500 ₽' });
      expect(t).toContain('Ann');
      expect(t).toContain('Haircut, 1 500 ₽');
      const phrase = /[«“]([^»”]+)[»”]/.exec(t.split('\n').at(-1)!)![1]!;
      expect(saysNotInterested(phrase)).toBe(true);
    }
  });
  it('the owner’s text wins; a broken one is refused when saved and never stops a send', () => {
    const s = readFollowUpSettings({ texts: { nudge: { en: 'Hi {name}, still there? {question}' } } });
    expect(followUpText(s, 'nudge', 'en', { name: 'Bo', business: 'B', question: 'Which day?' })).toMatch(/^Hi Bo, still there\? Which day\?/);
    expect(textError('Hi {name', 'en')).not.toBeNull();
    expect(textError('Hi {name}', 'en')).toBeNull();
    const broken = readFollowUpSettings({ texts: { nudge: { en: 'Hi {name' } } });
    expect(followUpText(broken, 'nudge', 'en', { name: 'Bo', business: 'B', question: 'Q?' })).toContain('Are you still there, Bo?');
  });
});
