import { signal } from '@preact/signals-core';
import { createModel } from './model';
import type { Chat } from './chat';
import type { Managed, Slot } from './port';
import { SlotPicker } from './slot-picker';

export type ManageStage = 'view' | 'slots' | 'none';

/**
 * "My booking": opened by a manage link, or from the chat for a booking made in
 * this browser. Shows it, reschedules it (same specialist, new slot), cancels it.
 */
export const Manage = createModel((chat: Chat) => {
  const stage = signal<ManageStage>('view');
  const token = signal('');
  const data = signal<Managed | null>(null);
  const picker = new SlotPicker(chat);

  async function fetchBooking(): Promise<boolean> {
    const r = await chat.call(() => chat.deps.api.booking({ manageToken: token.value }), () => void fetchBooking(), ['NOT_FOUND', 'FORBIDDEN']);
    if (!r.ok) {
      stage.value = 'none';
      chat.bot({ k: 'none' });
      return false;
    }
    data.value = r.data;
    const key = r.data.siteKey;
    if (key && (!chat.site.value || chat.siteKey.value !== key)) await chat.loadSite(key);
    return true;
  }

  async function open(manageToken: string): Promise<void> {
    chat.go('manage');
    token.value = manageToken;
    stage.value = 'view';
    if (await fetchBooking()) chat.bot({ k: 'managed' });
  }

  /** From the chat: the newest booking made in this browser, if any. */
  function fromChat(): Promise<void> | void {
    const last = chat.deps.tokens.list().at(-1);
    if (last) return open(last);
    chat.go('manage');
    stage.value = 'none';
    chat.bot({ k: 'none' });
  }

  async function reschedule(): Promise<void> {
    const b = data.value?.booking;
    if (!b) return;
    stage.value = 'slots';
    const siteKey = data.value!.siteKey ?? chat.siteKey.value;
    if (await picker.load({ siteKey, serviceId: b.serviceId, staffId: b.staffId })) chat.bot({ k: 'slots' });
  }

  async function pick(slot: Slot, label?: string): Promise<void> {
    chat.user(label);
    const input = { manageToken: token.value, start: slot.start };
    const r = await chat.call(() => chat.deps.api.reschedule(input), () => void pick(slot), ['CONFLICT']);
    if (!r.ok) {
      chat.bot({ k: 'taken' });
      return void picker.offer(r.error.alternatives);
    }
    await fetchBooking();
    stage.value = 'view';
    chat.bot({ k: 'moved', start: r.data.booking.start });
  }

  async function cancel(): Promise<void> {
    const r = await chat.call(() => chat.deps.api.cancel({ manageToken: token.value }), () => void cancel());
    if (!r.ok) return;
    await fetchBooking();
    stage.value = 'view';
    chat.bot({ k: 'cancelled' });
  }

  return { stage, token, data, picker, open, fromChat, reschedule, pick, cancel };
});
export type Manage = InstanceType<typeof Manage>;
