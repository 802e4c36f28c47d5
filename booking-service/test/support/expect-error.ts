import { TRPCError } from '@trpc/server';
import { TRPCClientError } from '@trpc/client';
import { expect } from 'vitest';
import { ZodError } from 'zod';
import { zodFields } from '../../src/api/trpc.js';

export interface ErrorShape {
  code: string;
  message: string;
  data: Record<string, unknown>;
}

/** Awaits a call that must fail and returns its code, message and the formatted data. */
export async function failureOf(p: Promise<unknown>): Promise<ErrorShape> {
  try {
    await p;
  } catch (err) {
    if (err instanceof TRPCClientError) {
      const data = (err.data ?? {}) as Record<string, unknown>;
      return { code: String(data.code), message: err.message, data };
    }
    if (err instanceof TRPCError) {
      // createCaller throws the raw TRPCError: rebuild what the formatter would add.
      const cause = err.cause as { failure?: { reason: string; details?: Record<string, unknown> } } | undefined;
      const data: Record<string, unknown> = { code: err.code };
      if (cause?.failure) Object.assign(data, { reason: cause.failure.reason }, cause.failure.details);
      if (err.cause instanceof ZodError) {
        // What the HTTP error formatter sends (api/trpc.ts), so both paths are checked alike.
        const fields = zodFields(err.cause);
        data.fields = fields;
        return { code: err.code, message: `Invalid input: ${fields.map((f) => `${f.path}: ${f.message}`).join('; ')}`, data };
      }
      return { code: err.code, message: err.message, data };
    }
    throw err;
  }
  expect.fail('expected the call to fail');
}
