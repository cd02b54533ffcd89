import { describe, expect } from "vitest";
import { fc, test } from "@fast-check/vitest";
import type { TokenType } from "chevrotain";
import * as domain from "../../grammars/domain/tokens.js";
import * as sxp from "../../grammars/sxp/tokens.js";

// The string tokens are written unrolled for speed. These are the same languages in their plain form,
// one alternation per character: the unrolled patterns must match exactly what these match, everywhere.
const PLAIN: [string, TokenType, RegExp][] = [
  ["domain SqString", domain.SqString, /'(?:[^'\\\n]|\\.)*'/y],
  ["domain DqString", domain.DqString, /"(?:[^"\\\n]|\\.)*"/y],
  ["domain UnterminatedString", domain.UnterminatedString, /['"](?:[^\\\n]|\\.)*/y],
  ["sxp SqString", sxp.SqString, /'(?:[^'\\]|\\[\s\S])*'/y],
  ["sxp DqString", sxp.DqString, /"(?:[^"\\]|\\[\s\S])*"/y],
];

function matchAt(pattern: RegExp, text: string, offset: number): number {
  pattern.lastIndex = offset;
  const m = pattern.exec(text);
  return m ? m[0].length : -1;
}

const texts = fc.string({ unit: fc.constantFrom("'", '"', "\\", "\n", "\r", "a", " ", "\u2028", "x"), maxLength: 40 });

describe("unrolled string patterns", () => {
  for (const [name, token, plain] of PLAIN) {
    test.prop([texts])(`${name} matches what its plain form matches, at every offset`, (text) => {
      const unrolled = new RegExp((token.PATTERN as RegExp).source, "y");
      for (let i = 0; i <= text.length; i++) expect(matchAt(unrolled, text, i)).toBe(matchAt(plain, text, i));
    });
  }
});
