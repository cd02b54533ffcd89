import { Lexer } from "chevrotain";
import { afterEach, describe, expect, it, vi } from "vitest";

// At run time the parsers skip Chevrotain's grammar validations (start-up cost); this test builds each
// grammar with them on, so an ambiguity or a left recursion fails here and not in a user's hands.
describe("grammar definitions", () => {
  afterEach(() => vi.unstubAllEnvs());

  it("every lexer and parser passes Chevrotain's validations", async () => {
    vi.stubEnv("XENCFG_GRAMMAR_VALIDATIONS", "1");
    // If the switch stopped reaching the parsers' configuration, every check below would pass unchecked.
    expect((await import("../../grammars/common/parser-config.js")).parserConfig(1).skipValidations).toBe(false);
    const grammars = [
      [await import("../../grammars/sxp/tokens.js"), (await import("../../grammars/sxp/parser.js")).SxpParser],
      [await import("../../grammars/domain/tokens.js"), (await import("../../grammars/domain/parser.js")).DomainParser],
      [await import("../../grammars/vif/tokens.js"), (await import("../../grammars/vif/parser.js")).VifParser],
    ] as const;
    for (const [tokens, Parser] of grammars) {
      const lexer = new Lexer(tokens.allTokens, { ensureOptimizations: true, skipValidations: false, positionTracking: "onlyOffset" });
      expect(lexer.lexerDefinitionErrors).toEqual([]);
      expect(() => new Parser()).not.toThrow();
    }
  });
});
