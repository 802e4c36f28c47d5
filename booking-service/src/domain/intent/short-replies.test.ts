import { describe, expect, it } from 'vitest';
import { onlyAcknowledges, saysNo, saysNotInterested, saysYes } from './short-replies.js';

describe('short replies', () => {
  it('yes and no in three languages, only as short answers', () => {
    for (const y of ['да', 'Да!', 'yes', 'ok', 'այո', 'Հա']) expect(saysYes(y), y).toBe(true);
    for (const n of ['нет', 'No.', 'ոչ']) expect(saysNo(n), n).toBe(true);
    expect(saysYes('да, но сколько это стоит для двоих и детей')).toBe(false);
    expect(saysYes('нет')).toBe(false);
  });

  it('"not interested" only when that is what the short message says', () => {
    for (const s of ['не актуально', 'Уже не актуально.', 'no thanks', 'No thank you!', 'not interested', 'պետք չէ', 'այլևս պետք չէ']) expect(saysNotInterested(s), s).toBe(true);
    expect(saysNotInterested('мне не нужно к Анне, любой мастер подойдёт, главное чтобы завтра')).toBe(false);
    expect(saysNotInterested('thanks')).toBe(false);
  });

  it('an answer that only acknowledges: ok, thanks, спасибо, լավ — and nothing that asks or says more', () => {
    for (const t of ['ok', 'OK!', 'Thanks!', 'thank you 👍', 'ok thx', 'see you then', 'Спасибо, понял', 'ок', 'Хорошо, до встречи', 'Լավ, մերսի', 'Շնորհակալություն', 'merci', '👍', '👍🏻', '🙏❤️'])
      expect(onlyAcknowledges(t), t).toBe(true);
    for (const t of ['ok?', 'ok, but can I come at 5', 'thanks, how much is a beard trim', 'спасибо, а можно перенести', 'Լավ, իսկ վաղը՞', 'ok 2', '', '...', '?', '👍?', 'I will be late'])
      expect(onlyAcknowledges(t), t).toBe(false);
  });
});
