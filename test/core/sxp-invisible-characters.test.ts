import { describe, expect, it } from "vitest";
import { parseXendConfig } from "../../src/xend/xend-config.js";

// xend's reader (sxp.py) skips only ' \t\n\v\f\r' between tokens; any other character that cannot start
// a word stops it with "invalid character: code N", so xend does not start. A byte-order mark and a
// no-break space are the usual ones, and both are invisible: the message names them.
describe("xend-config.sxp: characters xend refuses between tokens", () => {
  it.each([
    ["a byte-order mark", "\ufeff(network-script network-bridge)\n", 1, 1, "U+FEFF (a byte-order mark, which some editors write at the start of a file; save it without one)"],
    ["a no-break space", "(network-script \u00a0network-bridge)\n", 1, 17, "U+00A0 (a no-break space, as pasted from a web page; write a plain space)"],
  ])("%s is an error at its place, and the rest is still read", (_, text, line, column, named) => {
    const doc = parseXendConfig(text, { file: "xend-config.sxp" });
    expect(doc.diagnostics.map((d) => [d.line, d.column, d.severity, d.message])).toEqual([[line, column, "error", `unexpected character ${named}; xend does not read it as white space`]]);
    expect(doc.networkScript?.script).toBe("network-bridge");
    expect(doc.toString()).toBe(text);
  });

  it("inside a word, where xend takes it as part of the word, it is an error too", () => {
    const doc = parseXendConfig("(vif-script vif-bridge)\n(network-script network-bri\u00a0dge)\n", { file: "xend-config.sxp" });
    expect(doc.diagnostics.map((d) => [d.line, d.column, d.message])).toEqual([[2, 28, "unexpected character U+00A0 (a no-break space, as pasted from a web page; write a plain space); xend does not read it as white space"]]);
  });

  it("takes sxp.py's own white space as white space", () => {
    const doc = parseXendConfig("(network-script\tnetwork-bridge)\r\n\v\f(vif-script vif-bridge)\n", { file: "xend-config.sxp" });
    expect(doc.diagnostics).toEqual([]);
    expect(doc.directives.map((d) => d.name)).toEqual(["network-script", "vif-script"]);
  });
});
