/**
 * Removing one person's values from stored JSON (webhook bodies, job payloads, idempotent API
 * answers, event meta) without knowing each shape: every string is looked at. A contact (e-mail,
 * phone) is removed wherever it appears inside a string; a name only where it is the whole value,
 * so erasing "Ann" does not touch "Annual check-up". Keys are kept: receivers' logs stay readable.
 */
export interface Needles {
  /** E-mails and phones, matched inside strings (case-insensitive). */
  contacts: readonly string[];
  /** Names, matched as whole values (trimmed, case-insensitive). */
  names: readonly string[];
}

export const REDACTED = '[erased]';

/** The value with the person's strings replaced by REDACTED; the same reference when nothing matched. */
export function redactJson(value: unknown, n: Needles): unknown {
  const contacts = n.contacts.filter((c) => c.length > 0).map((c) => c.toLowerCase());
  const names = new Set(n.names.map((x) => x.trim().toLowerCase()).filter((x) => x.length > 0));
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') {
      const low = v.toLowerCase();
      return names.has(low.trim()) || contacts.some((c) => low.includes(c)) ? REDACTED : v;
    }
    if (Array.isArray(v)) {
      const out = v.map(walk);
      return out.some((x, i) => x !== v[i]) ? out : v;
    }
    if (v && typeof v === 'object') {
      const entries = Object.entries(v as Record<string, unknown>);
      const out = entries.map(([k, x]) => [k, walk(x)] as const);
      return out.some(([, x], i) => x !== entries[i]![1]) ? Object.fromEntries(out) : v;
    }
    return v;
  };
  return walk(value);
}
