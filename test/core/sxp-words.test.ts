import { describe, expect, it } from "vitest";
import { parseXendConfig } from "../../src/xend/xend-config.js";
import { format } from "../prettier/format-helpers.js";

// xend's reader (sxp.py state_atom) ends a word only at white space, '#' and `{}()<>[]!;`: a quote
// inside a word is part of it. Reading it as the start of a string gave false errors, swallowed the
// lines after it, and let fmt split the word (`abc'def'` into `abc 'def'`), which changes what xend reads.
describe("xend-config.sxp words as xend reads them", () => {
  it("keeps a quote inside a word as part of it, and the next lines as directives", () => {
    const doc = parseXendConfig("(vncpasswd it's)\n(network-script 'network-bridge netdev=eth1')\n(vif-script 'vif-bridge')\n", { file: "x.sxp" });
    expect(doc.diagnostics).toEqual([]);
    expect(doc.directives.map((d) => d.name)).toEqual(["vncpasswd", "network-script", "vif-script"]);
    expect(doc.networkScript?.args.map((a) => `${a.key}=${a.value}`)).toEqual(["netdev=eth1"]);
  });

  it("ends a word at its separators, which start a word of their own", () => {
    const doc = parseXendConfig("(a [b] c;d)\n", { file: "x.sxp" });
    const form = doc.tree.forms[0]!;
    expect(form.kind === "list" && form.items.map((i) => (i.kind === "atom" ? i.text : i.kind))).toEqual(["a", "[b", "]", "c", ";d"]);
  });

  it("formatting keeps such a word whole", async () => {
    expect(await format("(a   abc'def'  b)\n", "sxp")).toBe("(a abc'def' b)\n");
  });

  it("still reports a curly quote inside a word", () => {
    const doc = parseXendConfig("(vif-script vif-bridge\u2019)\n", { file: "x.sxp" });
    expect(doc.diagnostics.map((d) => [d.line, d.column, d.code])).toEqual([[1, 23, "syntax"]]);
    expect(doc.diagnostics[0]!.message).toMatch(/^curly quote/);
  });
});
