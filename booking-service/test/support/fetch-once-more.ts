/**
 * `fetch`, tried once more on a new connection when the first is reset. Under load a keep-alive
 * socket the server closed (idle timeout) is sometimes reused by the client as the next request goes
 * out: a transport race, not an answer. A server that died is reset twice and still fails the test.
 */
export function isConnectionReset(err: unknown): boolean {
  return err instanceof TypeError && /ECONNRESET|socket/i.test(String((err as { cause?: unknown }).cause));
}

export async function fetchOnceMore(url: string, init?: RequestInit): Promise<Response> {
  try {
    return await fetch(url, init);
  } catch (err) {
    if (!isConnectionReset(err)) throw err;
    return await fetch(url, init);
  }
}
