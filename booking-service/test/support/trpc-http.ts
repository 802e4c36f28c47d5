/**
 * tRPC over plain fetch, for tests that talk to a spawned service process (no typed client:
 * the point is to exercise the wire format the widget uses).
 */
export async function trpc(base: string, path: string, input: unknown, method: 'GET' | 'POST' = 'GET'): Promise<any> {
  const res =
    method === 'GET'
      ? await fetch(`${base}/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`)
      : await fetch(`${base}/trpc/${path}`, { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(input) });
  const json = (await res.json()) as { result?: { data: any }; error?: unknown };
  if (!json.result) throw new Error(`${path}: ${res.status} ${JSON.stringify(json.error)}`);
  return json.result.data;
}
