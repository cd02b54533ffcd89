import { readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";

/** Repo root and the shared corpus beside the checkout (tests read it in place, never copy it). */
export const ROOT = join(import.meta.dirname, "..", "..");
export const CORPUS = join(ROOT, "..", "shared", "corpus");

/** Every regular file below `dir` (README files excluded), sorted, as absolute paths. */
export function walk(dir: string, keep: (path: string) => boolean = () => true): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) return walk(p, keep);
      return name.startsWith("README") || !keep(p) ? [] : [p];
    });
}

export function corpusFiles(): string[] {
  return walk(CORPUS);
}

/** The sample config files (scripts excluded: they are shell, not config). */
export function sampleFiles(): string[] {
  return walk(join(ROOT, "samples"), (p) => !p.includes(`${"/"}scripts${"/"}`));
}

export function rel(p: string): string {
  return relative(ROOT, p);
}
