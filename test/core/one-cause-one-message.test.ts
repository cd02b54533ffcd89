import { describe, expect, it } from "vitest";
import { parseDomainConfig } from "../../src/domain/domain-config.js";
import { parseXendConfig } from "../../src/xend/xend-config.js";

// A missing or pasted quote is one mistake: its echoes (a bracket the string swallowed, the parser's
// complaint about the same spot, the straight quote meant to close a curly one) are not reported
// beside it, and Prettier, which shows only the first message, shows the cause.
const messages = (diags: readonly { line: number; column: number; message: string }[]) => diags.map((d) => `${d.line}:${d.column} ${d.message.split(":")[0]}`);

describe("one cause, one message", () => {
  it("an unterminated string inside a list is not also an unclosed '['", () => {
    const doc = parseDomainConfig('vif = [ "bridge=xenbr0 ]\nmemory = 512\n');
    expect(messages(doc.diagnostics)).toEqual(["1:9 unterminated string"]);
    expect(doc.setting("memory")?.value).toBe(512);
  });

  it("a curly opening quote closed by a straight one is one curly-quote error", () => {
    const doc = parseDomainConfig("name = \u201cweb1\"\nmemory = 512\n");
    expect(messages(doc.diagnostics)).toEqual(["1:8 curly quote \u201c (U+201C left double quotation mark) is not a quote to xl (pasted from a web page or word processor?); use \" or '"]);
  });

  it("a mistake before the quote is still its own message", () => {
    const doc = parseDomainConfig('name == "a\n');
    expect(messages(doc.diagnostics)).toEqual(["1:6 expected '=' after the setting name, found '=='", "1:9 unterminated string"]);
  });

  it("xend-config.sxp: an unterminated string is not also an unclosed '('", () => {
    const doc = parseXendConfig("(a 'b)\n(c d)\n", { file: "x.sxp" });
    expect(messages(doc.diagnostics)).toEqual(["1:4 unterminated string"]);
    expect(doc.directives.map((d) => d.name)).toEqual(["a", "c"]);
  });
});
