import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { meaningOf } from "../../src/prettier/same-meaning.js";
import { commentTexts, format, parseAs } from "./format-helpers.js";
import { expectGolden } from "../golden-file.js";

// Each folder of test/fixtures/format holds input.<ext> and the expected output.<ext> (read them side by
// side); options.json, when present, holds Prettier options for that case.
const FIXTURES = join(import.meta.dirname, "..", "fixtures", "format");

const cases = readdirSync(FIXTURES).sort().map((name) => {
  const dir = join(FIXTURES, name);
  const ext = existsSync(join(dir, "input.sxp")) ? "sxp" : "cfg";
  const options = existsSync(join(dir, "options.json")) ? JSON.parse(readFileSync(join(dir, "options.json"), "utf8")) : {};
  return { name, dir, ext, kind: ext === "sxp" ? ("sxp" as const) : ("domain" as const), options };
});

describe("format golden cases", () => {
  it("has cases for both formats", () => {
    expect(cases.filter((c) => c.kind === "sxp").length).toBeGreaterThanOrEqual(5);
    expect(cases.filter((c) => c.kind === "domain").length).toBeGreaterThanOrEqual(10);
  });

  for (const c of cases) {
    describe(c.name, () => {
      const input = readFileSync(join(c.dir, `input.${c.ext}`), "utf8");

      it("formats to output", async () => {
        await expectGolden(await format(input, c.kind, c.options), join(c.dir, `output.${c.ext}`));
      });

      it("is stable: the output formats to itself", async () => {
        const output = readFileSync(join(c.dir, `output.${c.ext}`), "utf8");
        expect(await format(output, c.kind, c.options)).toBe(output);
      });

      it("keeps the meaning and every comment", () => {
        const output = readFileSync(join(c.dir, `output.${c.ext}`), "utf8");
        expect(parseAs(output, c.kind).errors).toEqual([]);
        expect(meaningOf(parseAs(output, c.kind))).toEqual(meaningOf(parseAs(input, c.kind)));
        expect(commentTexts(output, c.kind)).toEqual(commentTexts(input, c.kind));
      });
    });
  }
});
