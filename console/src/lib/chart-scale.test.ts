import { describe, expect, it } from 'vitest';
import { barLayout, change, niceScale, niceStep } from './chart-scale.js';

describe('niceScale', () => {
  it('rounds the maximum up to a 1-2-5 step', () => {
    expect(niceStep(7)).toBe(2);
    expect(niceScale([3, 7, 5])).toEqual({ max: 8, ticks: [0, 2, 4, 6, 8] });
    expect(niceScale([130]).max).toBe(150);
    expect(niceScale([0.27]).ticks).toEqual([0, 0.1, 0.2, 0.3]);
  });
  it('keeps whole-number ticks for counts', () => {
    expect(niceScale([1], 4, true)).toEqual({ max: 1, ticks: [0, 1] });
    expect(niceScale([3], 4, true).ticks).toEqual([0, 1, 2, 3]);
  });
  it('gives an empty or all-zero series a 0…1 axis', () => {
    expect(niceScale([])).toEqual({ max: 1, ticks: [0, 1] });
    expect(niceScale([0, 0]).max).toBe(1);
  });
});

describe('barLayout', () => {
  it('places bars in equal slots with heights proportional to the values', () => {
    const bars = barLayout([10, 5, 0], 300, 100, 10, 0.5);
    expect(bars.map((b) => b.height)).toEqual([100, 50, 0]);
    expect(bars.map((b) => b.y)).toEqual([0, 50, 100]);
    expect(bars.map((b) => b.x)).toEqual([25, 125, 225]);
    expect(bars[0]!.width).toBe(50);
  });
  it('caps the width of few bars and keeps them centred in their slot', () => {
    expect(barLayout([5], 400, 100, 10, 0.2, 60)[0]).toEqual({ x: 170, y: 50, width: 60, height: 50 });
  });
  it('clamps negative values at zero', () => {
    expect(barLayout([-3], 10, 10, 5)[0]!.height).toBe(0);
  });
});

describe('change', () => {
  it('is relative to the previous period', () => {
    expect(change(15, 10)).toBe(0.5);
    expect(change(5, 10)).toBe(-0.5);
  });
  it('is null when there is nothing to compare with', () => {
    expect(change(5, 0)).toBeNull();
    expect(change(0, 0)).toBe(0);
    expect(change(null, 3)).toBeNull();
  });
});
