import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import rule from "../../../src/lint/rules/xl-whitespace.js";
import { parseDomainConfig } from "../../../src/domain/domain-config.js";
import { lintFixture, ruleTester } from "../rule-tester.js";
import { runCli } from "../../cli/run-cli.js";
import { makeRoot } from "../../apply/plan-helpers.js";

const CRLF = "name = 'web1'\r\nmemory = 512\r\nvif = [ 'mac=00:16:3e:07:d2:0e, bridge=xenbr0' ]\r\n";
const LF = CRLF.replace(/\r\n/g, "\n");

ruleTester(rule, {
  valid: [
    LF,
    // xl's comment rule takes everything up to the LF, a CR included: a file whose every line ends in a
    // comment is one xl reads.
    "name = 'web1'  # copied from web0\r\nmemory = 512  # MiB\r\n",
    // Inside a string a CR is a character of the value, as it is to xl.
    "name = 'web\r1'\n",
    "# a form feed \f and a vertical tab \v in a comment, and a BOM \ufeff too\nname = 'web1'\n",
    {
      name: "xend-config.sxp is xend's, whose reader takes a CR for white space",
      files: { "etc/xen/xend-config.sxp": "(network-script network-bridge)\r\n(vif-script vif-bridge)\r\n" },
    },
  ],
  invalid: [
    {
      name: "CRLF line ends without --xen: a warning, and --fix leaves the file as it is (xm reads it)",
      code: CRLF,
      errors: [
        {
          messageId: "stray",
          line: 1,
          column: 14,
          endLine: 1,
          endColumn: 15,
          severity: "warning",
          message: "xl refuses this file (a lexical error): outside strings and comments it reads only spaces, tabs and LF line ends, found the CR of a CRLF line end, and 2 more CRs",
        },
      ],
      output: CRLF,
    },
    {
      name: "xm-era Xen: still a warning",
      code: CRLF,
      xen: "4.4",
      errors: [{ messageId: "stray", severity: "warning" }],
      output: CRLF,
    },
    {
      name: "with --xen xl: an error, and --fix removes every CR",
      code: CRLF,
      xen: "xl",
      errors: [{ messageId: "stray", line: 1, column: 14, severity: "error" }],
      output: LF,
    },
    {
      name: "a byte-order mark is reported first and removed with the CRs",
      code: `\ufeff${CRLF}`,
      xen: "4.5",
      errors: [
        {
          messageId: "stray",
          line: 1,
          column: 1,
          endColumn: 2,
          severity: "error",
          message: "xl refuses this file (a lexical error): outside strings and comments it reads only spaces, tabs and LF line ends, found a UTF-8 byte-order mark at the start of the file, and 3 more CRs",
        },
      ],
      output: LF,
    },
    {
      name: "a byte-order mark alone",
      code: "\ufeffname = 'web1'\n",
      xen: "xl",
      errors: [{ messageId: "stray", line: 1, column: 1, endColumn: 2, message: /found a UTF-8 byte-order mark at the start of the file$/ }],
      output: "name = 'web1'\n",
    },
    {
      name: "CRs inside comments and strings stay; only the ones xl trips on go",
      code: "name = 'web\r1'  # copied\r\n\r\nmemory = 512\r\n",
      xen: "xl",
      errors: [{ messageId: "stray", line: 2, column: 1, endColumn: 2, message: /found the CR of a CRLF line end, and 1 more CR$/ }],
      output: "name = 'web\r1'  # copied\r\n\nmemory = 512\n",
    },
    {
      name: "a form feed that is the only space between two tokens becomes a space, so the tokens stay apart",
      code: "memory\f= 512\v\nname = 'web1'\n",
      xen: "xl",
      errors: [{ messageId: "stray", line: 1, column: 7, message: /found a form feed, and 1 more vertical tab$/ }],
      output: "memory = 512\nname = 'web1'\n",
    },
    {
      name: "several kinds are counted by kind",
      code: "\ufeffname = 'web1'\f\r\nmemory = 512\v\r\n",
      xen: "xl",
      errors: [{ messageId: "stray", line: 1, column: 1, message: /, and 4 more \(2 CRs, 1 form feed, 1 vertical tab\)$/ }],
      output: "name = 'web1'\nmemory = 512\n",
    },
    {
      name: "a CR between two words (old Mac line ends) is reported but not fixed: a line break or a space may be meant",
      code: "name = 'web1'\rmemory = 512\r",
      xen: "xl",
      errors: [
        {
          messageId: "stray",
          line: 1,
          column: 14,
          message: "xl refuses this file (a lexical error): outside strings and comments it reads only spaces, tabs and LF line ends, found a CR that is not followed by LF, and 1 more CR (not fixed automatically: a CR between two words may be meant as a line break or as a space; replace each with what was meant)",
        },
      ],
      output: "name = 'web1'\rmemory = 512\r",
    },
    {
      name: "without --xen no file gets a fix, so the message does not say why this one has none",
      code: "name = 'web1'\rmemory = 512\r",
      errors: [{ messageId: "stray", severity: "warning", message: /found a CR that is not followed by LF, and 1 more CR$/ }],
    },
    {
      name: "xm's Python is read by xl's lexer too",
      code: "def f():\r\n    return 1\r\n",
      xen: "xl",
      errors: [{ messageId: "stray", line: 1, column: 9 }],
      output: "def f():\n    return 1\n",
    },
    {
      name: "xl.conf is read by the same lexer, for every xl command",
      xen: "xl",
      files: { "etc/xen/xl.conf": 'vif.default.bridge="xenbr0"\r\n' },
      errors: [{ messageId: "stray", file: "etc/xen/xl.conf", line: 1, column: 28, severity: "error" }],
      output: { "etc/xen/xl.conf": 'vif.default.bridge="xenbr0"\n' },
    },
    {
      name: "one finding per file",
      files: { "etc/xen/a.cfg": CRLF, "etc/xen/b.cfg": LF, "etc/xen/c.cfg": `\ufeff${LF}` },
      errors: [
        { messageId: "stray", file: "etc/xen/a.cfg", line: 1, column: 14 },
        { messageId: "stray", file: "etc/xen/c.cfg", line: 1, column: 1 },
      ],
    },
  ],
});

