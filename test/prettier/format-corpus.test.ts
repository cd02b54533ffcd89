import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { detectFormat } from "../../src/parse-file.js";
import { meaningOf } from "../../src/prettier/same-meaning.js";
import { corpusFiles, rel, sampleFiles } from "../core/corpus-files.js";
import { commentTexts, format, parseAs } from "./format-helpers.js";

// "Same meaning" is the typed view without positions and layout, with MACs inside vif specs compared in
// lower case: the formatter lower-cases them and xl reads MACs in any case (see same-meaning.ts).
describe("formatting every real file keeps its meaning and is idempotent", () => {
  const files = [...corpusFiles(), ...sampleFiles()];

  it("covers both formats", () => {
    expect(files.filter((f) => detectFormat(f) === "sxp").length).toBeGreaterThanOrEqual(2);
    expect(files.filter((f) => detectFormat(f) === "domain").length).toBeGreaterThanOrEqual(10);
  });

  for (const file of files) {
    it(rel(file), async () => {
      const kind = detectFormat(file);
      const text = readFileSync(file, "utf8");
      const before = parseAs(text, kind);
      if (before.syntaxProblems.length > 0) {
        // A broken file (or one xend reads other than it looks) is refused with the located problem,
        // never half-formatted.
        const first = before.syntaxProblems[0]!;
        await expect(format(text, kind)).rejects.toMatchObject({ name: "SyntaxError", loc: { start: { line: first.line, column: first.column } } });
        return;
      }
      const once = await format(text, kind);
      const after = parseAs(once, kind);
      expect(after.errors).toEqual([]);
      expect(meaningOf(after)).toEqual(meaningOf(before));
      expect(commentTexts(once, kind)).toEqual(commentTexts(text, kind));
      expect(await format(once, kind)).toBe(once);
    });
  }
});
