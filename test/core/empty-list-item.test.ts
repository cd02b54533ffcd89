import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseDomainConfig } from "../../src/index.js";
import { runCli } from "../cli/run-cli.js";

// xl's grammar (libxlu_cfg_y.y) has no empty list item: `values: value | values ',' value`, plus one
// optional trailing comma. `[ 'a',, 'b' ]` and `[ 'a', , ]` make xl refuse the file.
const where = (text: string) => parseDomainConfig(text, { file: "g.cfg" }).diagnostics.map((d) => [d.line, d.column, d.endColumn, d.code, d.message]);

describe("an empty item in a guest-file list", () => {
  it("between two values: a syntax error at the extra comma; the setting and the rest of the file are still read", () => {
    const text = "vif = [ 'bridge=xenbr0',, 'bridge=xenbr1' ]\nmemory = 512\n";
    expect(where(text)).toEqual([
      [1, 25, 26, "syntax", "expected a value after ',', found another ',' (an empty list item, which xl refuses); remove one comma"],
    ]);
    const doc = parseDomainConfig(text, { file: "g.cfg" });
    expect(doc.vifs.map((v) => v.spec)).toEqual(["bridge=xenbr0", "bridge=xenbr1"]);
    expect(doc.value("memory")).toBe(512);
    expect(doc.toString()).toBe(text);
  });

  it("before the trailing comma, with spaces and line breaks between the commas", () => {
    expect(where("disk = [ 'phy:/dev/vg/a,xvda,w', , ]\n")).toEqual([
      [1, 34, 35, "syntax", "expected a value after ',', found another ',' (an empty list item, which xl refuses); remove one comma"],
    ]);
    expect(where("disk = [\n  'a',\n  ,\n]\n").map((d) => d.slice(0, 2))).toEqual([[3, 3]]);
  });

  it("one error per extra comma", () => {
    expect(where("vif = [ 'a',,, 'b' ]\n").map((d) => d.slice(0, 3))).toEqual([[1, 13, 14], [1, 14, 15]]);
  });

  it("at the start of a list: an error at the comma", () => {
    expect(where("vif = [ , 'a' ]\n")).toEqual([
      [1, 9, 10, "syntax", "expected a value or ']' after '[', found ',' (an empty list item, which xl refuses); remove the comma"],
    ]);
    expect(where("vif = [,]\n").map((d) => d.slice(0, 3))).toEqual([[1, 8, 9]]);
  });

  it("a trailing comma after the last value and an empty list stay valid", () => {
    expect(where("vif = [ 'a', ]\ndisk = []\ncpus = [ [ 'x', ], ]\nv = [\n  'a',\n  'b',\n]\n")).toEqual([]);
  });

  it("fmt refuses the file instead of deleting the empty item", async () => {
    const dir = mkdtempSync(join(tmpdir(), "xencfg-empty-item-"));
    const text = "vif = [ 'bridge=xenbr0',, 'bridge=xenbr1' ]\n";
    writeFileSync(join(dir, "g.cfg"), text);
    const r = await runCli(["fmt", "--write", "g.cfg"], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^g\.cfg:1:25: error: expected a value after ',', found another ','.*\[syntax\]\n/);
    expect(readFileSync(join(dir, "g.cfg"), "utf8")).toBe(text);
  });
});