describe("xl-whitespace with every rule", () => {
  it("is the only finding of a CRLF copy of a clean guest, and the typed view is unchanged by the fix", async () => {
    const { findings } = await lintFixture({ code: CRLF, xen: "xl" });
    expect(findings.map((f) => `${f.line}:${f.column} ${f.rule}`)).toEqual(["1:14 xl-whitespace"]);
    expect(parseDomainConfig(LF).toJSON()).toEqual(parseDomainConfig(CRLF).toJSON());
  });
});

describe("xencfg lint --fix --xen xl", () => {
  // Temp folders go with the run's own TMPDIR (test/global-temp-dir.ts).
  it("rewrites a CRLF guest with a BOM so that it parses and lints clean, and leaves xend-config.sxp alone", async () => {
    const sxp = "(vif-script vif-bridge)\r\n";
    const dir = makeRoot({ "etc/xen/xend-config.sxp": sxp, "etc/xen/web1.cfg": `\ufeff${CRLF}` });

    const before = await runCli(["lint", "--format", "json", "--xen", "xl", "etc/xen"], { cwd: dir });
    expect((JSON.parse(before.stdout) as { rule: string; severity: string }[]).map((f) => `${f.rule} ${f.severity}`)).toEqual(["xl-whitespace error"]);
    expect(before.code).toBe(1);

    const fixed = await runCli(["lint", "--fix", "--xen", "xl", "etc/xen"], { cwd: dir });
    expect(fixed.stderr).toBe("xencfg: fixed 1 problem in etc/xen/web1.cfg (xl-whitespace)\n");
    expect(fixed.stdout).toBe("no problems in 2 files checked\n");
    expect(fixed.code).toBe(0);
    const text = readFileSync(join(dir, "etc/xen/web1.cfg"), "utf8");
    expect(text).toBe(LF);
    expect(parseDomainConfig(text).diagnostics).toEqual([]);
    expect(readFileSync(join(dir, "etc/xen/xend-config.sxp"), "utf8")).toBe(sxp);
  });

  it("without --xen, --fix keeps the line ends and the finding stays a warning", async () => {
    const dir = makeRoot({ "etc/xen/web1.cfg": CRLF });
    const r = await runCli(["lint", "--fix", "--format", "json", "etc/xen"], { cwd: dir });
    expect(r.stderr).toBe("");
    expect(readFileSync(join(dir, "etc/xen/web1.cfg"), "utf8")).toBe(CRLF);
    const rows = JSON.parse(r.stdout) as { rule: string; severity: string; fix?: unknown }[];
    expect(rows.map((f) => `${f.rule} ${f.severity} ${f.fix === undefined ? "no fix" : "fix"}`)).toEqual(["xl-whitespace warning no fix"]);
    expect(r.code).toBe(0);
  });
});
