/**
 * A real SMTP server on loopback (smtp-server) that parses what it receives (mailparser).
 * Its mood can be changed mid-test: accept, refuse connections, or stall before accepting
 * the message (the sender then never sees a 250 — as when it is killed mid-send).
 */
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { simpleParser, type ParsedMail } from 'mailparser';

export type SmtpMood = 'accept' | 'refuse' | 'stall';

export interface TestSmtp {
  url: string;
  port: number;
  messages: ParsedMail[];
  /** Raw DATA of each accepted message, for header checks. */
  raw: string[];
  mood: SmtpMood;
  /** Connections seen (including refused ones). */
  connections: number;
  /** Messages whose DATA arrived, whether accepted or stalled. */
  dataSeen: number;
  waitFor(count: number, timeoutMs?: number): Promise<ParsedMail[]>;
  close(): Promise<void>;
}

export async function startSmtp(port = 0): Promise<TestSmtp> {
  const state = { mood: 'accept' as SmtpMood, connections: 0, dataSeen: 0 };
  const messages: ParsedMail[] = [];
  const raw: string[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onConnect(_session, cb) {
      state.connections++;
      if (state.mood === 'refuse') return cb(Object.assign(new Error('Service not available'), { responseCode: 421 }));
      cb();
    },
    onData(stream, _session, cb) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        state.dataSeen++;
        if (state.mood === 'stall') return; // never answer: the client times out or dies
        const text = Buffer.concat(chunks).toString('utf8');
        simpleParser(text).then(
          (m) => {
            raw.push(text);
            messages.push(m);
            cb();
          },
          (err: Error) => cb(err),
        );
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', () => resolve()));
  const actual = (server.server.address() as AddressInfo).port;
  const api: TestSmtp = {
    url: `smtp://127.0.0.1:${actual}`,
    port: actual,
    messages,
    raw,
    get mood() {
      return state.mood;
    },
    set mood(m) {
      state.mood = m;
    },
    get connections() {
      return state.connections;
    },
    get dataSeen() {
      return state.dataSeen;
    },
    async waitFor(count, timeoutMs = 20_000) {
      const deadline = Date.now() + timeoutMs;
      while (messages.length < count) {
        if (Date.now() > deadline) throw new Error(`expected ${count} messages, got ${messages.length}: ${messages.map((m) => m.subject).join(' | ')}`);
        await new Promise((r) => setTimeout(r, 50));
      }
      return messages;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  return api;
}

/** Absolute links in a message's HTML. */
export function linksOf(m: ParsedMail): string[] {
  const html = typeof m.html === 'string' ? m.html : '';
  return [...html.matchAll(/href="([^"]+)"/g)].map((x) => x[1]!.replace(/&amp;/g, '&'));
}
