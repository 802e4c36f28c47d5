import { describe, expect, it } from 'vitest';
import { hoursProblems } from './hours-editor.js';

describe('hoursProblems', () => {
  it('accepts ordered, separate intervals', () => {
    expect(hoursProblems({ '1': [{ start: '09:00', end: '13:00' }, { start: '14:00', end: '18:00' }] })).toEqual([]);
  });
  it('names an interval that ends before it starts', () => {
    expect(hoursProblems({ '2': [{ start: '18:00', end: '09:00' }] })).toEqual(['2.0']);
  });
  it('names the later of two overlapping intervals, whatever their order', () => {
    expect(hoursProblems({ '3': [{ start: '12:00', end: '18:00' }, { start: '09:00', end: '13:00' }] })).toEqual(['3.1']);
  });
});
