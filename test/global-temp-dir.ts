import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * Vitest global setup: every temp folder a test makes, and every one the CLIs they spawn make, goes under
 * one folder for the run, removed when the run ends. Tests use os.tmpdir(), which reads TMPDIR; the
 * workers and their children inherit it. Without this, each run left about forty folders in /tmp.
 */
export default function setup(): () => void {
  const root = mkdtempSync(join(tmpdir(), "xencfg-tests-"));
  const previous = process.env.TMPDIR;
  process.env.TMPDIR = root;
  return () => {
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
    rmSync(root, { recursive: true, force: true });
  };
}
