import { describe, expect, it } from 'vitest';
import { changedFields, parseMinutesList, parseRetentionDays, RETENTION_DAYS } from './business.js';

describe('parseMinutesList (reminder schedule)', () => {
  it('reads comma- or space-separated minutes', () => {
    expect(parseMinutesList('1440, 120')).toEqual([1440, 120]);
    expect(parseMinutesList(' 60 30 ')).toEqual([60, 30]);
  });
  it('refuses anything that is not a positive whole number', () => {
    expect(parseMinutesList('1440, two hours')).toBeNull();
    expect(parseMinutesList('1.5')).toBeNull();
    expect(parseMinutesList('-10')).toBeNull();
  });
});

describe('changedFields', () => {
  it('keeps only the settings that differ, treating null and blank alike', () => {
    const current = { name: 'A', address: null, brandColor: '#111111', reminderLeadsMin: [1440, 120] };
    expect(changedFields({ name: 'A', address: '', brandColor: '#222222', reminderLeadsMin: [1440, 120] }, current)).toEqual({ brandColor: '#222222' });
    expect(changedFields({ reminderLeadsMin: [60] }, current)).toEqual({ reminderLeadsMin: [60] });
  });
});

describe('parseRetentionDays (keep chat transcripts for N days)', () => {
  it('accepts whole days from a week to three years', () => {
    expect(parseRetentionDays('7')).toBe(7);
    expect(parseRetentionDays(' 365 ')).toBe(365);
    expect(parseRetentionDays(String(RETENTION_DAYS.max))).toBe(1095);
  });
  it('refuses blanks, fractions and values outside the bounds', () => {
    for (const s of ['', '6', '1096', '30.5', 'a month', '-7']) expect(parseRetentionDays(s)).toBeNull();
  });
});
