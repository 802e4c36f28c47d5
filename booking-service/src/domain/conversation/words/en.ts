/**
 * What the bot says, in English: ICU MessageFormat (plural, select), filled by `say()` in
 * words/index.ts. Every value is already formatted for the language before it is filled in
 * (dates, times, money, lists, durations: words/format.ts), so no sentence is glued together.
 * ru.ts and hy.ts must have exactly these keys (their type says so).
 *
 * A day or an instant always comes as all of its parts, and each language picks what its grammar
 * needs: `{wd}` the ISO weekday 1–7 (for a `select` that puts the weekday in the right case),
 * `{date}` "March 4", `{day}` "Wednesday, March 4", `{time}` "3:00 PM", `{when}` the whole instant.
 */
export const en = {
  // The greeting and the menu
  hello: 'Hello! I can tell you prices, book you in, or pass your question to a person.',
  again: 'Anything else I can help with?',
  'intent.prices': 'Prices',
  'intent.book': 'Book',
  'intent.human': 'Talk to a person',
  'intent.my_booking': 'My booking',
  'intent.other': 'Other',
  didYouMean: 'I’m not sure I understood. Did you mean one of these?',
  didYouMeanOne: 'I’m not sure I understood. Did you mean “{label}”?',
  notUnderstoodHere: 'I didn’t catch that. Please pick one of the options below, or tap “Menu”.',
  otherAsk: 'What do you need? Write it in a few words: I’ll answer or pass it to a person.',
  notInterested: 'Understood, I won’t bother you. If you change your mind, just write here.',
  error: 'Something went wrong on our side. Please try again.',
  typeHere: 'Type a message…',
  menu: 'Menu',
  serviceNumbered: 'Service {n}',
  confirmQuestion: 'Book this time?',
  cancelQuestion: 'Cancel this booking?',
  moveQuestion: 'Move your booking to this time?',

  // Booking
  askService: 'Which service would you like?',
  askServiceOf: 'Which one do you mean?',
  askStaff: 'Who would you like to see?',
  anyone: 'Anyone available',
  slotsNearest: 'Here are the nearest free times:',
  slotsDay: 'Free times on {day}:',
  slotsDayNone: 'There are no free times on {day}.',
  nextFreeDay: 'Next free day: {day}.',
  slotsNoneAtAll: 'There are no free times in the next {days, plural, one {# day} other {# days}}. A person can help you find a time.',
  askedFree: '{when} is free. The nearest times:',
  askedTaken: '{when} is already taken. The nearest free times:',
  askedClosed: 'We’re closed at {when}. The nearest free times:',
  askedDayNone: 'There are no free times on {day}. The nearest free times:',
  more: 'Show more times',
  nearest: 'Nearest times',
  taken: 'Sorry, that time has just been taken. The nearest free times:',
  closedDay: 'Sorry, we’re closed on that day. The nearest free times:',
  outsideHours: 'Sorry, we’re not open at that time. The nearest free times:',
  held: '{when} is held for you for {minutes, plural, one {# minute} other {# minutes}}. How can we reach you?',
  heldKnown: '{when} is held for you for {minutes, plural, one {# minute} other {# minutes}}. Shall I book it for {name} ({contact})?',
  expired: 'The hold on that time ran out. Please choose a time again:',
  booked: 'You’re booked. See you soon!',
  changeTime: 'Change time',
  changeDetails: 'Change my details',
  confirmBooking: 'Confirm booking',
  bookIt: 'Yes, book it',
  consentBook: 'I agree that my name and contact are stored to handle this booking.',
  consentHandoff: 'I agree that my name and contact are stored so that a person can answer me.',
  'err.name': 'Please enter your name.',
  'err.contact': 'Enter a phone number (7 to 15 digits) or an e-mail such as name@example.com.',
  'err.consent': 'Please tick the box to agree.',
  'err.message': 'Please write your question.',
  fillForm: 'Please fill in your name and a phone number or e-mail, and tick the box to agree.',
  priceOf: '{service}: {price}, {duration}.',
  priceAskBook: 'Shall I find you a time?',
  bookThis: 'Book this',

  // Quotes
  askTree: 'What shall I price?',
  range: 'Roughly {range}.',
  rangeFactors: 'Roughly {range}. The price depends on {factors}.',
  final: 'Your price: {price}.',
  askSpecialist: 'Ask a specialist',
  numberRange: 'Please enter a whole number from {min} to {max}.',
  numberStep: 'Please enter a number from {min} to {max} in steps of {step}.',
  specialistWillHelp: 'A specialist will look at this. How can we reach you?',

  // Hand-off
  handoffAsk: 'What would you like to ask? A person will answer here in the chat.',
  handoffContact: 'How can we reach you if you leave the chat?',
  handoffSent: 'Thank you! A person will answer {by}. You can keep writing here.',
  handoffSentClosed: 'Thank you! We’re closed now; a person will answer {by}. You can keep writing here.',
  'by.today': 'by {time} today',
  'by.tomorrow': 'by {time} tomorrow',
  'by.other': 'by {time} on {day}',
  send: 'Send',

  // My booking
  lookupAsk: 'Enter the phone number or e-mail you booked with, and I’ll send you a one-time code.',
  lookupSubmit: 'Send code',
  codeSent: 'If there are bookings for this contact, a code is on its way to {to}. Enter it here; it works for {minutes, plural, one {# minute} other {# minutes}}.',
  codeNoEmail: 'I can’t send a code for this phone number. Please enter the e-mail you booked with, or open the link from your confirmation.',
  codeWrong: 'That code doesn’t match. {left, plural, one {# attempt} other {# attempts}} left.',
  codeMismatch: 'That code doesn’t match.',
  codeExpired: 'This code no longer works. I can send a new one.',
  codeLimited: 'Too many codes were asked for. Please try again in {minutes, plural, one {# minute} other {# minutes}}.',
  newCode: 'Send a new code',
  otherContact: 'Use another phone or e-mail',
  noBookings: 'I found no upcoming bookings for this contact.',
  yourBooking: 'Here is your booking:',
  yourBookings: 'You have {n, plural, one {# booking} other {# bookings}}. Which one?',
  reschedule: 'Reschedule',
  cancel: 'Cancel booking',
  rebook: 'Book again',
  confirmCancel: 'Cancel your booking for {when}?',
  yesCancel: 'Yes, cancel it',
  noKeep: 'No, keep it',
  confirmMove: 'Move your booking to {to}? It is now at {from}.',
  yesMove: 'Yes, move it',
  keepTime: 'No, keep the time',
  kept: 'OK, your booking stays as it is.',
  moved: 'Done: your booking is moved to {when}.',
  cancelled: 'Your booking is cancelled.',
  tooLate: 'Online changes were possible until {time} on {day}. Please call us at {phone}.',
  tooLateNoPhone: 'Online changes were possible until {time} on {day}. Please contact us.',
  notActive: 'This booking {status, select, cancelled {is already cancelled} attended {has already taken place} no_show {has already passed} other {can no longer be changed}}.',
  linkInvalid: 'This link is not valid or has expired. I can find your booking by phone or e-mail instead.',

  // A booking changed outside the chat (manage page, console, Google): the chat shows it as it is now (booking-now.ts)
  bookingChanged: '{status, select, cancelled {Your booking was cancelled.} moved {Your booking was moved to {when}.} attended {Your visit is marked as done. Thank you!} no_show {Your booking is marked as missed.} other {Your booking has changed. Here it is now:}}',

  // Delete my data, asked in the chat (flows/erase.ts)
  eraseAsk: 'Delete your data? I’ll delete this conversation and the name and contact you gave in it{n, plural, =0 {} one { and cancel the booking made here if it is still ahead} other { and cancel the # bookings made here that are still ahead}}. The business keeps only figures without your name (how many bookings, not whose). This can’t be undone.',
  eraseQuestion: 'Delete my data?',
  yesErase: 'Yes, delete',
  noErase: 'No, keep it',
  erased: 'Done: your data is deleted. This chat is closed; if you write again, a new one starts.',
  eraseKept: 'OK, nothing is deleted.',

  'codeMail.subject': 'Your one-time code — {business}',
  'codeMail.text': 'Your one-time code to see your bookings at {business}: {code}\n\nIt works for {minutes, plural, one {# minute} other {# minutes}}. If you did not ask for it, just ignore this e-mail.',

  'page.title': 'Find my booking',
  'page.contact': 'Phone or e-mail',
  'page.code': 'Code from the e-mail',
  'page.show': 'Show my bookings',
  'page.open': 'Reschedule or cancel',
  'page.again': 'Start again',
  'page.status': '{status, select, confirmed {Confirmed} cancelled {Cancelled} attended {Visited} other {Missed}}',
  'page.notFound': 'This page needs a link from the business’s site.',

  // "Get reminders in Telegram": the answer to the deep link's /start (issue 16, services/channels/telegram-start.ts)
  'tgLink.linked': 'Done: reminders and changes of your booking will come here, in Telegram. Your booking:',
  'tgLink.already': 'This chat already gets the reminders of this booking.',
  'tgLink.refused': 'This link has already been used or is no longer valid. Open the newest link from your booking confirmation, or send /start to talk to us.',

  // Summaries for staff (in the team's language)
  'summary.quote': 'Quote: {summary}, {price}',
  'summary.booking': 'Wanted to book: {service}',
  'summary.bookingAt': 'Wanted to book: {service}, {when}',

  // Qualification (issue 17, flows/qualify.ts)
  'qualify.intro': '{n, plural, one {One quick question} other {# quick questions}} so I can offer what suits you.',
  'qualify.pick': 'Please pick one of the answers below.',
  'qualify.ok': 'Thank you! Let’s find you a time.',
  'qualify.alternatives': 'Thank you! This may not be the best fit right now. Here is what I can offer instead:',
  'qualify.person': 'Thank you! A person can help you best with this.',
  'qualify.waitlist': 'Join the waiting list',
  'qualify.smaller': 'Book {service} instead',
  'qualify.link': '{label}: {url}',
  'summary.qualification': 'Answers: {answers} (score {score})',
  // Knowledge base (issue 18: domain/knowledge, flows/knowledge.ts)
  'kb.duration': '{service} takes {duration}.',
  'kb.who': '{count, plural, one {{names} does {service}.} other {{names} do {service}.}}',
  'kb.describe': '{service}: {description}',
  'kb.address': 'Our address: {address}.',
  'kb.hoursWeek': 'Our opening hours: {hours}.',
  'kb.hoursDay': '{day}: we’re open {hours}.',
  'kb.closedDay': '{day}: we’re closed.',
  'kb.closed': 'closed',
  'kb.noAnswer': 'I don’t have an answer to that yet. A person can answer you, or choose below.',
  'kb.askPerson': 'Ask a person',
} as const;

export type WordKey = keyof typeof en;
export type Words = Record<WordKey, string>;
