import { VifParser, type VifEntryNode } from "./parser.js";
import { vifLexer } from "./tokens.js";

export type { VifEntryNode } from "./parser.js";

// Built on first use (see vifLexer in tokens.ts): one instance, reused, as Chevrotain wants.
let instance: VifParser | undefined;

/**
 * Splits one vif spec into its entries. `undefined` marks an empty entry between two commas, which xl
 * skips; every other entry keeps its offsets so findings and edits land on the exact characters.
 */
export function parseVifSpec(spec: string): (VifEntryNode | undefined)[] {
  const parser = (instance ??= new VifParser());
  const lexed = vifLexer().tokenize(spec);
  parser.input = lexed.tokens;
  const entries = parser.spec();
  // The grammar accepts every token sequence this lexer can produce; an error here would be a bug.
  if (parser.errors.length > 0 || lexed.errors.length > 0) throw new Error(`vif grammar rejected ${JSON.stringify(spec)}`);
  return entries;
}
