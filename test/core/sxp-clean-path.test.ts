import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { test } from "@fast-check/vitest";
import fc from "fast-check";
import { parseSxp, parseSxpFully } from "../../grammars/sxp/index.js";
import { parseCleanSxp } from "../../grammars/sxp/clean-path.js";
import { SxpParser } from "../../grammars/sxp/parser.js";
import { MAX_NESTING } from "../../grammars/common/nesting.js";
import { corpusFiles, rel, sampleFiles } from "./corpus-files.js";
import { largeXendConfig, seededRandom } from "../../scripts/bench/generate-host.js";

// The clean path (grammars/sxp/clean-path.ts) must give exactly the full path's result whenever it
// answers, and decline everything the full path reports or treats specially.
const parser = new SxpParser();
const sxpFiles = [...corpusFiles(), ...sampleFiles()].filter((p) => /xend-config|\.sxp/.test(p));

describe("the clean sxp path", () => {
  it.each(sxpFiles.map((p) => [rel(p), p]))("reads %s as the full path does", (_, path) => {
    const text = readFileSync(path, "utf8");
    const full = parseSxpFully(text);
    const clean = parseCleanSxp(text, parser);
    if (full.errors.length === 0) expect(clean).toStrictEqual(full);
    else expect(clean).toBeUndefined();
  });

  it("reads the bench's large file as the full path does", () => {
    const text = largeXendConfig(2_000, seededRandom(3));
    const clean = parseCleanSxp(text, parser);
    expect(clean).toBeDefined();
    expect(clean).toStrictEqual(parseSxpFully(text));
  });

  it.each([
    ["an unbalanced '('", "(a (b)\n"],
    ["a stray ')'", "(a) )\n"],
    ["a '(' opening a line inside a form", "(a\n(b))\n"],
    ["an unterminated string", "(a 'b)\n"],
    ["a curly quote", "(a \u2018b\u2019)\n"],
    ["a no-break space", "(a\u00a0b)\n"],
    ["a control character", "(a \u0001)\n"],
    ["a byte-order mark", "\ufeff(a b)\n"],
    ["nesting past the limit", `${"(".repeat(MAX_NESTING + 1)}${")".repeat(MAX_NESTING + 1)}\n`],
  ])("declines %s", (_, text) => {
    expect(parseCleanSxp(text, parser)).toBeUndefined();
    // and parseSxp still reads it the full way
    expect(parseSxp(text)).toStrictEqual(parseSxpFully(text));
  });

  it("accepts nesting up to the limit, and text outside forms", () => {
    const deep = `${"(".repeat(MAX_NESTING)}x${")".repeat(MAX_NESTING)}\n`;
    expect(parseCleanSxp(deep, parser)).toStrictEqual(parseSxpFully(deep));
    const loose = "word 'string' \"dq\" # comment\n(a) tail";
    expect(parseCleanSxp(loose, parser)).toStrictEqual(parseSxpFully(loose));
  });

  // Pieces of xend-config.sxp, with now and then one the clean path must decline.
  const atom = fc.stringMatching(/^[!$-&*-~]{1,6}$/).filter((s) => !s.includes("#") && !s.includes("'") && !s.includes('"'));
  const quoted = fc
    .tuple(fc.constantFrom("'", '"'), fc.array(fc.oneof(fc.stringMatching(/^[ -~\n\u00e9\u2018]$/), fc.constantFrom("\\'", '\\"', "\\\\", "\\\n")), { maxLength: 6 }))
    .map(([q, parts]) => q + parts.filter((p) => p !== q).join("") + q);
  const gap = fc.constantFrom(" ", "  ", "\n", "\n  ", "\t", "\r\n", " # note\n", "\n# line\n", "");
  const odd = fc.constantFrom("(", ")", "\n(", "'", '"', "\u00a0", "\u2018", "\u0001", "\\", "#", "\ufeff");
  const form: fc.Arbitrary<string> = fc.letrec<{ form: string; item: string }>((tie) => ({
    item: fc.oneof({ depthSize: "small" }, atom, quoted, tie("form")),
    form: fc.tuple(fc.array(fc.tuple(gap, tie("item")), { maxLength: 4 }), gap).map(([items, end]) => `(${items.map(([g, i]) => g + i).join("")}${end})`),
  })).form;
  const file = fc
    .tuple(fc.array(fc.tuple(gap, fc.oneof({ weight: 6, arbitrary: form }, { weight: 1, arbitrary: atom }, { weight: 1, arbitrary: odd })), { maxLength: 6 }), gap)
    .map(([parts, end]) => parts.map(([g, p]) => g + p).join("\n") + end);

  let answered = 0;
  let asked = 0;
  test.prop([file], { numRuns: 400 })("parseSxp equals the full path on generated files", (text) => {
    asked++;
    if (parseCleanSxp(text, parser) !== undefined) answered++;
    expect(parseSxp(text)).toStrictEqual(parseSxpFully(text));
  });

  it("the generated files exercise both paths", () => {
    expect(asked).toBe(400);
    expect(answered).toBeGreaterThan(asked * 0.2);
    expect(answered).toBeLessThan(asked * 0.95);
  });
});
