import type { IRecognitionException } from "chevrotain";
import type { GrammarError } from "./grammar-error.js";
import { tokenEnd } from "./token-facts.js";
import { readFacts } from "./error-message-provider.js";

/**
 * Reduces a Chevrotain exception to facts at a real position. Chevrotain reports the end of input with
 * offset NaN and an empty image; callers add zero-width closers before parsing, so a missing token at the
 * end is placed at `fallbackEnd` (the end of the statement) instead of line -1.
 */
export function recognitionError(e: IRecognitionException, fallbackEnd: number): GrammarError {
  const tok = e.token;
  const real = Number.isFinite(tok.startOffset) && tok.startOffset >= 0 && tok.image.length > 0;
  const start = real ? tok.startOffset : fallbackEnd;
  const facts = readFacts(e.message);
  return {
    start,
    end: real ? tokenEnd(tok) : fallbackEnd,
    kind: e.name === "NotAllInputParsedException" ? "trailing-input" : "unexpected-token",
    expected: facts.expected,
    found: real ? tok.image : undefined,
    rule: facts.rule,
  };
}
