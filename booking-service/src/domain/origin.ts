/**
 * Whether a browser Origin may use a site. Patterns are exact origins
 * (`https://salon.example`) or an origin with a port wildcard (`http://localhost:*`),
 * which the demo sites use so the widget can be tried from any local page.
 *
 * @example originMatches(['http://localhost:*'], 'http://localhost:5173') // true
 */
export function originMatches(patterns: readonly string[], origin: string): boolean {
  const o = normaliseOrigin(origin);
  if (!o) return false;
  for (const p of patterns) {
    if (p.endsWith(':*')) {
      const base = p.slice(0, -2).toLowerCase();
      if (o === base || (o.startsWith(`${base}:`) && /^\d{1,5}$/.test(o.slice(base.length + 1)))) return true;
    } else if (normaliseOrigin(p) === o) {
      return true;
    }
  }
  return false;
}

/** Lower-cased scheme://host[:port] without a trailing slash, or null if it is not an origin. */
export function normaliseOrigin(origin: string): string | null {
  const m = /^(https?):\/\/([a-z0-9.-]+|\[[0-9a-f:]+\])(?::(\d{1,5}))?\/?$/i.exec(origin.trim());
  if (!m) return null;
  const [, scheme, host, port] = m;
  const defaultPort = scheme!.toLowerCase() === 'https' ? '443' : '80';
  const p = port && port !== defaultPort ? `:${port}` : '';
  return `${scheme!.toLowerCase()}://${host!.toLowerCase()}${p}`;
}
