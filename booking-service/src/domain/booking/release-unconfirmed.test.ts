import { describe, expect, it } from 'vitest';
import { isReleaseDue, releaseCutoff } from './release-unconfirmed.js';

const H = 3_600_000;
const start = new Date('2026-03-04T12:00:00Z');
const at = (hBefore: number) => new Date(start.getTime() - hBefore * H);

describe('releasing unconfirmed slots', () => {
  it('is due from start − N h until the start, for a client asked before the cut-off who has not confirmed', () => {
    const c = { startsAt: start, visitorConfirmed: false, askedAt: at(24) };
    expect(releaseCutoff(start, 3)).toEqual(at(3));
    expect(isReleaseDue(c, 3, at(3.01))).toBe(false);
    expect(isReleaseDue(c, 3, at(3))).toBe(true);
    expect(isReleaseDue(c, 3, at(0.5))).toBe(true);
    expect(isReleaseDue(c, 3, start)).toBe(false);
  });

  it('never when off, confirmed, never asked, or asked only at/after the cut-off', () => {
    expect(isReleaseDue({ startsAt: start, visitorConfirmed: false, askedAt: at(24) }, null, at(1))).toBe(false);
    expect(isReleaseDue({ startsAt: start, visitorConfirmed: true, askedAt: at(24) }, 3, at(1))).toBe(false);
    expect(isReleaseDue({ startsAt: start, visitorConfirmed: false, askedAt: null }, 3, at(1))).toBe(false);
    expect(isReleaseDue({ startsAt: start, visitorConfirmed: false, askedAt: at(3) }, 3, at(1))).toBe(false);
  });
});
