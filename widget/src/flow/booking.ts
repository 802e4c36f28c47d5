import { signal } from '@preact/signals-core';
import { createModel } from './model';
import type { BookingStart, Chat } from './chat';
import { customer, serverErrors, validate } from './contact';
import type { Slot, When } from './port';
import { SlotPicker } from './slot-picker';

export type BookingStage = 'service' | 'staff' | 'slots' | 'contact' | 'done';
export interface Held { holdToken: string; expiresAt: string; staffId: string; start: string; end: string }

/**
 * Booking: service → specialist or "anyone" → slot → hold → contact + consent →
 * confirm. A slot taken meanwhile re-offers the CONFLICT alternatives; an expired
 * hold re-offers slots; the contact draft survives both.
 */
export const Booking = createModel((chat: Chat) => {
  const stage = signal<BookingStage>('service');
  const serviceId = signal<string | null>(null);
  const staffId = signal('any');
  const when = signal<When | null>(null);
  const held = signal<Held | null>(null);
  /** One key per hold, so a retried confirm after a network error cannot book twice. */
  const key = signal('');
  const picker = new SlotPicker(chat);
  const { draft, errors } = chat;

  const service = () => chat.site.value?.services.find((s) => s.id === serviceId.value);

  function start(opts: BookingStart = {}): void {
    chat.go('booking');
    when.value = opts.when ?? null;
    held.value = null;
    const only = chat.site.value?.services.length === 1 ? chat.site.value.services[0]!.id : undefined;
    const id = opts.serviceId ?? only;
    if (id && chat.site.value?.services.some((s) => s.id === id)) return void chooseService(id);
    stage.value = 'service';
    chat.bot({ k: 'service' });
  }

  function chooseService(id: string, label?: string): void {
    chat.user(label);
    serviceId.value = id;
    const staff = service()?.staffIds ?? [];
    if (staff.length > 1) {
      stage.value = 'staff';
      chat.bot({ k: 'staff' });
    } else void chooseStaff(staff[0] ?? 'any');
  }

  async function chooseStaff(id: string, label?: string): Promise<void> {
    chat.user(label);
    staffId.value = id;
    stage.value = 'slots';
    await offerSlots();
  }

  async function offerSlots(): Promise<void> {
    if (!serviceId.value) return;
    const ok = await picker.load({ siteKey: chat.siteKey.value, serviceId: serviceId.value, staffId: staffId.value }, when.value);
    if (ok) chat.bot({ k: 'slots' });
  }

  async function pick(slot: Slot, label?: string): Promise<void> {
    chat.user(label);
    const input = { siteKey: chat.siteKey.value, serviceId: serviceId.value!, staffId: slot.staffId, start: slot.start };
    const r = await chat.call(() => chat.deps.api.hold(input), () => void pick(slot), ['CONFLICT']);
    if (!r.ok) return void (r.error.code === 'CONFLICT' && taken(r.error.alternatives));
    held.value = { ...r.data, start: slot.start, end: slot.end };
    key.value = chat.deps.newId();
    stage.value = 'contact';
    chat.bot({ k: 'contact', start: slot.start });
  }

  function taken(alternatives: Slot[] | undefined): void {
    held.value = null;
    stage.value = 'slots';
    chat.bot({ k: 'taken' });
    void picker.offer(alternatives);
  }

  /** Confirms the hold. Returns false when the form has errors (the UI then moves focus to them). */
  async function submit(): Promise<boolean> {
    const h = held.value;
    const e = validate(draft.value, { consent: true });
    errors.value = e;
    if (!h || Object.keys(e).length) return false;
    const input = {
      holdToken: h.holdToken, customer: customer(draft.value), consent: true as const,
      lang: chat.lang.value, idempotencyKey: key.value,
    };
    const r = await chat.call(() => chat.deps.api.confirm(input), () => void submit(), ['CONFLICT', 'PRECONDITION_FAILED', 'BAD_REQUEST']);
    if (!r.ok) {
      const { code } = r.error;
      if (code === 'CONFLICT') taken(r.error.alternatives);
      else if (code === 'PRECONDITION_FAILED') {
        held.value = null;
        stage.value = 'slots';
        chat.bot({ k: 'expired' });
        await picker.load(picker.query.value!);
      } else {
        errors.value = serverErrors(r.error.fields);
        return !Object.keys(errors.value).length;
      }
      return true;
    }
    const b = r.data.booking;
    held.value = null;
    stage.value = 'done';
    chat.deps.tokens.add(r.data.manageToken);
    chat.bot({ k: 'booked', start: b.start, end: b.end, serviceId: b.serviceId, staffId: b.staffId, manageToken: r.data.manageToken });
    chat.deps.emit('booked', { bookingId: b.id, serviceId: b.serviceId, start: b.start });
    return true;
  }

  /** Back from the contact form to the slots, releasing nothing: the hold simply lapses. */
  function changeTime(): void {
    held.value = null;
    stage.value = 'slots';
  }

  return { stage, serviceId, staffId, when, held, key, picker, start, chooseService, chooseStaff, pick, submit, changeTime };
});
export type Booking = InstanceType<typeof Booking>;
