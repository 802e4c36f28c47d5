/**
 * The words that signal each intent, in Russian, Armenian (also as typed in Latin letters) and
 * English. Texts are in folded form (normalize-text.ts): lower case, "ё" as "е", "և" as "եվ".
 *
 * A cue is a phrase of consecutive words separated by spaces. Within one word, "a|b" lists
 * alternatives and a trailing "*" matches any ending, for Russian and Armenian inflection
 * ("запис*" matches записаться and запись, not запишусь). Weights: 1 for a clear cue, more for
 * an unambiguous phrase ("моя запись" must beat "запись"), less for a hint. An intent's score
 * is the sum of its cues found in the message.
 */

export type Intent = 'book' | 'prices' | 'human' | 'my_booking' | 'other';

export interface Cue {
  phrase: string;
  weight: number;
}

const cues = (weight: number, ...phrases: string[]): Cue[] => phrases.map((phrase) => ({ phrase, weight }));

export const VOCABULARY: Record<Exclude<Intent, 'other'>, Cue[]> = {
  book: [
    // ru
    ...cues(1, 'запис*', 'запиш*', 'забронир*', 'бронир*', 'бронь', 'свободн*', 'окошк*', 'окно|окна|окошко', 'когда свобод*'),
    ...cues(0.8, 'попасть', 'прийти|придти|приду|прийду|подойти|подъехать|заехать|зайти', 'есть время', 'время есть', 'можно на'),
    // "Во сколько?" asks a time as often about a booking made ("во сколько у меня запись?") or the hours.
    ...cues(0.5, 'во сколько'),
    // A consultation is a visit (and so no misspelt "консультант", a person).
    ...cues(0.6, 'консультаци*'),
    // hy
    ...cues(1, 'ամրագր*', 'գրանց*', 'գրվել|գրվեմ|գրվենք', 'ժամադր*', 'ազատ ժամ*', 'ազատ օր*', 'ազատ տեղ*', 'ժամ վերցն*'),
    ...cues(0.8, 'ազատ եք|է', 'այց*', 'գամ|գալ'),
    ...cues(1, 'amragr*', 'granc*', 'grvel|grvem', 'azat jam*'),
    // en
    ...cues(1, 'book|booking|booked', 'appointment*|appt|appts', 'schedul*', 'reserv*', 'availab*', 'slot|slots', 'fit me in', 'sign up', 'make an appointment'),
    // "Walk in" asks whether one may come WITHOUT booking (advice-question.ts).
    ...cues(0.8, 'opening|openings', 'come in', 'can i come', 'get in', 'free time'),
    // "Got anything open tomorrow?" asks for a free slot, not the opening hours.
    ...cues(1.5, 'anything|something open|free'),
  ],
  prices: [
    // ru
    ...cues(1.5, 'сколько стои*', 'во сколько обойд*', 'сколько будет стоить', 'какая|какие цена|цены'),
    ...cues(1, 'стоимост*', 'цена|цены|цену|ценой|ценам|ценах|ценник*|цен', 'прайс*', 'смет*', 'расцен*', 'почем', 'обойдет*|обойдется', 'стоить'),
    ...cues(0.8, 'стоит', 'сколько за', 'руб|рублей|рубля'),
    ...cues(0.6, 'дорог*', 'дешев*', 'бюджет*', 'скидк*', 'сколько'),
    // hy
    ...cues(1.5, 'ինչ արժ*', 'ինչքան արժ*', 'որքան արժ*', 'ինչ գին*'),
    ...cues(1, 'արժե|արժի|արժեք*|արժենա', 'գին|գինը|գինն|գներ*', 'գնացուցակ*', 'նախահաշիվ*'),
    // "To pay" hints at the price but asks how as often ("կարելի՞ է քարտով վճարել": by card?).
    ...cues(0.6, 'վճար*'),
    ...cues(0.6, 'թանկ*', 'էժան*', 'դրամ|դրամով'),
    ...cues(1, 'inch arj*', 'inchqan arj*', 'gin|giny|giner*', 'arji|arje'),
    // "For how much", "how many drams", "is it paid" (not free).
    ...cues(1.5, 'քանիսով|քանիով', 'քանի դրամ*', 'qanisov|qaniov|qanov', 'qani dram*'),
    ...cues(1, 'վճարովի', 'vcharovi|vjarovi'),
    // en
    ...cues(1.5, 'how much', 'hows|howz|hw much', 'what does it cost', 'price list'),
    // Slang: "what's it gonna run me", "what will it set me back".
    ...cues(1.5, 'run me', 'set me back'),
    ...cues(1, 'price|prices|pricing|priced', 'cost|costs|costing', 'quote|quotes', 'estimate*', 'fee|fees', 'rate|rates', 'charge|charges'),
    ...cues(0.6, 'expensive', 'cheap*', 'budget', 'discount*', 'dollars|usd'),
  ],
  human: [
    // ru
    ...cues(1.5, 'живо* человек*', 'позвать|позовите|позови человека', 'с человеком', 'с администратором|менеджером|оператором'),
    ...cues(1.2, 'оператор*', 'администратор*', 'менеджер*', 'сотрудник*'),
    ...cues(1, 'человек|человеком', 'админ|админа|админу', 'поговорить', 'позвоните|перезвоните|позвонить|перезвонить|наберите', 'связаться|свяжитесь', 'консультант*'),
    // hy
    ...cues(1.5, 'կենդանի մարդ*', 'մարդու հետ', 'իրական մարդ*'),
    ...cues(1.2, 'օպերատոր*', 'ադմինիստրատոր*', 'մենեջեր*', 'աշխատակց*|աշխատակից'),
    ...cues(1, 'մարդ', 'խոսել', 'զանգ*', 'կապվ*'),
    ...cues(1, 'mard|mardu', 'xosel|khosel', 'zang*'),
    // en
    ...cues(1.5, 'real|live|actual|a person', 'talk|speak to someone', 'talk|speak to|with a'),
    ...cues(1.2, 'human', 'operator', 'agent', 'representative', 'receptionist'),
    ...cues(1, 'manager', 'staff', 'person', 'call me', 'admin', 'talk|speak to|with'),
    ...cues(0.6, 'someone'),
  ],
  my_booking: [
    // ru
    ...cues(1.5, 'моя|мою|моей|мой|моего|свою|своей запис*|брон*|визит*', 'я записан*|записалась|записался'),
    // "У меня запись на пятницу": a booking the visitor has, not one to make.
    ...cues(1.5, 'у меня запис*|брон*', 'у меня есть запис*|брон*'),
    ...cues(1.2, 'не смогу|успею|получится|приду'),
    ...cues(1.3, 'перенест*|перенес*|перенос*', 'отмен*', 'отказ*'),
    ...cues(1.2, 'изменить|поменять|сменить время|дату|запись', 'опозда*|опаздыва*'),
    ...cues(0.8, 'подтверд*'),
    // hy
    ...cues(1.5, 'իմ ամրագր*', 'իմ գրանց*', 'իմ այց*'),
    ...cues(1.3, 'չեղարկ*', 'չեղյալ', 'տեղափոխ*', 'հետաձգ*'),
    ...cues(1.2, 'փոխել ժամ*|օր*', 'ուշան*', 'ուշ կգամ'),
    ...cues(0.8, 'հաստատ*'),
    ...cues(1.3, 'chexark*|cheghark*', 'texapox*|teghapokh*', 'hetadzg*'),
    ...cues(1.5, 'im granc*|amragr*|ayc*'),
    // "Գրանցված եմ" (I am booked), "ushanum em" (I am running late), as "я записан", "опаздываю".
    ...cues(1.5, 'գրանցված', 'grancvac*|grantsvac*'),
    ...cues(1.2, 'ushan*|ushacn*'),
    // en
    ...cues(1.5, 'my booking*|appointment*|reservation*|appt|visit', 'i booked', 'i have booked', 'i made a booking', 'i have an appointment'),
    ...cues(1.3, 'reschedul*', 'cancel*', 'move|change my', 'running late', 'can t make it', 'cant make it', 'cannot make it'),
    // "I have a colouring on Friday, can I change it": the booking the visitor has.
    ...cues(1.3, 'move|change|shift it'),
    ...cues(0.8, 'confirm*', 'late'),
  ],
};

