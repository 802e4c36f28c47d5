/**
 * The compact shape of a slot list (`slots.findCompact`): the same starts, ends and staff as
 * `slots.find`'s `{ start, end, staffId }[]`, in about a sixth of the bytes. Every slot of one
 * search has the service's length, starts are sorted and close together, and a few staff serve
 * them all: so one length, start-to-start gaps in seconds, and indexes into one staff list.
 *
 * @example decodeSlots({ v: 1, t0: 1772431200, len: 1800, staff: ['ana', 'bo'], at: [0, 900], by: [0, 1] })
 * // → [{ start: '2026-03-02T06:00:00.000Z', end: '2026-03-02T06:30:00.000Z', staffId: 'ana' },
 * //    { start: '2026-03-02T06:15:00.000Z', end: '2026-03-02T06:45:00.000Z', staffId: 'bo' }]
 */

/** Version 1. A reader refuses a `v` it does not know: another shape gets another number. */
export interface CompactSlots {
  v: 1;
  /** The first slot's start, epoch seconds (0 when there are no slots). */
  t0: number;
  /** Every slot's length, seconds. */
  len: number;
  /** Staff ids, each once, in order of first appearance. */
  staff: string[];
  /** Each slot's start minus the previous slot's start, seconds; the first is 0. */
  at: number[];
  /** Each slot's staff: an index into `staff`. */
  by: number[];
}

export interface SlotTriple {
  /** ISO-8601 UTC. */
  start: string;
  end: string;
  staffId: string;
}

/**
 * Encodes slots given as epoch milliseconds, sorted by start, all of length `lenMs`, on whole
 * seconds. Anything else is a programming error (the engine makes slots so), hence a throw.
 */
export function encodeSlots(slots: ReadonlyArray<{ start: number; end: number; staffId: string }>): CompactSlots {
  const first = slots[0];
  const len = first ? (first.end - first.start) / 1000 : 0;
  const staff: string[] = [];
  const index = new Map<string, number>();
  const at: number[] = [];
  const by: number[] = [];
  let previous = first?.start ?? 0;
  for (const s of slots) {
    if ((s.end - s.start) / 1000 !== len || s.start % 1000 !== 0 || s.start < previous) throw new Error(`encodeSlots: slots must be sorted, on whole seconds and of one length (${new Date(s.start).toISOString()})`);
    at.push((s.start - previous) / 1000);
    previous = s.start;
    let i = index.get(s.staffId);
    if (i === undefined) index.set(s.staffId, (i = staff.push(s.staffId) - 1));
    by.push(i);
  }
  return { v: 1, t0: first ? first.start / 1000 : 0, len, staff, at, by };
}

/** Back to `slots.find`'s shape. Throws on a version it does not know or arrays that disagree. */
export function decodeSlots(c: CompactSlots): SlotTriple[] {
  if (c.v !== 1) throw new Error(`decodeSlots: unknown version ${String(c.v)}`);
  if (c.at.length !== c.by.length) throw new Error('decodeSlots: at and by differ in length');
  const out: SlotTriple[] = [];
  let t = c.t0 * 1000;
  for (let i = 0; i < c.at.length; i++) {
    t += c.at[i]! * 1000;
    const staffId = c.staff[c.by[i]!];
    if (staffId === undefined) throw new Error(`decodeSlots: no staff at index ${c.by[i]}`);
    out.push({ start: new Date(t).toISOString(), end: new Date(t + c.len * 1000).toISOString(), staffId });
  }
  return out;
}
