import { describe, expect, it } from "vitest";
import type { Finding } from "../../src/lint/finding.js";
import { renderText } from "../../src/lint/formats/text.js";
import { renderJson } from "../../src/lint/formats/json.js";
import { renderSarif } from "../../src/lint/formats/sarif.js";
import { escapeData, escapeProperty, renderGithub } from "../../src/lint/formats/github.js";
import { LineIndex } from "../../src/diagnostics/line-index.js";
import { allRules } from "../../src/lint/rules/index.js";
import { ENGINE_RULES } from "../../src/lint/engine.js";

const SOURCE = "name = 'web1'\nvif = [ 'mac=00:16:3E:07:D2:0E, brigde=xenbr0' ]\n";
const FINDINGS: Finding[] = [
  { file: "etc/xen/web1.cfg", line: 2, column: 14, endLine: 2, endColumn: 31, rule: "mac-case", severity: "info", message: "write the MAC in lower case: 00:16:3e:07:d2:0e", fix: { edits: [{ start: 26, end: 43, text: "00:16:3e:07:d2:0e" }] } },
  { file: "etc/xen/web1.cfg", line: 2, column: 33, endLine: 2, endColumn: 39, rule: "vif-unknown-key", severity: "error", message: "xl does not know the vif key 'brigde'; did you mean 'bridge'?" },
  { file: "etc/xen/auto/db 1.cfg", line: 10, column: 1, endLine: 12, endColumn: 2, rule: "vif-split-spec", severity: "warning", message: "100% of: a, b\nnext line", fix: { edits: [{ start: 1, end: 2, text: "x" }], type: "split-spec" } },
];

describe("text format", () => {
  it("groups by file, aligns line:col, severity, message and rule, and ends with a summary", () => {
    expect(renderText(FINDINGS, { fileCount: 3 })).toBe(
      [
        "etc/xen/web1.cfg",
        "  2:14  info   write the MAC in lower case: 00:16:3e:07:d2:0e  mac-case",
        "  2:33  error  xl does not know the vif key 'brigde'; did you mean 'bridge'?  vif-unknown-key",
        "",
        "etc/xen/auto/db 1.cfg",
        "  10:1  warning  100% of: a, b\nnext line  vif-split-spec",
        "",
        "3 problems (1 error, 1 warning, 1 info) in 3 files checked",
        "1 problem can be fixed with --fix",
        "",
      ].join("\n"),
    );
  });

  it("adds code frames and colours only when asked (a terminal)", () => {
    const sources = new Map([["etc/xen/web1.cfg", new LineIndex(SOURCE)]]);
    const plain = renderText(FINDINGS.slice(0, 1), { sources });
    expect(plain).not.toContain("\x1b[");
    expect(plain).not.toContain(" | ");
    const tty = renderText(FINDINGS.slice(0, 1), { sources, frames: true, color: true });
    expect(tty).toContain("\x1b[36m");
    expect(tty).toContain("    2 | vif = [ 'mac=00:16:3E:07:D2:0E, brigde=xenbr0' ]");
    const framesOnly = renderText(FINDINGS.slice(0, 1), { sources, frames: true, color: false });
    expect(framesOnly).toContain("      |              ^~~~~~~~~~~~~~~~~\n");
    expect(framesOnly).not.toContain("\x1b[");
  });

  it("says so when there is nothing", () => {
    expect(renderText([], { fileCount: 7 })).toBe("no problems in 7 files checked\n");
  });
});

describe("json format", () => {
  it("is an array of the finding fields, with fixes in ESLint's shape", () => {
    const rows = JSON.parse(renderJson(FINDINGS));
    expect(rows[1]).toEqual({ file: "etc/xen/web1.cfg", line: 2, column: 33, endLine: 2, endColumn: 39, rule: "vif-unknown-key", severity: "error", message: "xl does not know the vif key 'brigde'; did you mean 'bridge'?" });
    expect(rows[0].fix).toEqual({ edits: [{ start: 26, end: 43, text: "00:16:3e:07:d2:0e" }] });
    expect(rows[2].fix.type).toBe("split-spec");
    expect(JSON.parse(renderJson([]))).toEqual([]);
  });
});

