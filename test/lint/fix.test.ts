import { describe, expect, it } from "vitest";
import { fixUntilStable, planFixes } from "../../src/lint/fix.js";
import { readHosts } from "../../src/host/read-host.js";
import { allRules } from "../../src/lint/rules/index.js";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseDomainConfig } from "../../src/domain/domain-config.js";
import type { Finding } from "../../src/lint/finding.js";
import { lintFixture } from "./rule-tester.js";

const at = (file: string, edits: Finding["fix"], rule = "r"): Finding => ({ file, line: 1, column: 1, endLine: 1, endColumn: 2, rule, severity: "info", message: "m", fix: edits });

describe("planFixes", () => {
  const doc = parseDomainConfig("name = 'web1'\nvif = [ 'mac=00:16:3E:07:D2:0E' ]\n", { file: "a.cfg" });
  const docs = new Map([["a.cfg", doc]]);

  it("applies safe fixes, leaves named fix types alone unless asked", () => {
    const lower = at("a.cfg", { edits: [{ start: 27, end: 44, text: "00:16:3e:07:d2:0e" }] });
    const named = at("a.cfg", { edits: [{ start: 7, end: 13, text: "'web2'" }], type: "rename" });
    const plain = planFixes([lower, named], docs);
    expect(plain.map((p) => p.after.toString())).toEqual(["name = 'web1'\nvif = [ 'mac=00:16:3e:07:d2:0e' ]\n"]);
    const asked = planFixes([lower, named], docs, { types: ["rename"] });
    expect(asked[0]!.after.toString()).toBe("name = 'web2'\nvif = [ 'mac=00:16:3e:07:d2:0e' ]\n");
    expect(asked[0]!.fixed).toHaveLength(2);
  });

  it("defers a fix that overlaps one already taken", () => {
    const a = at("a.cfg", { edits: [{ start: 27, end: 44, text: "00:16:3e:07:d2:0e" }] });
    const b = at("a.cfg", { edits: [{ start: 25, end: 46, text: "'mac=00:16:3e:07:d2:0e'" }] });
    const [plan] = planFixes([a, b], docs);
    expect(plan!.fixed).toEqual([a]);
    expect(plan!.deferred).toEqual([b]);
  });

  it("never writes a fix that makes the file worse", () => {
    const breaking = at("a.cfg", { edits: [{ start: 7, end: 8, text: "" }] });
    expect(planFixes([breaking], docs)).toEqual([]);
  });

  it("fixes curly quotes on the first line of a file that starts with a byte order mark", async () => {
    const dir = await mkdtemp(join(tmpdir(), "xencfg-fix-bom-"));
    try {
      await writeFile(join(dir, "web.cfg"), "\ufeffname = \u201cweb\u201d\nvif = [ 'bridge=xenbr0' ]\n");
      const fixed = fixUntilStable(await readHosts([dir]), { rules: allRules });
      expect(fixed.changes.map((c) => c.after.toString())).toEqual(["\ufeffname = \"web\"\nvif = [ 'bridge=xenbr0' ]\n"]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("a second lint after fixing finds nothing left to fix", async () => {
    const code = "name = “web1”\nvif = [ 'bridge=xenbr1', 'mac=00:16:3E:07:D2:0E' ]\n";
    const first = await lintFixture({ code });
    const plans = planFixes(first.findings, first.documents, { types: ["split-spec"] });
    // mac-case's edit lies inside the span split-spec replaces: it waits for the next run.
    expect(plans[0]!.deferred.map((f) => f.rule)).toEqual(["mac-case"]);
    let text = plans[0]!.after.toString();
    expect(text).toBe("name = \"web1\"\nvif = [ 'bridge=xenbr1, mac=00:16:3E:07:D2:0E' ]\n");
    const second = await lintFixture({ code: text });
    text = planFixes(second.findings, second.documents)[0]!.after.toString();
    expect(text).toBe("name = \"web1\"\nvif = [ 'bridge=xenbr1, mac=00:16:3e:07:d2:0e' ]\n");
    const third = await lintFixture({ code: text });
    expect(third.findings.filter((f) => f.fix)).toEqual([]);
  });

  it("fixUntilStable runs the passes in memory and reports every fix per file", async () => {
    const dir = await mkdtemp(join(tmpdir(), "xencfg-fix-"));
    try {
      const code = "name = “web1”\nvif = [ 'bridge=xenbr1', 'mac=00:16:3E:07:D2:0E' ]\n";
      await writeFile(join(dir, "a.cfg"), code);
      const read = await readHosts(["a.cfg"], { cwd: dir });
      const { result, changes } = fixUntilStable(read, { rules: allRules }, { types: ["split-spec"] });
      expect(changes).toHaveLength(1);
      expect(changes[0]!.before.toString()).toBe(code);
      expect(changes[0]!.after.toString()).toBe("name = \"web1\"\nvif = [ 'bridge=xenbr1, mac=00:16:3e:07:d2:0e' ]\n");
      expect(changes[0]!.fixed.map((f) => f.rule)).toEqual(["syntax", "vif-split-spec", "mac-case"]);
      expect(result.findings.filter((f) => f.fix)).toEqual([]);
      expect(result.documents.get("a.cfg")).toBe(changes[0]!.after);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
