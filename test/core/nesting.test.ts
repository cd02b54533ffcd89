import { describe, expect, it } from "vitest";
import { parseDomainConfig, parseXendConfig } from "../../src/index.js";
import { MAX_NESTING } from "../../grammars/common/nesting.js";

// The parsers recurse once per bracket; without a limit, a file of thousands of '(' or '[' overflowed the
// stack ("internal error", exit 70) instead of getting a diagnostic.
const deepSxp = (levels: number, closed = true) => `(a ${"(".repeat(levels - 1)}${closed ? ")".repeat(levels) : ""}\n(vif-script vif-bridge)\n`;
const deepXl = (levels: number, closed = true) => `vif = ${"[".repeat(levels)}${closed ? "]".repeat(levels) : ""}\nmemory = 512\n`;

describe("nesting deeper than the parsers read", () => {
  it("xend: one error at the first '(' past the limit, and the directives after it are still read", () => {
    const doc = parseXendConfig(deepSxp(50_000), { file: "x.sxp" });
    expect(doc.diagnostics.map((d) => [d.line, d.column, d.message])).toEqual([
      [1, 4 + MAX_NESTING - 1, expect.stringMatching(/^parentheses nested more than 64 deep; xencfg does not read this directive any further/)],
    ]);
    expect(doc.directive("vif-script")?.value).toBe("vif-bridge");
    expect(doc.text).toBe(deepSxp(50_000));
  });

  it("xl: one error at the first '[' past the limit, the setting is not read, the next one is", () => {
    const doc = parseDomainConfig(deepXl(50_000), { file: "g.cfg" });
    expect(doc.diagnostics.map((d) => [d.line, d.column, d.message])).toEqual([
      [1, 7 + MAX_NESTING, expect.stringMatching(/^lists nested more than 64 deep; xencfg does not read this setting any further/)],
    ]);
    expect(doc.assigns("vif")).toBe(false);
    expect(doc.value("memory")).toBe(512);
  });

  it("left open as well: the unclosed bracket once and the depth once, not an error per bracket", () => {
    const xend = parseXendConfig(deepSxp(50_000, false), { file: "x.sxp" });
    expect(xend.diagnostics.map((d) => d.message.split(";")[0])).toEqual(["'(' is never closed", "parentheses nested more than 64 deep"]);
    const xl = parseDomainConfig(deepXl(50_000, false), { file: "g.cfg" });
    expect(xl.diagnostics.map((d) => d.message.split(";")[0])).toEqual(["'[' is never closed", "lists nested more than 64 deep"]);
    expect(xl.value("memory")).toBe(512);
  });

  it("reads nesting up to the limit as usual", () => {
    const xend = parseXendConfig(deepSxp(MAX_NESTING), { file: "x.sxp" });
    expect(xend.diagnostics).toEqual([]);
    const xl = parseDomainConfig(deepXl(MAX_NESTING), { file: "g.cfg" });
    expect(xl.diagnostics).toEqual([]);
    let v = xl.value("vif");
    let depth = 0;
    while (Array.isArray(v)) {
      depth++;
      v = v[0];
    }
    expect(depth).toBe(MAX_NESTING);
  });
});
