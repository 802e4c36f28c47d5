import { action } from '@preact/signals-core';

/**
 * `createModel` without its weight: the factory's functions become actions (batched,
 * untracked), which is what keeps one click to one render. signals-core's own
 * createModel also walks nested objects and owns effects for disposal; these models
 * live as long as the page, and the 370 bytes matter in a 20 KB budget.
 */
export function createModel<A extends unknown[], T extends object>(factory: (...args: A) => T): new (...args: A) => T {
  return function (...args: A) {
    const m = factory(...args) as Record<string, unknown>;
    for (const k in m) if (typeof m[k] === 'function') m[k] = action(m[k] as (...a: unknown[]) => unknown);
    return m;
  } as unknown as new (...args: A) => T;
}
