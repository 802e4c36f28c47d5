import { describe, expect, it } from 'vitest';
import { formatDuration, remainingAt, slaState } from './sla.js';

const base = { remainingMs: 300_000, paused: false, breached: false, answered: false };

describe('formatDuration', () => {
  it('shows minutes and seconds under an hour', () => {
    expect(formatDuration(299_999)).toBe('4:59');
    expect(formatDuration(0)).toBe('0:00');
  });
  it('adds hours and days only when needed', () => {
    expect(formatDuration(3_723_000)).toBe('1:02:03');
    expect(formatDuration(2 * 86_400_000 + 3 * 3_600_000)).toBe('2 d 03:00:00');
  });
  it('formats overdue time by its magnitude', () => {
    expect(formatDuration(-12_000)).toBe('0:12');
  });
});

describe('remainingAt', () => {
  it('counts down with elapsed time', () => {
    expect(remainingAt(base, 1000)).toBe(299_000);
    expect(remainingAt(base, 301_000)).toBe(-1000);
  });
  it('stands still while paused or answered', () => {
    expect(remainingAt({ ...base, paused: true }, 60_000)).toBe(300_000);
    expect(remainingAt({ ...base, answered: true }, 60_000)).toBe(300_000);
  });
});

describe('slaState', () => {
  it('is overdue once the time is negative or the server says breached', () => {
    expect(slaState(base, -1)).toBe('overdue');
    expect(slaState({ ...base, breached: true }, 10)).toBe('overdue');
  });
  it('marks the last five minutes as soon, earlier as running', () => {
    expect(slaState(base, 299_000)).toBe('soon');
    expect(slaState(base, 3_600_000)).toBe('running');
  });
  it('reports paused and stopped clocks', () => {
    expect(slaState({ ...base, paused: true }, 100_000)).toBe('paused');
    expect(slaState({ ...base, answered: true }, -5)).toBe('stopped');
  });
});
