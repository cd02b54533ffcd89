import { execFileSync } from "node:child_process";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { shellQuote } from "../../src/script/shell-quote.js";

describe("shellQuote", () => {
  it.each([
    ["eth0", "'eth0'"],
    ["", "''"],
    ["it's", `'it'\\''s'`],
    ["$(reboot)", "'$(reboot)'"],
  ])("quotes %j as %s", (value, quoted) => {
    expect(shellQuote(value)).toBe(quoted);
  });

  it("refuses a NUL byte, which no shell word can hold", () => {
    expect(() => shellQuote("a\0b")).toThrow(/NUL/);
  });

  it("gives back every string unchanged when sh reads it (property, dash)", () => {
    const values = fc.sample(
      fc.oneof(
        fc.string({ unit: "binary" }),
        fc.string({ unit: fc.constantFrom("'", '"', "\\", "$", "`", "\n", " ", "*", "!", ";", "&", "|", "(", ")", "#", "~", "a") }),
      ).filter((s) => !s.includes("\0")),
      { numRuns: 300, seed: 20261126 },
    );
    // One sh run prints every quoted value NUL-terminated; we compare them all.
    const script = values.map((v) => `printf '%s\\0' ${shellQuote(v)}`).join("\n");
    const out = execFileSync("sh", ["-c", script], { encoding: "utf8", maxBuffer: 1 << 26 });
    expect(out.split("\0").slice(0, -1)).toEqual(values);
  });
});