describe("sarif format", () => {
  const rules = [...allRules, ...ENGINE_RULES];
  const log = JSON.parse(renderSarif(FINDINGS, rules, "9.9.9"));

  it("has the SARIF 2.1.0 shape", () => {
    expect(log.version).toBe("2.1.0");
    expect(log.$schema).toMatch(/sarif-2\.1\.0/);
    expect(log.runs).toHaveLength(1);
    const driver = log.runs[0].tool.driver;
    expect(driver.name).toBe("xencfg");
    expect(driver.version).toBe("9.9.9");
    expect(driver.rules.map((r: { id: string }) => r.id)).toEqual(rules.map((r) => r.id));
    for (const r of driver.rules) {
      expect(r.shortDescription.text.length).toBeGreaterThan(0);
      expect(r.help.text).toContain(`docs/rules/${r.id}.md`);
      expect(["error", "warning", "note"]).toContain(r.defaultConfiguration.level);
    }
  });

  it("has one result per finding with level, message, rule index and real columns", () => {
    const results = log.runs[0].results;
    expect(results).toHaveLength(3);
    const driverRules = log.runs[0].tool.driver.rules;
    expect(results[0]).toEqual({
      ruleId: "mac-case",
      ruleIndex: driverRules.findIndex((r: { id: string }) => r.id === "mac-case"),
      level: "note",
      message: { text: "write the MAC in lower case: 00:16:3e:07:d2:0e" },
      locations: [{ physicalLocation: { artifactLocation: { uri: "etc/xen/web1.cfg", uriBaseId: "SRCROOT" }, region: { startLine: 2, startColumn: 14, endLine: 2, endColumn: 31 } } }],
    });
    expect(results[1].level).toBe("error");
    expect(results[2].level).toBe("warning");
    expect(results[2].locations[0].physicalLocation.artifactLocation.uri).toBe("etc/xen/auto/db%201.cfg");
    expect(driverRules[results[2].ruleIndex].id).toBe("vif-split-spec");
  });

  it("writes absolute paths as file URIs", () => {
    const abs = JSON.parse(renderSarif([{ ...FINDINGS[1]!, file: "/etc/xen/web 1.cfg" }], rules, "1"));
    expect(abs.runs[0].results[0].locations[0].physicalLocation.artifactLocation).toEqual({ uri: "file:///etc/xen/web%201.cfg" });
  });
});

describe("github format", () => {
  it("writes one workflow command per finding, with notice for info", () => {
    const lines = renderGithub(FINDINGS).split("\n");
    expect(lines[0]).toBe("::notice file=etc/xen/web1.cfg,line=2,col=14,endLine=2,endColumn=31,title=mac-case::write the MAC in lower case: 00:16:3e:07:d2:0e [mac-case]");
    expect(lines[1]).toMatch(/^::error file=etc\/xen\/web1\.cfg,line=2,col=33,/);
    expect(lines[2]).toBe("::warning file=etc/xen/auto/db 1.cfg,line=10,col=1,endLine=12,endColumn=2,title=vif-split-spec::100%25 of: a, b%0Anext line [vif-split-spec]");
  });

  it("escapes %, CR and LF in messages, and also : and , in properties", () => {
    expect(escapeData("50% a:b,c\r\nd")).toBe("50%25 a:b,c%0D%0Ad");
    expect(escapeProperty("C:\\xen\\a,b%.cfg\n")).toBe("C%3A\\xen\\a%2Cb%25.cfg%0A");
    expect(renderGithub([{ ...FINDINGS[1]!, file: "etc/xen/a,b:c.cfg" }])).toMatch(/^::error file=etc\/xen\/a%2Cb%3Ac\.cfg,line=2,/);
  });
});
