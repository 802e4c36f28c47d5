/** Every generated calendar file is read back with an independent parser (ical.js). */
import { describe, expect, it } from 'vitest';
import ICAL from 'ical.js';
import { buildCalendar, type CalendarFacts } from './calendar.js';

const base: CalendarFacts = {
  bookingId: 'b-1',
  version: 0,
  cancelled: false,
  start: new Date('2026-03-03T07:00:00Z'),
  end: new Date('2026-03-03T08:00:00Z'),
  stamp: new Date('2026-03-01T10:00:00Z'),
  summary: 'Ատամների մաքրում — «Ժպիտ» ստոմատոլոգիական կլինիկա',
  businessName: '«Ժպիտ» ստոմատոլոգիական կլինիկա',
  address: 'Երևան, Աբովյան փողոց 24; 2-րդ հարկ, «Մուտք Բ»',
  organizerEmail: 'clinic@example.am',
  attendee: { name: 'Анна, Иванова', email: 'anna@example.com' },
  description: 'Ատամների մաքրում, Դոկտ. Արամ Պետրոսյան',
  manageUrl: 'https://fd.test/manage?token=abc.def',
  alarmMin: 60,
};

function read(text: string) {
  const cal = new ICAL.Component(ICAL.parse(text));
  const vevent = cal.getFirstSubcomponent('vevent')!;
  const ev = new ICAL.Event(vevent);
  return { cal, vevent, ev };
}

describe('buildCalendar', () => {
  it('a request: stable UID, SEQUENCE, organizer, attendee, location and description in Armenian and Russian, an alarm', () => {
    const text = buildCalendar(base);
    const { cal, vevent, ev } = read(text);
    expect(cal.getFirstPropertyValue('method')).toBe('REQUEST');
    expect(ev.uid).toBe('b-1@frontdesk');
    expect(ev.sequence).toBe(0);
    expect(ev.summary).toBe(base.summary);
    expect(ev.location).toBe(base.address);
    expect(ev.description).toContain('Դոկտ. Արամ Պետրոսյան');
    expect(ev.description).toContain('https://fd.test/manage?token=abc.def');
    expect(String(ev.organizer).toLowerCase()).toBe('mailto:clinic@example.am');
    const att = vevent.getFirstProperty('attendee')!;
    expect(String(att.getFirstValue()).toLowerCase()).toBe('mailto:anna@example.com');
    expect(att.getParameter('cn')).toBe('Анна, Иванова');
    expect(ev.startDate.toJSDate().toISOString()).toBe('2026-03-03T07:00:00.000Z');
    const alarm = vevent.getFirstSubcomponent('valarm')!;
    expect(alarm.getFirstPropertyValue('action')).toBe('DISPLAY');
    expect(String(alarm.getFirstPropertyValue('trigger'))).toBe('-PT1H');
    expect(vevent.getFirstPropertyValue('status')).toBe('CONFIRMED');
    // Lines are folded at 75 octets without splitting a multi-byte character.
    for (const line of text.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
  });

  it('keeps exact instants across a DST change (America/New_York, 8 March 2026)', () => {
    // 10:00 local on both sides of the change: 15:00Z (EST) and 14:00Z (EDT).
    for (const iso of ['2026-03-07T15:00:00.000Z', '2026-03-09T14:00:00.000Z', '2026-11-02T15:00:00.000Z']) {
      const start = new Date(iso);
      const { ev } = read(buildCalendar({ ...base, start, end: new Date(start.getTime() + 45 * 60_000) }));
      expect(ev.startDate.toJSDate().toISOString()).toBe(iso);
      expect(ev.duration.toSeconds()).toBe(45 * 60);
      expect(ev.startDate.zone?.tzid).toBe('UTC');
    }
  });

  it('a reschedule keeps the UID with SEQUENCE = version; a cancel is METHOD:CANCEL, STATUS:CANCELLED, one sequence later', () => {
    const moved = read(buildCalendar({ ...base, version: 2 }));
    expect(moved.ev.uid).toBe('b-1@frontdesk');
    expect(moved.ev.sequence).toBe(2);
    const cancel = read(buildCalendar({ ...base, version: 2, cancelled: true, manageUrl: null }));
    expect(cancel.cal.getFirstPropertyValue('method')).toBe('CANCEL');
    expect(cancel.vevent.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(cancel.ev.uid).toBe('b-1@frontdesk');
    expect(cancel.ev.sequence).toBe(3);
    expect(cancel.vevent.getAllSubcomponents('valarm')).toHaveLength(0);
  });

  it('the same facts give the same file (a retried send attaches an identical invite)', () => {
    expect(buildCalendar(base)).toBe(buildCalendar(base));
  });
});

describe('defect 5: .ics parameter injection (RFC 5545 parameters, RFC 6868 encoding)', () => {
  const hostile = ['Eve";ROLE=CHAIR;X="y', 'Eve\\";ROLE=CHAIR;RSVP=TRUE:mailto:x@evil.test', '"', '^\'', 'a^b"c;d,e:f', 'Anna "Ann" Smith', 'Line\nBreak'];
  it('a customer or business name with quotes, semicolons and colons stays one CN value; no parameter is added', () => {
    for (const name of hostile) {
      const text = buildCalendar({ ...base, attendee: { name, email: 'eve@example.com' }, businessName: name });
      const { vevent } = read(text);
      const att = vevent.getFirstProperty('attendee')!;
      // Exactly the parameters we write, nothing the name smuggled in.
      expect(Object.keys((att.toJSON() as [string, Record<string, unknown>])[1]).sort(), name).toEqual(['cn', 'partstat', 'role']);
      expect(att.getParameter('role'), name).toBe('REQ-PARTICIPANT');
      expect(String(att.getFirstValue()).toLowerCase(), name).toBe('mailto:eve@example.com');
      // Read back as written, quotes included (RFC 6868); only the backslash and controls are dropped.
      const expected = name.replace(/\\/g, '');
      expect(att.getParameter('cn'), name).toBe(expected);
      const org = vevent.getFirstProperty('organizer')!;
      expect(Object.keys((org.toJSON() as [string, Record<string, unknown>])[1]), name).toEqual(['cn']);
      expect(org.getParameter('cn'), name).toBe(expected);
      expect(String(org.getFirstValue()).toLowerCase()).toBe('mailto:clinic@example.am');
    }
  });
});
