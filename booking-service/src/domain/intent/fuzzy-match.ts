/**
 * Typo-tolerant word comparison for keyword matching: optimal string alignment distance
 * (Levenshtein plus adjacent transpositions, the commonest phone typo: "записться", "apointment").
 */

/** Edit distance between a and b, or `limit + 1` as soon as it must exceed `limit`. */
export function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const x = Array.from(a);
  const y = Array.from(b);
  // Three rolling rows: the transposition step looks two rows back.
  let before = new Array<number>(y.length + 1).fill(0);
  let previous = Array.from({ length: y.length + 1 }, (_, j) => j);
  let current = new Array<number>(y.length + 1).fill(0);
  for (let i = 1; i <= x.length; i++) {
    current[0] = i;
    let rowMin = i;
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      let d = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && x[i - 1] === y[j - 2] && x[i - 2] === y[j - 1]) d = Math.min(d, (before[j - 2] ?? 0) + 1);
      current[j] = d;
      rowMin = Math.min(rowMin, d);
    }
    if (rowMin > limit) return limit + 1;
    [before, previous, current] = [previous, current, before];
  }
  return Math.min(previous[y.length] ?? limit + 1, limit + 1);
}

/**
 * Typos tolerated for a keyword of this length: none below 5 letters (too many real words sit
 * one edit from "цена" or "book"), one up to 8, two from 9 ("администратор", "appointment").
 */
export function typoBudget(keyword: string): number {
  const length = Array.from(keyword).length;
  return length < 5 ? 0 : length < 9 ? 1 : 2;
}

/**
 * Typos rarely hit the first letter, and requiring it keeps real words out ("dates" is one
 * edit from "rates").
 */
function sameStart(word: string, keyword: string): boolean {
  return word.codePointAt(0) === keyword.codePointAt(0);
}

/** Whether `word` is `keyword` with at most its typo budget of edits (same first letter). */
export function isNear(word: string, keyword: string): boolean {
  const budget = typoBudget(keyword);
  return budget > 0 && sameStart(word, keyword) && editDistance(word, keyword, budget) <= budget;
}

/** Whether `word` starts with `stem` give or take the stem's typo budget ("зпаисаться" ~ "запис"). */
export function startsNear(word: string, stem: string): boolean {
  const budget = typoBudget(stem);
  if (budget === 0 || !sameStart(word, stem)) return false;
  const letters = Array.from(word);
  const length = Array.from(stem).length;
  for (let cut = length - budget; cut <= length + budget; cut++) {
    if (cut <= 0 || cut > letters.length) continue;
    if (editDistance(letters.slice(0, cut).join(''), stem, budget) <= budget) return true;
  }
  return false;
}
