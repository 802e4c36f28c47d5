/**
 * Waits for something another process, timer or worker makes true: polls `probe` until it gives
 * a value that is neither `undefined` nor `false`, and returns it; fails naming `what` after
 * `timeoutMs`. A deadline, not a timing assertion: tests stay correct on a slow, loaded machine.
 */
export async function until<T>(what: string, probe: () => T | undefined | false | Promise<T | undefined | false>, { timeoutMs = 10_000, everyMs = 5 } = {}): Promise<T> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v !== undefined && v !== false) return v;
    if (performance.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
