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
 *
 * Starts and ends are sorted separately, as plain numbers (a native typed-array sort, no
 * comparator calls): how many intervals cover an instant t is #(starts ≤ t) − #(ends ≤ t)
 * whichever start goes with whichever end, so the union is where that count is positive.
 */
export function toBusyTimeline(busy: readonly BusyInterval[]): BusyTimeline {
  const sortedStarts = new Float64Array(busy.length);
  const sortedEnds = new Float64Array(busy.length);
  let count = 0;
  for (const { start, end } of busy) {
    if (end > start) {
      sortedStarts[count] = start;
      sortedEnds[count] = end;
      count++;
    }
  }
  const ss = sortedStarts.subarray(0, count).sort();
  const es = sortedEnds.subarray(0, count).sort();

  // Merged intervals overwrite the sorted arrays in place: the k-th merged interval is written
  // only after at least k starts and k ends have been read.
  let length = 0;
  let depth = 0;
  let opened = 0;
  let j = 0;
  for (let i = 0; i < count; ) {
    const start = ss[i]!;
    const end = es[j]!; // j ≤ i < count while a start remains
    if (start <= end) {
      // Starts first on ties, so touching intervals merge: they block the same candidates.
      if (depth === 0) opened = start;
      depth++;
      i++;
    } else {
      depth--;
      j++;
      if (depth === 0) {
        ss[length] = opened;
        es[length] = end;
        length++;
      }
    }
  }
  if (count > 0) {
    // All starts seen: the remaining ends close the last merged interval at the latest end.
    ss[length] = opened;
    es[length] = es[count - 1]!;
    length++;
  }
  return { starts: ss.subarray(0, length), ends: es.subarray(0, length), length };
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
