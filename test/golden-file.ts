import { existsSync } from "node:fs";
import { isAbsolute } from "node:path";
import { expect } from "vitest";

/**
 * Compares `actual` with the golden file at `path` (absolute). The file must already exist: vitest
 * writes a missing file snapshot from the output and passes, which turns an unreviewed run of the code
 * into the expectation. A new golden is written by hand (or copied from the failure's diff) and read.
 * `vitest -u` still rewrites existing goldens; the change then shows in review.
 */
export async function expectGolden(actual: string, path: string): Promise<void> {
  if (!isAbsolute(path)) throw new Error(`expectGolden needs an absolute path, got ${path}`);
  expect(existsSync(path), `golden file ${path} exists (write it by hand and review it)`).toBe(true);
  await expect(actual).toMatchFileSnapshot(path);
}
