import { describe, expect, it } from 'vitest';
import { chooseCoding } from './precompressed.js';

describe('chooseCoding (Accept-Encoding)', () => {
  it('takes br over gzip when both are equally welcome, as browsers send them', () => {
    expect(chooseCoding('gzip, deflate, br, zstd')).toBe('br');
    expect(chooseCoding('br;q=1.0, gzip;q=1.0')).toBe('br');
  });
  it('follows q-values and refusals', () => {
    expect(chooseCoding('br;q=0.5, gzip')).toBe('gzip');
    expect(chooseCoding('br;q=0, gzip;q=0.1')).toBe('gzip');
    expect(chooseCoding('GZIP')).toBe('gzip');
    expect(chooseCoding('x-gzip')).toBe('gzip');
    expect(chooseCoding('gzip;q=0, br;q=0')).toBeUndefined();
  });
  it('reads * as any coding not named', () => {
    expect(chooseCoding('*')).toBe('br');
    expect(chooseCoding('br;q=0, *')).toBe('gzip');
  });
  it('sends identity when nothing usable is asked for', () => {
    expect(chooseCoding(undefined)).toBeUndefined();
    expect(chooseCoding('')).toBeUndefined();
    expect(chooseCoding('identity')).toBeUndefined();
    expect(chooseCoding('deflate')).toBeUndefined();
    expect(chooseCoding('br;q=abc')).toBeUndefined();
  });
});
