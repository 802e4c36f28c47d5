import { TRPCError } from '@trpc/server';
import { describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { zodFields } from '../trpc.js';
import { assertStorable, unstorablePaths } from './storable-input.js';

describe('unstorablePaths', () => {
  it('names NUL and lone surrogates in values and keys, at any depth; passes real text', () => {
    const found = unstorablePaths({ name: 'Анна 𝕏 \u202e', list: ['ok', 'a\u0000b'], deep: { x: { y: '\ud800' } }, ['k\udc00']: 1, n: 5, z: null });
    expect(found).toHaveLength(3);
    expect(found).toEqual(expect.arrayContaining([['list', 1], ['deep', 'x', 'y'], ['k\udc00']]));
    expect(unstorablePaths('\u0000')).toEqual([[]]);
    expect(unstorablePaths(undefined)).toEqual([]);
  });

  it('walks nesting deeper than the call stack without overflowing', () => {
    const deep = JSON.parse(`${'['.repeat(200_000)}"\\u0000"${']'.repeat(200_000)}`) as unknown;
    expect(unstorablePaths(deep)).toHaveLength(1);
  });
});

describe('assertStorable', () => {
  it('throws a BAD_REQUEST whose ZodError names every field', () => {
    try {
      assertStorable({ customer: { name: 'x\u0000' }, note: '\udfff' });
      expect.fail('should throw');
    } catch (e) {
      expect(e).toBeInstanceOf(TRPCError);
      expect((e as TRPCError).code).toBe('BAD_REQUEST');
      expect((e as TRPCError).cause).toBeInstanceOf(ZodError);
      expect(zodFields((e as TRPCError).cause as ZodError).map((f) => f.path)).toEqual(['customer.name', 'note']);
    }
    expect(() => assertStorable({ ok: 'fine' })).not.toThrow();
  });
});
