/**
 * PostgreSQL text and jsonb cannot hold U+0000, and a lone UTF-16 surrogate is either refused
 * (jsonb) or silently mangled to U+FFFD (text). The console's inputs end up in both, through
 * many schemas (ids, names, localized texts, quote trees), so they are refused once, at the
 * door, for every console procedure, naming each field — rather than failing in SQL as a 500
 * (found by test/console-fuzz.test.ts). The public API does the same per field (api/inputs.ts).
 */
import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { NOT_STORABLE, storable } from '../inputs.js';

/** More than a person ever gets wrong at once; bounds the error message, not the walk. */
const MAX_REPORTED = 20;

interface Step {
  value: unknown;
  key: string | number | undefined;
  parent: Step | undefined;
}
const pathOf = (s: Step): Array<string | number> => {
  const path: Array<string | number> = [];
  for (let at: Step | undefined = s; at?.parent; at = at.parent) path.push(at.key!);
  return path.reverse();
};

/** Paths (as zod would name them) of the strings and keys in `input` that cannot be stored. */
export function unstorablePaths(input: unknown): Array<Array<string | number>> {
  const found: Array<Array<string | number>> = [];
  // Iterative, with parent links instead of copied paths: a 256 KB body can nest ~100,000
  // levels, deeper than the call stack, and copying paths per level would be quadratic.
  const stack: Step[] = [{ value: input, key: undefined, parent: undefined }];
  while (stack.length > 0 && found.length < MAX_REPORTED) {
    const step = stack.pop()!;
    const v = step.value;
    if (typeof v === 'string') {
      if (!storable(v)) found.push(pathOf(step));
    } else if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push({ value: v[i], key: i, parent: step });
    } else if (v !== null && typeof v === 'object') {
      for (const [k, x] of Object.entries(v).reverse()) {
        if (!storable(k)) found.push([...pathOf(step), k]);
        else stack.push({ value: x, key: k, parent: step });
      }
    }
  }
  return found;
}

/** A BAD_REQUEST carrying a ZodError, so the console's error formatter lists data.fields as for any validation failure. */
export function assertStorable(input: unknown): void {
  const paths = unstorablePaths(input);
  if (paths.length === 0) return;
  const { error } = z
    .unknown()
    .superRefine((_v, ctx) => {
      for (const path of paths) ctx.addIssue({ code: 'custom', path, message: NOT_STORABLE });
    })
    .safeParse(undefined);
  throw new TRPCError({ code: 'BAD_REQUEST', message: NOT_STORABLE, cause: error });
}
