/**
 * No empty windows (issue 19): salons lose money to gaps between bookings too short for the
 * service asked for. Besides the step grid, the engine may offer the time right after a busy
 * interval when the grid would leave such a gap.
 */
import { firstEndingAfter, type BusyTimeline } from './busy-timeline.js';

/** Slot rules converted to ms once per search. */
export interface Spans {
  duration: number;
  before: number;
  after: number;
  step: number;
}

/**
 * No empty windows. After each busy interval ending inside the range, the first instant this
 * service could start is a = end + bufferBefore. When a is off the grid, the grid's next start g
 * leaves the time [a, g) idle; if that gap is shorter than what this service occupies (buffers
 * included), or g is not free at all, nobody can book into it with this service, so a is offered
 * too (if it is free). Merges those starts into `starts` from index `first` (the range's grid
 * starts), keeping them sorted.
 */
export function addGapFillers(
  from: number,
  to: number,
  spans: Spans,
  earliest: number,
  latest: number,
  busy: BusyTimeline,
  starts: number[],
  first: number,
): void {
  const { duration, before, after, step } = spans;
  const need = before + duration + after;
  const last = Math.min(to - duration, latest);
  let fillers: number[] | undefined;
  // Busy intervals are disjoint and sorted, so a's occupied range starts where interval j ends
  // and only interval j + 1 can block it (or the grid start after it).
  for (let j = firstEndingAfter(busy, from - before); j < busy.length; j++) {
    const a = busy.ends[j]! + before;
    if (a > last) break;
    const offGrid = (a - from) % step;
    if (a < earliest || offGrid === 0) continue;
    const nextBusy = j + 1 < busy.length ? busy.starts[j + 1]! : Number.POSITIVE_INFINITY;
    if (a + duration + after > nextBusy) continue;
    const g = a - offGrid + step;
    const gridFree = g <= last && g + duration + after <= nextBusy;
    if (gridFree && g - a >= need) continue;
    (fillers ??= []).push(a);
  }
  if (fillers === undefined) return;
  const grid = starts.splice(first);
  let i = 0;
  let k = 0;
  while (i < grid.length || k < fillers.length) {
    if (k >= fillers.length || (i < grid.length && grid[i]! < fillers[k]!)) starts.push(grid[i++]!);
    else starts.push(fillers[k++]!);
  }
}

