/**
 * Quote trees of the three demo businesses (PRODUCT.md, "Demo businesses"). Every text is in
 * Russian, Armenian and English because visitors of any site may speak any of them; prices are
 * in each business's currency (RUB, AMD, USD) and match the demo services' price ranges.
 */
import type { QuoteTree } from '../domain/quote/quote-tree-schema.js';

/** St Petersburg salon, RUB. Prices round to 100 ₽ like a printed price list. */
const salonHaircut: QuoteTree = {
  id: 'haircut',
  title: { ru: 'Стрижка', hy: 'Սանրվածք', en: 'Haircut' },
  defaultLang: 'ru',
  currency: 'RUB',
  serviceId: 'salon-haircut-women',
  basePrice: 0,
  roundTo: 100,
  questions: [
    {
      id: 'for',
      stage: 'scoping',
      type: 'choice',
      text: { ru: 'Какая стрижка нужна?', hy: 'Ինչպիսի՞ սանրվածք է պետք', en: 'Which haircut do you need?' },
      factor: { ru: 'Стрижка', hy: 'Սանրվածք', en: 'Haircut' },
      options: [
        {
          id: 'women',
          label: { ru: 'Женская', hy: 'Կանացի', en: "Women's" },
          price: { add: 2500 },
          serviceId: 'salon-haircut-women',
        },
        {
          id: 'men',
          label: { ru: 'Мужская', hy: 'Տղամարդու', en: "Men's" },
          price: { add: 1800 },
          serviceId: 'salon-haircut-men',
        },
      ],
    },
    {
      // Men's haircut is one price; only women's depends on length.
      id: 'length',
      stage: 'clarifying',
      type: 'choice',
      when: { questionId: 'for', anyOf: ['women'] },
      text: { ru: 'Какая у вас длина волос?', hy: 'Ի՞նչ երկարության են ձեր մազերը', en: 'How long is your hair?' },
      factor: { ru: 'Длина волос', hy: 'Մազերի երկարություն', en: 'Hair length' },
      options: [
        { id: 'short', label: { ru: 'Короткие (до подбородка)', hy: 'Կարճ (մինչև կզակը)', en: 'Short (chin length)' } },
        {
          id: 'medium',
          label: { ru: 'Средние (до плеч)', hy: 'Միջին (մինչև ուսերը)', en: 'Medium (shoulder length)' },
          price: { add: 1000 },
        },
        {
          id: 'long',
          label: { ru: 'Длинные (ниже плеч)', hy: 'Երկար (ուսերից ներքև)', en: 'Long (below the shoulders)' },
          price: { add: 2000 },
        },
      ],
    },
  ],
};

/** 5 000–12 000 ₽: length and technique give the range, density fixes the price. */
const salonColoring: QuoteTree = {
  id: 'coloring',
  title: { ru: 'Окрашивание волос', hy: 'Մազերի ներկում', en: 'Hair coloring' },
  defaultLang: 'ru',
  currency: 'RUB',
  serviceId: 'salon-coloring',
  basePrice: 5000,
  roundTo: 100,
  questions: [
    {
      id: 'length',
      stage: 'scoping',
      type: 'choice',
      text: { ru: 'Какой длины волосы?', hy: 'Ի՞նչ երկարության են ձեր մազերը', en: 'How long is your hair?' },
      factor: { ru: 'Длина волос', hy: 'Մազերի երկարություն', en: 'Hair length' },
      options: [
        { id: 'short', label: { ru: 'До плеч', hy: 'Մինչև ուսերը', en: 'Shoulder length or shorter' } },
        {
          id: 'medium',
          label: { ru: 'До лопаток', hy: 'Մինչև թիակները', en: 'Down to the shoulder blades' },
          price: { add: 1500 },
        },
        {
          id: 'long',
          label: { ru: 'Ниже лопаток', hy: 'Թիակներից ներքև', en: 'Below the shoulder blades' },
          price: { add: 3000 },
        },
      ],
    },
    {
      id: 'technique',
      stage: 'scoping',
      type: 'choice',
      text: { ru: 'Какое окрашивание хотите?', hy: 'Ներկման ո՞ր տեսակն եք ցանկանում', en: 'Which coloring would you like?' },
      factor: { ru: 'Техника', hy: 'Ներկման տեխնիկա', en: 'Technique' },
      options: [
        { id: 'one-tone', label: { ru: 'Однотонное', hy: 'Միագույն', en: 'Single color' } },
        { id: 'balayage', label: { ru: 'Балаяж', hy: 'Բալայաժ', en: 'Balayage' }, price: { add: 2500 } },
        { id: 'airtouch', label: { ru: 'AirTouch', hy: 'AirTouch', en: 'AirTouch' }, price: { add: 3000 } },
        {
          id: 'black-correction',
          label: {
            ru: 'Выход из чёрного цвета',
            hy: 'Սև ներկից հետո գույնի ուղղում',
            en: 'Color correction after black dye',
          },
          handoff: {
            reason: {
              ru: 'Выход из чёрного — многоэтапная работа, её стоимость мастер назовёт после очной консультации.',
              hy: 'Սև գույնից դուրս գալը մի քանի փուլով աշխատանք է, դրա գինը վարպետը կասի տեղում խորհրդատվությունից հետո։',
              en: 'Removing black dye takes several sessions; a colorist will price it after seeing your hair in person.',
            },
          },
        },
      ],
    },
    {
      id: 'density',
      stage: 'clarifying',
      type: 'choice',
      text: { ru: 'И последнее: волосы густые?', hy: 'Եվ վերջինը՝ ձեր մազերը խի՞տ են', en: 'Last question: is your hair thick?' },
      factor: { ru: 'Густота волос', hy: 'Մազերի խտություն', en: 'Hair density' },
      options: [
        { id: 'normal', label: { ru: 'Обычные', hy: 'Սովորական', en: 'Normal' } },
        { id: 'thick', label: { ru: 'Густые', hy: 'Խիտ', en: 'Thick' }, price: { add: 1000 } },
      ],
    },
  ],
};

