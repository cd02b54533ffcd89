import { EmbeddedActionsParser, type IOrAlt, type IToken } from "chevrotain";
import { allTokens, Comma, Equals, Text } from "./tokens.js";
import { parserConfig } from "../common/parser-config.js";
import { tokenEnd, tokenStart } from "../common/token-facts.js";

/** One `key=value` (or bare flag such as `trusted`) of a vif spec, offsets relative to the spec text. */
export interface VifEntryNode {
  start: number;
  end: number;
  keyStart: number;
  keyEnd: number;
  /** Absent for a bare flag; present (possibly empty) after '='. */
  valueStart?: number;
  valueEnd?: number;
}

/** spec := entry? (',' entry?)*; entry := Text ('=' (Text | '=')*)? */
export class VifParser extends EmbeddedActionsParser {
  constructor() {
    super(allTokens, parserConfig(1));
    this.performSelfAnalysis();
  }

  public spec = this.RULE("spec", (): (VifEntryNode | undefined)[] => {
    const entries: (VifEntryNode | undefined)[] = [];
    let pending = true;
    this.OPTION(() => {
      entries.push(this.SUBRULE(this.entry));
      pending = false;
    });
    this.MANY(() => {
      const comma = this.CONSUME(Comma);
      this.ACTION(() => {
        if (pending) entries.push(undefined);
        pending = true;
      });
      this.OPTION2(() => {
        entries.push(this.SUBRULE2(this.entry));
        pending = false;
      });
      return comma;
    });
    return entries;
  });

  // OR alternatives built once: a literal array is a closure and an object per alternative on every call,
  // and this rule runs for every entry of every vif (60,000 times on a host of 10,000 guests).
  private keyAlts: IOrAlt<IToken>[] | undefined = undefined;
  private valueAlts: IOrAlt<IToken>[] | undefined = undefined;

  public entry = this.RULE("entry", (): VifEntryNode => {
    const key = this.OR((this.keyAlts ??= [{ ALT: () => this.CONSUME(Text) }, { ALT: () => this.CONSUME(Equals) }]));
    let valueStart: number | undefined;
    let valueEnd: number | undefined;
    const keyIsEquals = key.tokenType === Equals;
    if (keyIsEquals) valueStart = valueEnd = tokenEnd(key);
    this.OPTION(() => {
      const eq = this.CONSUME2(Equals);
      valueStart = valueEnd = tokenEnd(eq);
    });
    this.MANY(() => {
      const t = this.OR2((this.valueAlts ??= [{ ALT: () => this.CONSUME2(Text) }, { ALT: () => this.CONSUME3(Equals) }]));
      valueEnd = tokenEnd(t);
    });
    // One object literal per shape (no spread): a spread builds a second object and leaves V8 several
    // shapes to handle where the caller reads these fields.
    return this.ACTION(() =>
      valueStart !== undefined
        ? { start: tokenStart(key), end: valueEnd ?? tokenEnd(key), keyStart: tokenStart(key), keyEnd: keyIsEquals ? tokenStart(key) : tokenEnd(key), valueStart, valueEnd: valueEnd! }
        : { start: tokenStart(key), end: valueEnd ?? tokenEnd(key), keyStart: tokenStart(key), keyEnd: keyIsEquals ? tokenStart(key) : tokenEnd(key) },
    ) as VifEntryNode;
  });
}

