/**
 * A staff member's busy time, sorted and merged once per call so that candidate starts can be
 * checked by sweeping a pointer forward instead of scanning every busy interval per candidate.
 */
import type { BusyInterval } from './types.js';

/**
 * Disjoint, non-touching busy intervals sorted by start: [starts[i], ends[i]) in epoch ms.
 * Because they are disjoint, ends are sorted too. Typed arrays keep the sweep free of property
 * lookups on caller objects of whatever shape.
 */
export interface BusyTimeline {
  readonly starts: Float64Array;
  readonly ends: Float64Array;
  readonly length: number;
}

/**
 * Sorts and merges busy intervals (any order, overlapping or not). Empty or reversed ones
 * (start ≥ end) contain no instant, so they block nothing and are dropped.
 */
export function toBusyTimeline(busy: readonly BusyInterval[]): BusyTimeline {
  const sorted = busy.filter((b) => b.end > b.start).sort((a, b) => a.start - b.start);
  const starts = new Float64Array(sorted.length);
  const ends = new Float64Array(sorted.length);
  let length = 0;
  let lastEnd = Number.NEGATIVE_INFINITY;
  for (const { start, end } of sorted) {
    if (start <= lastEnd) {
      // Overlapping or touching the previous one: half-open intervals that touch block the same
      // candidates as their union.
      if (end > lastEnd) ends[length - 1] = lastEnd = end;
    } else {
      starts[length] = start;
      ends[length] = lastEnd = end;
      length++;
    }
  }
  return { starts: starts.subarray(0, length), ends: ends.subarray(0, length), length };
}

/** Index of the first busy interval that ends after `instant` (length if none). */
export function firstEndingAfter(timeline: BusyTimeline, instant: number): number {
  let lo = 0;
  let hi = timeline.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((timeline.ends[mid] ?? Number.POSITIVE_INFINITY) <= instant) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
