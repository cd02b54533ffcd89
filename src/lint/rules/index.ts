import type { RuleDefinition } from "../rule.js";
// One import line and one list entry per rule, both in alphabetical order; the id is the file name.
import syntax from "./syntax.js";
import xmPython from "./xm-python.js";

/** Every rule xencfg runs, the list `xencfg rules` prints and the docs test walks. */
export const allRules: readonly RuleDefinition[] = [
  syntax,
  xmPython,
];