/**
 * Words of a question about the business rather than a request: how long, when open, where,
 * how to pay, parking, who. When they outweigh every intent's cues the text is 'other' (the
 * knowledge base answers it), even if it names a day ("вы работаете в воскресенье?" is not a
 * booking) or says "сколько" ("сколько длится окрашивание" asks the duration, not the price).
 */
export const QUESTION: Cue[] = [
  // ru
  ...cues(1.5, 'сколько по времени', 'сколько времени', 'сколько минут|часов', 'до скольки', 'часы работы', 'режим работы'),
  ...cues(1, 'длит*|длится|продолжительн*', 'работаете|работает|открыт*|закрыва*', 'где', 'адрес*', 'находит*|находитесь|располож*', 'парковк*|припарковат*', 'картой|карта|карту|наличн*|наличкой|оплат*', 'переводом|безнал*'),
  ...cues(0.8, 'кто'),
  // hy
  ...cues(1.5, 'ինչքան ժամանակ', 'որքան ժամանակ', 'մինչեվ քանիս*', 'քանի րոպե*', 'qani rope*'),
  ...cues(1, 'տեվ*', 'աշխատում|աշխատու*', 'որտեղ', 'հասցե*', 'գտնվում', 'քարտով|կանխիկ*|փոխանցում*|փոխանցմամբ|իդրամ*', 'կայանատեղ*|ավտոկայան*|մեքենա*', 'բաց|փակ եք|է|են'),
  ...cues(0.8, 'ով'),
  ...cues(1, 'ashxat*|ashkhat*', 'vortex|vortegh|gtnvum', 'hasce*', 'kartov|kanxik*', 'parking|kayanateg*', 'tevum|tevi', 'bac|pak eq|ek|e|en', 'eq|ek|en bac|pak'),
  // en
  ...cues(1.5, 'how long', 'how many minutes', 'what time do you', 'opening hours'),
  ...cues(1, 'hours', 'open|opens|close|closes|closed', 'where', 'address', 'located|location', 'parking|park', 'cash|card|credit|debit|pay', 'transfer|venmo|zelle|paypal'),
  ...cues(0.8, 'who'),
];

/**
 * "I want / I need": with a service named, a request for it ("нужна мужская стрижка",
 * "need a cut asap", "Ուզում եմ սափրվել"). Alone they say nothing: "хочу отменить" is not a booking.
 */
export const WANT: Cue[] = cues(
  0.8,
  'хочу|хотим|хотел*|хотела|хочется|нужн*|нужен|надо',
  'ուզում|ուզեմ|ուզենք|ուզեի|պետք',
  'uzum|uzem|petq',
  'want|wanna|need|needs|like',
);
