/**
 * English strings: the widget's own chrome (captions, labels, the greeting and menu it shows before
 * the first turn). What the bot says comes from the server in the conversation's language.
 * The shape every language must match; `{x}` placeholders are filled by `fill`.
 */
const en = {
  title: 'Chat',
  close: 'Close chat',
  message: 'Message',
  send: 'Send',
  menu: 'Menu',
  retry: 'Try again',
  intents: { prices: 'Prices', book: 'Book', human: 'Talk to a person', my_booking: 'My booking', other: 'Other' },
  hello: 'Hello! I can tell you prices, book you in, or pass your question to a person.',
  times: 'Free times',
  more: 'Show more times',
  day: 'Pick a day',
  next: 'Next free day: {day}',
  answer: 'Your answer',
  range: 'From {min} to {max}',
  language: 'Language',
  tooLong: 'At most {max} characters: please shorten your message.',
  yours: 'your time {t}',
  name: 'Name',
  text: 'Your message',
  when: 'When',
  where: 'Where',
  bring: 'What to bring',
  with: 'Specialist',
  what: 'Service',
  ics: 'Add to calendar',
  link: 'Reschedule or cancel',
  tg: 'Get reminders in Telegram',
  isCancelled: 'Cancelled',
  contact: 'Phone or e-mail',
  code: 'Code from the e-mail',
  price: 'Price',
  chosen: 'Your choice',
  until: 'You can reschedule or cancel online until {t}.',
  typing: 'Typing…',
  problem: {
    NETWORK: 'Can’t reach the booking service. Check your connection and try again.',
    BAD_REQUEST: 'This couldn’t be sent as it is. Please change it and send again.',
    other: 'Something went wrong on our side. Please try again.',
  },
};
/** Armenian adds the words its missing locale data would give (see `formatter`). */
export type Strings = typeof en & { days?: string[] };
export default en;
