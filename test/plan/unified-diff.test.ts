import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { unifiedDiff } from "../../src/plan/unified-diff.js";

/** GNU diff -u as the reference, with our file names. */
function gnuDiff(a: string, b: string): string {
  const dir = mkdtempSync(join(tmpdir(), "xcfg-diff-"));
  try {
    writeFileSync(join(dir, "a"), a);
    writeFileSync(join(dir, "b"), b);
    try {
      execFileSync("diff", ["-u", "--label", "a/f", "--label", "b/f", join(dir, "a"), join(dir, "b")], { encoding: "utf8" });
      return "";
    } catch (err) {
      return (err as { stdout: string }).stdout;
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe("unifiedDiff", () => {
  it("is empty for equal texts and marks new files", () => {
    expect(unifiedDiff("a\n", "a\n", "a/f", "b/f")).toBe("");
    expect(unifiedDiff(null, "x\ny\n", "a/f", "b/f")).toBe("--- /dev/null\n+++ b/f\n@@ -0,0 +1,2 @@\n+x\n+y\n");
  });

  it("applies back to the new text (hunk line counts and contents agree with diff -u's format)", () => {
    const line = fc.constantFrom("(a)", "(b)", "# c", "", "vif = [ 'x' ]", "d");
    fc.assert(
      fc.property(fc.array(line, { maxLength: 25 }), fc.array(line, { maxLength: 25 }), fc.boolean(), (xs, ys, eol) => {
        const a = xs.join("\n") + (eol && xs.length ? "\n" : "");
        const b = ys.join("\n") + (ys.length ? "\n" : "");
        const ours = unifiedDiff(a, b, "a/f", "b/f");
        if (a === b) return ours === "";
        // `patch` accepts what GNU diff writes; apply ours with it and compare.
        const dir = mkdtempSync(join(tmpdir(), "xcfg-patch-"));
        try {
          writeFileSync(join(dir, "f"), a);
          writeFileSync(join(dir, "p"), ours);
          execFileSync("patch", ["-s", "-p1", "-i", join(dir, "p")], { cwd: dir, stdio: "pipe" });
          return execFileSync("cat", [join(dir, "f")], { encoding: "utf8" }) === b;
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      }),
      { numRuns: 60 },
    );
  });

  it("matches diff -u on a typical one-line edit", () => {
    const a = Array.from({ length: 20 }, (_, i) => `line ${i}`).join("\n") + "\n";
    const b = a.replace("line 10", "line ten").replace("line 12", "line twelve");
    expect(unifiedDiff(a, b, "a/f", "b/f")).toBe(gnuDiff(a, b));
  });
});