/**
 * Yerevan clinic, AMD. Priced per tooth (20 000–45 000 ֏) times the number of teeth; three or
 * more teeth need a treatment plan, so they go to a person.
 */
const clinicFilling: QuoteTree = {
  id: 'filling',
  title: { hy: 'Ատամի լիցք (պլոմբ)', ru: 'Пломбирование зуба', en: 'Tooth filling' },
  defaultLang: 'hy',
  currency: 'AMD',
  serviceId: 'clinic-filling',
  basePrice: 20000,
  roundTo: 500,
  questions: [
    {
      id: 'teeth',
      stage: 'scoping',
      type: 'number',
      text: { hy: 'Քանի՞ ատամ է անհրաժեշտ բուժել', ru: 'Сколько зубов нужно вылечить?', en: 'How many teeth need a filling?' },
      factor: { hy: 'Ատամների քանակ', ru: 'Количество зубов', en: 'Number of teeth' },
      min: 1,
      max: 8,
      pricing: { type: 'quantity' },
      handoffAbove: {
        value: 2,
        reason: {
          hy: 'Երեք և ավելի ատամների բուժումը բժիշկը պլանավորում է մի քանի այցով՝ զննությունից հետո։',
          ru: 'Лечение трёх и более зубов врач планирует на несколько визитов после осмотра.',
          en: 'Treating three or more teeth is planned over several visits after an examination.',
        },
      },
    },
    {
      id: 'material',
      stage: 'scoping',
      type: 'choice',
      text: { hy: 'Ո՞ր նյութն եք նախընտրում', ru: 'Какой материал предпочитаете?', en: 'Which filling material do you prefer?' },
      factor: { hy: 'Նյութ', ru: 'Материал', en: 'Material' },
      options: [
        {
          id: 'composite',
          label: { hy: 'Լուսային կոմպոզիտ', ru: 'Светоотверждаемый композит', en: 'Light-cured composite' },
        },
        {
          id: 'premium',
          label: {
            hy: 'Պրեմիում կոմպոզիտ (գեղագիտական վերականգնում)',
            ru: 'Премиум-композит (эстетическая реставрация)',
            en: 'Premium composite (aesthetic restoration)',
          },
          price: { add: 10000 },
        },
      ],
    },
    {
      id: 'depth',
      stage: 'clarifying',
      type: 'choice',
      text: {
        hy: 'Որքա՞ն խորն է կարիեսը՝ ըստ ռենտգենի կամ բժշկի եզրակացության',
        ru: 'Насколько глубокий кариес — по снимку или заключению врача?',
        en: 'How deep is the cavity, according to your X-ray or dentist?',
      },
      factor: { hy: 'Կարիեսի խորություն', ru: 'Глубина кариеса', en: 'Cavity depth' },
      options: [
        { id: 'shallow', label: { hy: 'Մակերեսային', ru: 'Поверхностный', en: 'Shallow' } },
        { id: 'medium', label: { hy: 'Միջին', ru: 'Средний', en: 'Medium' }, price: { add: 7500 } },
        {
          id: 'deep',
          label: { hy: 'Խորը (նյարդին մոտ)', ru: 'Глубокий (близко к нерву)', en: 'Deep (close to the nerve)' },
          price: { add: 15000 },
        },
        {
          id: 'unknown',
          label: { hy: 'Չգիտեմ, ռենտգեն չունեմ', ru: 'Не знаю, снимка нет', en: "I don't know, no X-ray yet" },
          handoff: {
            reason: {
              hy: 'Առանց ռենտգենի բժիշկը չի կարող ասել վերջնական գինը։ Ադմինիստրատորը ձեզ կգրանցի զննության և ռենտգենի։',
              ru: 'Без снимка врач не назовёт точную цену — администратор запишет вас на осмотр со снимком.',
              en: "Without an X-ray the dentist can't give a final price; our administrator will book you an examination with an X-ray.",
            },
          },
        },
      ],
    },
  ],
};

