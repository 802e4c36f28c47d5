/**
 * Slot answers write instants with a memoised formatter (services/slots.ts, isoString): it must
 * give exactly Date#toISOString's text for any instant, including the extended years.
 */
import { describe, expect, it } from 'vitest';
import { isoString } from '../src/services/slots.js';
import { mulberry32 } from '../bench/random.js';

describe('isoString', () => {
  it('writes what toISOString writes', () => {
    const edges = [0, -1, -86_400_000, 1_765_213_200_000, 1_765_213_200_123, 253_402_300_799_999, 253_402_300_800_000, -62_198_755_200_001, -8.64e15, 8.64e15];
    const random = mulberry32(19);
    const spread = Array.from({ length: 20_000 }, () => Math.floor((random() - 0.5) * 2 * 8.64e15));
    // Many on a few days and a grid of times, as a search's answer is (the memos' common case).
    const grid = Array.from({ length: 5_000 }, () => 1_765_000_000_000 + Math.floor(random() * 40) * 900_000 + Math.floor(random() * 3) * 86_400_000);
    for (const ms of [...edges, ...spread, ...grid]) expect(isoString(ms)).toBe(new Date(ms).toISOString());
  });
});
