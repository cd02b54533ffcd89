import { readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { describe, expect, it } from "vitest";
import { formatDiagnostic, parseConfigFile } from "../../src/index.js";
import { ROOT, rel, sampleFiles } from "./corpus-files.js";

const FIXTURES = join(ROOT, "test", "fixtures", "parse");

// Golden files are reviewed by reading them: `vitest -u` rewrites them and the diff shows in review.
describe("typed views of the clean samples", () => {
  for (const file of sampleFiles().filter((f) => !f.includes("/broken/"))) {
    it(rel(file), async () => {
      const parsed = parseConfigFile(readFileSync(file), rel(file));
      if (!parsed.ok) throw new Error(parsed.diagnostic.message);
      const name = rel(file).replace(/^samples\//, "").replace(/\//g, "__");
      await expect(JSON.stringify(parsed.doc.toJSON(), null, 2) + "\n").toMatchFileSnapshot(join(FIXTURES, "views", `${name}.json`));
    });
  }
});

describe("diagnostics of the broken samples", () => {
  for (const file of sampleFiles().filter((f) => f.includes("/broken/"))) {
    it(rel(file), async () => {
      const parsed = parseConfigFile(readFileSync(file), rel(file));
      if (!parsed.ok) throw new Error(parsed.diagnostic.message);
      const text = parsed.doc.diagnostics.map((d) => formatDiagnostic(d, parsed.doc.lines)).join("\n") + "\n";
      await expect(text).toMatchFileSnapshot(join(FIXTURES, "broken", `${basename(file)}.diagnostics.txt`));
    });
  }
});
