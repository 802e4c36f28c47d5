/**
 * renderMessage(input): subject, plain text and HTML of one e-mail. Pure: the same facts give
 * the same message, so the worker can re-render it on a retry and send identical mail.
 *
 * @example
 * renderMessage({ kind: 'booking_confirmed', lang: 'hy', business, booking, links: { manage } })
 */
import { escapeHtml } from '@frontdesk/shared';
import { formatShort, formatTime, formatWhen } from './format.js';
import { button, layout, rows } from './html.js';
import { formatMessage, instantValues, labelled, type MessageValues } from './icu.js';
import { STRINGS } from './strings.js';
import type { MessageInput, MessageLinks, RenderedMessage } from './types.js';

/** Subjects are single-line: no CR/LF can reach a mail header, whatever a visitor typed. */
const oneLine = (s: string) => s.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();

export function renderMessage(input: MessageInput): RenderedMessage {
  const s = STRINGS[input.lang];
  const { business: biz, booking: b, handoff: h, kind, lang } = input;
  const tz = biz.timeZone;
  const when = b ? formatWhen(b.start, tz, lang) : '';
  const values: MessageValues = {
    ...(b ? instantValues('deadline', b.changeDeadline, tz, lang) : {}),
    ...(h ? instantValues('replyBy', h.replyBy, tz, lang) : {}),
    service: b?.serviceName ?? '',
    when: b ? formatShort(b.start, tz, lang) : '',
    was: b?.previousStart != null ? formatShort(b.previousStart, tz, lang) : '',
    time: b ? formatTime(b.start, tz, lang) : '',
    client: b?.customerName ?? h?.contactName ?? '',
    replyBy: h ? formatWhen(h.replyBy, tz, lang) : '',
    deadline: b ? formatWhen(b.changeDeadline, tz, lang) : '',
    phone: biz.phone ?? '',
  };
  const fill = (template: string, more?: MessageValues) => formatMessage(lang, template, { ...values, ...more });
  const reconfirm = kind === 'reminder' && input.reconfirm === true;
  const subject = oneLine(`${fill(reconfirm ? s.reconfirm.subject : s.subject[kind])} — ${biz.name}`);

  const paragraphs: string[] = [];
  const details: Array<[string, string]> = [];
  const buttons: Array<[string | undefined, string, boolean]> = [];
  const isStaff = kind.startsWith('staff_');

  if (!isStaff) paragraphs.push(b?.customerName ? fill(s.hello, { name: b.customerName }) : s.helloAnon);
  paragraphs.push(fill(reconfirm ? s.reconfirm.lead : s.lead[kind]));

  if (b) {
    if (isStaff) details.push([s.label.client, b.customerName ?? '—'], [s.label.contact, b.customerContact]);
    details.push([s.label.service, b.serviceName], [s.label.staff, b.staffName], [s.label.when, when]);
    if (b.previousStart != null && (kind === 'booking_rescheduled' || kind === 'staff_rescheduled')) {
      details.push([s.label.was, formatWhen(b.previousStart, tz, lang)]);
    }
    if (b.price) details.push([s.label.price, b.price]);
    if (!isStaff) details.push([s.label.where, `${biz.name}\n${biz.address}`]);
    if (!isStaff && biz.phone) details.push([s.label.phone, biz.phone]);
    if (isStaff && b.note) details.push([s.label.note, b.note]);
    if (b.cancelReason && (kind === 'staff_cancelled' || kind === 'booking_cancelled')) details.push([s.label.reason, b.cancelReason]);
    if (b.whatToBring && (kind === 'booking_confirmed' || kind === 'booking_rescheduled' || kind === 'reminder')) {
      details.push([s.label.bring, b.whatToBring]);
    }
  }
  if (h) {
    details.push([s.label.client, h.contactName], [s.label.contact, h.contact], [s.label.message, h.message]);
    if (h.summary) details.push([s.label.summary, h.summary]);
    details.push([s.label.replyBy, String(values.replyBy)]);
  }

  const l: MessageLinks = input.links;
  switch (kind) {
    case 'booking_confirmed':
    case 'booking_rescheduled':
      buttons.push([l.manage, s.button.manage, true], [l.ics, s.button.calendar, false], [l.telegram, s.button.telegram, false]);
      break;
    case 'reminder':
      if (reconfirm) {
        buttons.push([l.confirm, s.button.confirm, true], [l.reschedule, s.button.reschedule, false], [l.cancel, s.button.cancel, false]);
        break;
      }
      paragraphs.push(s.reminderAsk);
      buttons.push([l.confirm, s.button.confirm, true], [l.reschedule, s.button.reschedule, false], [l.ics, s.button.calendar, false]);
      break;
    case 'booking_cancelled':
    case 'no_show_followup':
    case 'feedback_request':
      buttons.push([l.rebook, s.button.rebook, true]);
      break;
    default:
      buttons.push([l.manage, s.button.manage, false]);
  }
  const rule =
    b && (kind === 'booking_confirmed' || kind === 'booking_rescheduled' || kind === 'reminder')
      ? fill(biz.phone ? s.cancellationRule : s.cancellationRuleNoPhone)
      : null;

  const linkLines = buttons.filter(([href]) => href).map(([href, label]) => labelled(lang, label, href ?? ''));
  const text = [
    ...paragraphs,
    details.map(([k, v]) => labelled(lang, k, v.replace(/\n/g, ', '))).join('\n'),
    ...(rule ? [rule] : []),
    linkLines.join('\n'),
    '—',
    `${biz.name}, ${biz.address}${isStaff ? '' : `\n${s.footer}`}`,
  ]
    .filter((p) => p.length > 0)
    .join('\n\n');

  const html = layout(
    lang,
    subject,
    `<h2 style="margin:0 0 16px;font-size:18px">${escapeHtml(biz.name)}</h2>` +
      paragraphs.map((p) => `<p style="margin:0 0 12px">${escapeHtml(p)}</p>`).join('') +
      (details.length ? rows(details) : '') +
      (rule ? `<p style="margin:12px 0;color:#374151">${escapeHtml(rule)}</p>` : '') +
      `<p style="margin:16px 0 0">${buttons.map(([href, label, primary]) => (href ? button(href, label, primary) : '')).join('')}</p>`,
    `${escapeHtml(biz.name)} · ${escapeHtml(biz.address)}${isStaff ? '' : `<br>${escapeHtml(s.footer)}`}`,
  );
  return { subject, text: `${text}\n`, html };
}
