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
});
