import { describe, expect, it } from 'vitest';
import type { ConversationSignal } from '../../ports/conversation-bus.js';
import { createMemoryBus } from './memory.js';

const signal = (over: Partial<ConversationSignal> = {}): ConversationSignal => ({ businessId: 'b1', conversationId: 'c1', seq: 3, kind: 'messages', ...over });
const tick = () => new Promise((r) => setImmediate(r));

describe('in-memory conversation bus', () => {
  it('delivers a signal to the conversation’s and the business’s listeners, not to others', async () => {
    const bus = createMemoryBus();
    const got: string[] = [];
    bus.subscribe({ conversationId: 'c1' }, (s) => got.push(`conv:${s.seq}`));
    bus.subscribe({ businessId: 'b1' }, (s) => got.push(`biz:${s.conversationId}`));
    bus.subscribe({ conversationId: 'c2' }, () => got.push('wrong conversation'));
    bus.subscribe({ businessId: 'b2' }, () => got.push('wrong business'));
    await bus.publish(signal());
    // Asynchronous like a real bus: nothing is delivered inside publish.
    expect(got).toEqual([]);
    await tick();
    expect(got.sort()).toEqual(['biz:c1', 'conv:3']);
  });

  it('stops delivering after unsubscribe and forgets empty topics; a throwing listener does not starve the next', async () => {
    const bus = createMemoryBus();
    const got: number[] = [];
    const off = bus.subscribe({ conversationId: 'c1' }, (s) => got.push(s.seq));
    bus.subscribe({ conversationId: 'c1' }, () => {
      throw new Error('broken stream');
    });
    const off3 = bus.subscribe({ conversationId: 'c1' }, (s) => got.push(s.seq * 10));
    await bus.publish(signal({ seq: 1 }));
    await tick();
    expect(got.sort()).toEqual([1, 10]);
    off();
    off3();
    await bus.publish(signal({ seq: 2 }));
    await tick();
    expect(got.sort()).toEqual([1, 10]);
    expect(bus.listeners()).toBe(1);
    await bus.close();
    expect(bus.listeners()).toBe(0);
  });
});
