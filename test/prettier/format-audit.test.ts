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
});
