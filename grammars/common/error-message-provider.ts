import type { IParserErrorMessageProvider, TokenType } from "chevrotain";

/**
 * Chevrotain's messages are not user messages, and its exceptions keep the expected token types only in
 * the message text. This provider writes the facts as JSON instead, so `recognitionError` can read them
 * back and the document layer can word them in the file's own terms.
 */
export const factsMessageProvider: IParserErrorMessageProvider = {
  buildMismatchTokenMessage: ({ expected, ruleName }) => facts([label(expected)], ruleName),
  buildNotAllInputParsedMessage: ({ ruleName }) => facts([], ruleName),
  buildNoViableAltMessage: ({ expectedPathsPerAlt, ruleName }) =>
    facts(expectedPathsPerAlt.flatMap((alt) => alt.map((path) => label(path[0]!))), ruleName),
  buildEarlyExitMessage: ({ expectedIterationPaths, ruleName }) =>
    facts(expectedIterationPaths.map((path) => label(path[0]!)), ruleName),
};

export interface ErrorFacts {
  expected: string[];
  rule: string;
}

function facts(expected: string[], rule: string): string {
  return JSON.stringify({ expected: [...new Set(expected)], rule } satisfies ErrorFacts);
}

function label(t: TokenType): string {
  return t.LABEL ?? t.name;
}

export function readFacts(message: string): ErrorFacts {
  try {
    return JSON.parse(message) as ErrorFacts;
  } catch {
    return { expected: [], rule: "" };
  }
}
