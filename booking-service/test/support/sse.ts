/**
 * A minimal Server-Sent Events client over fetch (what EventSource does, inspectable): parses
 * frames as they arrive and lets a test wait for one.
 */
export interface SseFrame {
  id?: string;
  event: string;
  data: string;
}

export interface SseClient {
  status: number;
  headers: Headers;
  frames: SseFrame[];
  comments: number;
  /** Resolves with the first frame (already received or coming) that matches. */
  next(match: (f: SseFrame) => boolean, timeoutMs?: number): Promise<SseFrame>;
  close(): void;
  /** Resolves when the server ended the stream. */
  ended: Promise<void>;
}

export async function openSse(url: string, headers: Record<string, string> = {}): Promise<SseClient> {
  const ac = new AbortController();
  const res = await fetch(url, { headers: { accept: 'text/event-stream', ...headers }, signal: ac.signal });
  const frames: SseFrame[] = [];
  const waiters: Array<{ match: (f: SseFrame) => boolean; resolve: (f: SseFrame) => void }> = [];
  const client: SseClient = {
    status: res.status,
    headers: res.headers,
    frames,
    comments: 0,
    next(match, timeoutMs = 5_000) {
      const seen = frames.find(match);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const t = setTimeout(() => reject(new Error(`no matching frame within ${timeoutMs} ms; got ${JSON.stringify(frames)}`)), timeoutMs);
        waiters.push({ match, resolve: (f) => (clearTimeout(t), resolve(f)) });
      });
    },
    close: () => ac.abort(),
    ended: Promise.resolve(),
  };
  if (!res.ok || !res.body) return client;
  const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
  client.ended = (async () => {
    let buf = '';
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buf += value;
        let cut: number;
        while ((cut = buf.indexOf('\n\n')) >= 0) {
          const block = buf.slice(0, cut);
          buf = buf.slice(cut + 2);
          const f: SseFrame = { event: 'message', data: '' };
          let any = false;
          const data: string[] = [];
          for (const line of block.split('\n')) {
            if (line.startsWith(':')) {
              client.comments++;
              continue;
            }
            const i = line.indexOf(':');
            const k = i < 0 ? line : line.slice(0, i);
            const v = i < 0 ? '' : line.slice(i + 1).replace(/^ /, '');
            if (k === 'id') f.id = v;
            else if (k === 'event') f.event = v;
            else if (k === 'data') data.push(v);
            else continue;
            any = true;
          }
          if (!any) continue;
          f.data = data.join('\n');
          frames.push(f);
          for (const w of [...waiters]) {
            if (w.match(f)) {
              waiters.splice(waiters.indexOf(w), 1);
              w.resolve(f);
            }
          }
        }
      }
    } catch {
      // aborted
    }
  })();
  return client;
}

export const messageFrames = (c: SseClient) => c.frames.filter((f) => f.event === 'message').map((f) => ({ id: Number(f.id), ...(JSON.parse(f.data) as { seq: number; from: string; text: string; author?: string }) }));
