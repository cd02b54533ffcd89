import { readdirSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { describe, expect, it } from "vitest";
import { formatDiagnostic, parseConfigFile } from "../../src/index.js";
import { ROOT, rel, sampleFiles } from "./corpus-files.js";
import { expectGolden } from "../golden-file.js";

const FIXTURES = join(ROOT, "test", "fixtures", "parse");

const viewName = (file: string) => rel(file).replace(/^samples\//, "").replace(/\//g, "__");
const clean = sampleFiles().filter((f) => !f.includes("/broken/"));
const broken = sampleFiles().filter((f) => f.includes("/broken/"));

// Golden files are reviewed by reading them: `vitest -u` rewrites them and the diff shows in review.
describe("golden files of the samples", () => {
  it("there are samples to compare, and every golden file belongs to one", () => {
    // An empty walk would leave the loops below without a single test.
    expect(clean.length).toBeGreaterThanOrEqual(9);
    expect(broken.length).toBeGreaterThanOrEqual(5);
    // A golden file whose sample is gone is never compared again: it must go too.
    expect(readdirSync(join(FIXTURES, "views")).sort()).toEqual(clean.map((f) => `${viewName(f)}.json`).sort());
    expect(readdirSync(join(FIXTURES, "broken")).sort()).toEqual(broken.map((f) => `${basename(f)}.diagnostics.txt`).sort());
  });
});

describe("typed views of the clean samples", () => {
  for (const file of clean) {
    it(rel(file), async () => {
      const parsed = parseConfigFile(readFileSync(file), rel(file));
      if (!parsed.ok) throw new Error(parsed.diagnostic.message);
      await expectGolden(JSON.stringify(parsed.doc.toJSON(), null, 2) + "\n", join(FIXTURES, "views", `${viewName(file)}.json`));
    });
  }
});

describe("diagnostics of the broken samples", () => {
  for (const file of broken) {
    it(rel(file), async () => {
      const parsed = parseConfigFile(readFileSync(file), rel(file));
      if (!parsed.ok) throw new Error(parsed.diagnostic.message);
      // A broken sample that parses clean would otherwise just write an empty golden file. (Some broken
      // samples are valid to xend but not as meant: those carry warnings, not errors.)
      expect(parsed.doc.diagnostics.length).toBeGreaterThan(0);
      const text = parsed.doc.diagnostics.map((d) => formatDiagnostic(d, parsed.doc.lines)).join("\n") + "\n";
      await expectGolden(text, join(FIXTURES, "broken", `${basename(file)}.diagnostics.txt`));
    });
  }
});
