import { describe, expect, it } from "vitest";
import { format } from "./format-helpers.js";

// Cases found by an adversarial audit of the formatter; expected outputs are written by hand.
describe("formatter audit", () => {
  it("keeps a `# prettier-ignore-start` that is the last thing in the file", async () => {
    expect(await format("a=1\n# prettier-ignore-start\n", "domain")).toBe("a = 1\n# prettier-ignore-start\n");
    expect(await format("a=1\n# prettier-ignore-start", "domain")).toBe("a = 1\n# prettier-ignore-start\n");
    expect(await format("(a   b)\n\n# prettier-ignore-start\n", "sxp")).toBe("(a b)\n\n# prettier-ignore-start\n");
    expect(await format("# prettier-ignore-start\n", "domain")).toBe("# prettier-ignore-start\n");
  });

  it("refuses endOfLine cr, whose lone CRs xl and xend do not read as line breaks", async () => {
    await expect(format("a=1\nb=2\n", "domain", { endOfLine: "cr" })).rejects.toThrow(/endOfLine "cr"/);
    await expect(format("(a b)\n(c d)\n", "sxp", { endOfLine: "cr" })).rejects.toThrow(/endOfLine "cr"/);
    // "auto" on a file with classic Mac line breaks resolves to "cr": the same refusal, not a new meaning.
    await expect(format("a = 1 # c\rb = 2\r", "domain", { endOfLine: "auto" })).rejects.toThrow(/endOfLine "cr"/);
  });

  it("refuses tabWidth 0 for xend-config.sxp, where a nested list would open a line with '('", async () => {
    const text = "(xen-api-server ((9363 pam) (unix none)))\n";
    await expect(format(text, "sxp", { tabWidth: 0, printWidth: 20 })).rejects.toThrow(/tabWidth 0 is not supported for xend-config.sxp/);
    // With tabs the nesting is indented whatever tabWidth says; guest files have no such column rule.
    expect(await format(text, "sxp", { tabWidth: 0, useTabs: true, printWidth: 20 })).toBe("(xen-api-server\n\t((9363 pam)\n\t (unix none)))\n");
    expect(await format('vif = [ "a", "b" ]\n', "domain", { tabWidth: 0, printWidth: 10 })).toBe('vif = [\n"a",\n"b",\n]\n');
  });
});
