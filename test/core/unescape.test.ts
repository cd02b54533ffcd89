import { describe, expect, it } from "vitest";
import { fc, test } from "@fast-check/vitest";
import { unescapeQuoted, unescapeWithOffsets } from "../../grammars/common/unescape.js";
import { escapeForQuote } from "../../src/edit/quote.js";

describe("unescapeQuoted", () => {
  it.each([
    ["plain", "plain"],
    ["a\\\\b", "a\\b"],
    ["it\\'s", "it's"],
    ["tab\\there", "tab\there"],
    ["\\a\\b\\f\\n\\r\\t\\v", "\x07\b\f\n\r\t\v"],
    ["\\x41\\x4a2", "AJ2"],
    ["\\xg", "xg"],
    ["\\101\\0", "A\0"],
    ["\\q", "q"],
    ["ends with \\", "ends with \\"],
    ["^localhost$ ^localhost\\\\.localdomain$", "^localhost$ ^localhost\\.localdomain$"],
  ])("reads %j as xl does", (body, value) => {
    expect(unescapeQuoted(body)).toBe(value);
    expect(unescapeWithOffsets(body).value).toBe(value);
  });

  it("maps each character of the value to where it was written", () => {
    const { value, offsets } = unescapeWithOffsets("ab\\x41c\\\\d");
    expect(value).toBe("abAc\\d");
    expect(offsets).toEqual([0, 1, 2, 6, 7, 9, 10]);
  });

  test.prop([fc.string({ unit: fc.constantFrom("a", "b", "'", '"', "\\", " ", "x", "4", "1", "0", "é") })])(
    "undoes the escaping xencfg writes, for either quote",
    (s) => {
      for (const q of ["'", '"']) expect(unescapeQuoted(escapeForQuote(s, q))).toBe(s);
    },
  );

  test.prop([fc.string({ unit: fc.constantFrom("a", "\\", "x", "7", "n", "F") })])(
    "gives one offset per value character, increasing, plus the end",
    (body) => {
      const { value, offsets } = unescapeWithOffsets(body);
      expect(offsets).toHaveLength(value.length + 1);
      expect(offsets[offsets.length - 1]).toBe(body.length);
      for (let i = 1; i < offsets.length; i++) expect(offsets[i]!).toBeGreaterThan(offsets[i - 1]!);
      // Where the body has no escape at a position, the character is copied as written.
      for (let i = 0; i < value.length; i++) if (body[offsets[i]!] !== "\\") expect(value[i]).toBe(body[offsets[i]!]);
    },
  );
});
