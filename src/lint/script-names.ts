import { nearest } from "./nearest.js";
import { isStockScript } from "./network-scripts.js";

/**
 * The script in a folder that a missing name most likely meant: the one whose dash-separated words all
 * occur in the name or the other way round (`network-bridge-wrapper` → `network-wrapper`, the seed
 * article's mix-up), preferring the site's own scripts over Xen's stock ones and the most words in
 * common; else a close spelling (`vif-brige` → `vif-bridge`).
 */
export function nearestScript(name: string, present: Iterable<string>): string | undefined {
  const names = [...present];
  return byWords(name, names) ?? nearest(name, names);
}

function byWords(name: string, names: readonly string[]): string | undefined {
  const words = new Set(name.split(/[-_.]/).filter(Boolean));
  let best: string | undefined;
  let bestScore = 0;
  for (const c of names) {
    const cw = c.split(/[-_.]/).filter(Boolean);
    const shared = cw.filter((w) => words.has(w)).length;
    const subset = shared === cw.length || shared === words.size;
    if (!subset || shared < 2) continue;
    const score = shared * 2 + (isStockScript(c) ? 0 : 1);
    if (score > bestScore) {
      bestScore = score;
      best = c;
    }
  }
  return best;
}
