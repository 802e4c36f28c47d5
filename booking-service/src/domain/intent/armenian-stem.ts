/**
 * Armenian case, number and verb endings, longest first: "մաքրման" (genitive of the -ում noun)
 * and "մաքրում", "ձևավորել" (to shape) and "ձևավորում" (shaping) share their stem. Used where
 * Armenian words are compared by stem (service names, the knowledge base's prefix search).
 */
const HY_ENDINGS = ['ներից', 'ներին', 'ները', 'ների', 'երից', 'երին', 'երը', 'երի', 'ներ', 'եր', 'ումը', 'ումն', 'ման', 'ում', 'ելու', 'ել', 'ալ', 'ից', 'ով', 'ին', 'ը', 'ն', 'ի', 'ս', 'դ'];
const ARMENIAN = /^\p{Script=Armenian}+$/u;
/** Shorter stems say too little ("ատ" of "ատամ"). */
const MIN_STEM = 3;

/** The word without one ending; other scripts unchanged. */
export function hyStem(w: string): string {
  if (!ARMENIAN.test(w)) return w;
  const ending = HY_ENDINGS.find((e) => w.endsWith(e) && Array.from(w).length - Array.from(e).length >= MIN_STEM);
  return ending === undefined ? w : w.slice(0, w.length - ending.length);
}

/** The word without up to two stacked endings: "մաքրումից" → "մաքրում" → "մաքր". */
export function hyRoot(w: string): string {
  const once = hyStem(w);
  return once === w ? w : hyStem(once);
}
