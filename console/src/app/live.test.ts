import { afterEach, describe, expect, it, vi } from 'vitest';

const unreadCall = vi.fn(async () => ({ open: 0, messages: 0 }));
vi.mock('../api/api.js', () => ({ api: { inbox: { unread: unreadCall } } }));

/** A stand-in EventSource: the test decides how each connection ends. */
class FakeSource extends EventTarget {
  static readonly CONNECTING = 0;
  static readonly OPEN = 1;
  static readonly CLOSED = 2;
  static made: FakeSource[] = [];
  readyState = FakeSource.OPEN;
  constructor(readonly url: string) {
    super();
    FakeSource.made.push(this);
  }
  close() {
    this.readyState = FakeSource.CLOSED;
  }
  /** The server answered an HTTP error (503): the browser closes the source and never retries. */
  failForGood() {
    this.readyState = FakeSource.CLOSED;
    this.dispatchEvent(new Event('error'));
  }
}
vi.stubGlobal('EventSource', FakeSource);
vi.useFakeTimers();

const { REOPEN_MS, startLive, stopLive } = await import('./live.js');

describe('issue 12: the console stream after a database outage', () => {
  afterEach(() => {
    stopLive();
    FakeSource.made = [];
  });

  it('a stream answered 503 (closed for good) is opened again after REOPEN_MS, and the counts refreshed', async () => {
    startLive();
    expect(FakeSource.made).toHaveLength(1);
    unreadCall.mockClear();
    FakeSource.made[0]!.failForGood();
    await vi.advanceTimersByTimeAsync(REOPEN_MS - 1);
    expect(FakeSource.made).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(FakeSource.made).toHaveLength(2);
    expect(unreadCall).toHaveBeenCalled();
  });

  it('a dropped connection the browser retries itself, and a stopped stream, are not reopened', async () => {
    startLive();
    const s = FakeSource.made[0]!;
    s.readyState = FakeSource.CONNECTING;
    s.dispatchEvent(new Event('error'));
    await vi.advanceTimersByTimeAsync(REOPEN_MS * 2);
    expect(FakeSource.made).toHaveLength(1);
    s.failForGood();
    stopLive();
    await vi.advanceTimersByTimeAsync(REOPEN_MS * 2);
    expect(FakeSource.made).toHaveLength(1);
  });
});
