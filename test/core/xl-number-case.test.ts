import { describe, expect, it } from "vitest";
import { parseDomainConfig } from "../../src/index.js";

// xl's lexer (libxlu_cfg_l.l) reads a number as [0-9][0-9a-fx]*: lower-case hex digits only. `0x4A0` is
// not 1184 to xl: the number stops at 'A' and the rest is a lexical error, so xl refuses the file.
const findings = (text: string) => parseDomainConfig(text, { file: "g.cfg" }).diagnostics.map((d) => [d.line, d.column, d.endColumn, d.severity, d.code, d.message]);

describe("upper-case hex in guest-file numbers", () => {
  it("is a syntax error with the lower-case spelling as the fix, and no value", () => {
    const doc = parseDomainConfig("maxmem = 0x4A0\nmemory = 512\n", { file: "g.cfg" });
    expect(findings(doc.text)).toEqual([
      [1, 10, 15, "error", "syntax", "'0x4A0' is not a number xl reads: xl's numbers take lower-case hex digits only and it stops reading at 'A'; write 0x4a0"],
    ]);
    expect(doc.value("maxmem")).toBeNull();
    expect(doc.value("memory")).toBe(512);
  });

  it("an upper-case X too, and inside a list", () => {
    expect(findings("cpus = [ 0X1f ]\n")).toEqual([
      [1, 10, 14, "error", "syntax", "'0X1f' is not a number xl reads: xl's numbers take lower-case hex digits only and it stops reading at 'X'; write 0x1f"],
    ]);
  });

  it("lower-case hex and decimal numbers stay valid", () => {
    const doc = parseDomainConfig("maxmem = 0x4a0\nmemory = 1024\n", { file: "g.cfg" });
    expect(doc.diagnostics).toEqual([]);
    expect(doc.value("maxmem")).toBe(1184);
  });

  it("other numbers xl cannot read keep their message", () => {
    expect(findings("memory = 1.5\n")[0]![5]).toMatch(/^'1\.5' is not a number xl reads \(whole numbers only/);
    expect(findings("memory = 0xZZ\n")[0]![5]).toMatch(/^'0xZZ' is not a number xl reads \(whole numbers only/);
  });
});

describe("upper-case hex in a number too long to quote whole", () => {
  it("names the fix without writing a clipped number back", () => {
    const long = `0x${"A".repeat(200)}`;
    const message = parseDomainConfig(`maxmem = ${long}\n`, { file: "g.cfg" }).diagnostics[0]!.message;
    expect(message).toMatch(/stops reading at 'A'; write it in lower case$/);
  });
});