/** The consultation has a price; the implant itself is priced by the doctor, so it hands off. */
const clinicImplant: QuoteTree = {
  id: 'implant',
  title: { hy: 'Իմպլանտացիա', ru: 'Имплантация', en: 'Dental implants' },
  defaultLang: 'hy',
  currency: 'AMD',
  serviceId: 'clinic-implant-consult',
  basePrice: 0,
  questions: [
    {
      id: 'need',
      stage: 'scoping',
      type: 'choice',
      text: { hy: 'Ինչո՞վ կարող ենք օգնել', ru: 'Что вас интересует?', en: 'What do you need?' },
      factor: { hy: 'Ծառայություն', ru: 'Услуга', en: 'Service' },
      options: [
        {
          id: 'consultation',
          label: {
            hy: 'Խորհրդատվություն և բուժման պլան',
            ru: 'Консультация и план лечения',
            en: 'Consultation and treatment plan',
          },
          price: { add: 15000 },
        },
        {
          id: 'implant',
          label: { hy: 'Իմպլանտի տեղադրում', ru: 'Установка импланта', en: 'Implant placement' },
          handoff: {
            reason: {
              hy: 'Իմպլանտի գինը կախված է ոսկրային հյուսվածքից և իմպլանտի համակարգից, այն բժիշկը կհաշվարկի խորհրդատվության ժամանակ։',
              ru: 'Стоимость импланта зависит от костной ткани и системы импланта — врач рассчитает её на консультации.',
              en: 'Implant pricing depends on your bone and the implant system; the dentist will work it out at a consultation.',
            },
          },
        },
      ],
    },
  ],
};

/** New York barber, USD. The service answer picks what to book; only the shave has a clarifier. */
const barberServices: QuoteTree = {
  id: 'barber',
  title: { en: 'Barber services', ru: 'Услуги барбершопа', hy: 'Վարսավիրի ծառայություններ' },
  defaultLang: 'en',
  currency: 'USD',
  serviceId: 'barber-haircut',
  basePrice: 0,
  questions: [
    {
      id: 'service',
      stage: 'scoping',
      type: 'choice',
      text: { en: 'What can we do for you?', ru: 'Что будем делать?', hy: 'Ի՞նչ ծառայություն եք ուզում' },
      factor: { en: 'Service', ru: 'Услуга', hy: 'Ծառայություն' },
      options: [
        { id: 'haircut', label: { en: 'Haircut', ru: 'Стрижка', hy: 'Սանրվածք' }, price: { add: 45 }, serviceId: 'barber-haircut' },
        {
          id: 'beard',
          label: { en: 'Beard trim', ru: 'Оформление бороды', hy: 'Մորուքի ձևավորում' },
          price: { add: 25 },
          serviceId: 'barber-beard',
        },
        {
          id: 'combo',
          label: { en: 'Haircut + beard', ru: 'Стрижка + борода', hy: 'Սանրվածք + մորուք' },
          price: { add: 65 },
          serviceId: 'barber-combo',
        },
        {
          id: 'shave',
          label: { en: 'Hot towel shave', ru: 'Бритьё с горячим полотенцем', hy: 'Սափրում տաք սրբիչով' },
          price: { add: 40 },
          serviceId: 'barber-shave',
        },
      ],
    },
    {
      id: 'shave-type',
      stage: 'clarifying',
      type: 'choice',
      when: { questionId: 'service', anyOf: ['shave'] },
      text: { en: 'Which shave?', ru: 'Что бреем?', hy: 'Ի՞նչ սափրենք' },
      factor: { en: 'Shave', ru: 'Бритьё', hy: 'Սափրում' },
      options: [
        { id: 'face', label: { en: 'Face', ru: 'Лицо', hy: 'Դեմք' } },
        { id: 'head', label: { en: 'Head', ru: 'Голова', hy: 'Գլուխ' }, price: { add: 10 } },
        { id: 'head-face', label: { en: 'Head and face', ru: 'Голова и лицо', hy: 'Գլուխ և դեմք' }, price: { add: 15 } },
      ],
    },
  ],
};

/** Quote trees per demo site key. */
export const demoQuoteTrees: Record<string, QuoteTree[]> = {
  'demo-salon-spb': [salonHaircut, salonColoring],
  'demo-clinic-yerevan': [clinicFilling, clinicImplant],
  'demo-barber-nyc': [barberServices],
};
