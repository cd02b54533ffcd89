import type { IParserConfig } from "chevrotain";
import { factsMessageProvider } from "./error-message-provider.js";

/**
 * What every xencfg grammar runs with. Recovery is off: the statement splitters recover at statement
 * level, where the messages can name the cause. Grammar validations cost start-up on every run, so they
 * run only when XENCFG_GRAMMAR_VALIDATIONS=1 (a test builds each grammar that way).
 */
export function parserConfig(maxLookahead: number): IParserConfig {
  return {
    recoveryEnabled: false,
    maxLookahead,
    errorMessageProvider: factsMessageProvider,
    skipValidations: process.env.XENCFG_GRAMMAR_VALIDATIONS !== "1",
  };
}
