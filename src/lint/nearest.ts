/**
 * The candidate closest to a misspelt word (`brigde` → `bridge`, `antispoofing` → `antispoof`), for "did
 * you mean" suggestions; undefined when nothing is close enough to be a plausible typo.
 *
 * Closeness is the optimal-string-alignment distance (insertions, deletions, substitutions and swaps of
 * two neighbours each cost 1), case-insensitive, allowed up to a third of the longer word (at least 1,
 * at most 3). A candidate that starts with the word, or that the word starts with, also counts
 * (`antispoofing` → `antispoof`, `vif` → `vifname`) when the shorter is at least 3 characters.
 */
export function nearest(word: string, candidates: Iterable<string>): string | undefined {
  const w = word.toLowerCase();
  let best: string | undefined;
  let bestScore = Infinity;
  for (const c of candidates) {
    const lc = c.toLowerCase();
    if (lc === w) return c;
    const d = distance(w, lc);
    const limit = Math.min(3, Math.max(1, Math.floor(Math.max(w.length, lc.length) / 3)));
    const prefix = Math.min(w.length, lc.length) >= 3 && (lc.startsWith(w) || w.startsWith(lc));
    // Prefix matches rank after real typos of the same distance.
    const score = d <= limit ? d : prefix ? limit + 0.5 + Math.abs(w.length - lc.length) / 100 : Infinity;
    if (score < bestScore) {
      bestScore = score;
      best = c;
    }
  }
  return best;
}

/** Optimal string alignment distance (Damerau-Levenshtein without repeated edits of one substring). */
export function distance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[] = new Array(rows * cols);
  for (let i = 0; i < rows; i++) d[i * cols] = i;
  for (let j = 0; j < cols; j++) d[j] = j;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[(i - 1) * cols + j]! + 1, d[i * cols + j - 1]! + 1, d[(i - 1) * cols + j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[(i - 2) * cols + j - 2]! + 1);
      d[i * cols + j] = v;
    }
  }
  return d[rows * cols - 1]!;
}
