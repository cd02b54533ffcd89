import { EmbeddedActionsParser, type IOrAlt, type IToken } from "chevrotain";
import {
  allTokens, Assign, Comma, CurlyString, LBracket, Name, NumberLiteral, PlusAssign, PythonOp, RBracket,
  StringLiteral, UnterminatedString,
} from "./tokens.js";
import type { DomainAssignment, DomainBare, DomainList, DomainString, DomainValue } from "./nodes.js";
import type { GrammarError } from "../common/grammar-error.js";
import { unescapeQuoted } from "../common/unescape.js";
import { parserConfig } from "../common/parser-config.js";
import { tokenEnd, tokenStart } from "../common/token-facts.js";
import { ItemStack } from "../common/item-stack.js";
import { intern } from "../common/intern.js";

/**
 * One statement of xl's grammar (libxlu_cfg_y.y): `name = value` or `name += value`, where a value is a
 * string, a number or a list of values with an optional trailing comma. The statement splitter has already
 * cut the file into statements at the line breaks outside lists (line breaks are skipped, not tokens: the
 * splitter finds them between tokens, and inside a list xl ignores them too).
 */
export class DomainParser extends EmbeddedActionsParser {
  constructor() {
    super(allTokens, parserConfig(2));
    this.performSelfAnalysis();
  }

  // OR alternatives built once: a literal array is a closure and an object per alternative on every
  // call, and allocation is what limits speed on a host of thousands of guests.
  private opAlts: IOrAlt<IToken>[] | undefined = undefined;
  private valueAlts: IOrAlt<DomainValue>[] | undefined = undefined;

  /** The items of the lists being read (see ItemStack). */
  readonly items = new ItemStack<DomainValue>();

  /**
   * Empty list items of the statement being read (`[ 'a',, 'b' ]`, `[ 'a', , ]`, `[ , 'a' ]`): xl's grammar
   * has none, so each is an error at its extra comma. They are read past, not failed on, so the rest of the
   * statement is still read and its other faults reported.
   */
  readonly emptyItems: GrammarError[] = [];

  // Chevrotain resets a parser whenever it is given new input; a list an error cut short leaves its items.
  override reset(): void {
    super.reset();
    this.items.clear();
    this.emptyItems.length = 0;
  }

  public assignment = this.RULE("assignment", (): DomainAssignment => {
    const name = this.CONSUME(Name);
    const op = this.OR((this.opAlts ??= [{ ALT: () => this.CONSUME(Assign) }, { ALT: () => this.CONSUME(PlusAssign) }]));
    const value = this.SUBRULE(this.value);
    // Built in ACTION: during Chevrotain's grammar recording SUBRULE returns a placeholder.
    return this.ACTION(() => ({
      kind: "assignment",
      span: { start: tokenStart(name), end: value.span.end },
      name: intern(name.image),
      op: op.image === "+=" ? "+=" : "=",
      value,
    })) as DomainAssignment;
  });

  public value = this.RULE("value", (): DomainValue => {
    return this.OR((this.valueAlts ??= [
      { ALT: () => this.SUBRULE(this.list) },
      { ALT: () => stringValue(this.CONSUME(StringLiteral)) },
      { ALT: () => stringValue(this.CONSUME(UnterminatedString)) },
      {
        ALT: () => {
          const t = this.CONSUME(NumberLiteral);
          return { kind: "number", span: { start: tokenStart(t), end: tokenEnd(t) }, raw: t.image } as DomainValue;
        },
      },
      { ALT: () => this.SUBRULE(this.bare) },
    ]));
  });

  // An unquoted word, or an unquoted `key=value` vif entry (the classic `vif = [ mac=...,bridge=... ]`):
  // read as a value of its own so the document can say "quote it" instead of "unexpected '='".
  public bare = this.RULE("bare", (): DomainBare => {
    const first = this.CONSUME(Name);
    let last: IToken = first;
    this.OPTION(() => {
      last = this.CONSUME(Assign);
      this.MANY(() => {
        last = this.OR([
          { ALT: () => this.CONSUME2(Name) },
          { ALT: () => this.CONSUME(NumberLiteral) },
          { ALT: () => this.CONSUME(PythonOp) },
          { ALT: () => this.CONSUME2(Assign) },
        ]);
      });
    });
    return this.ACTION(() => ({ kind: "bare", span: { start: tokenStart(first), end: tokenEnd(last) } })) as DomainBare;
  });

  // xl (libxlu_cfg_y.y): `'[' values ']'` or `'[' values ',' ']'`, where values are one or more values
  // separated by single commas. Read here more widely, a comma with no value before it included, so that
  // such a comma is reported as the empty item it makes instead of failing the whole statement.
  public list = this.RULE("list", (): DomainList => {
    const open = this.CONSUME(LBracket);
    const mark = this.items.mark();
    let trailingComma = false;
    this.MANY(() => {
      const comma = this.CONSUME(Comma);
      this.ACTION(() => this.emptyItem(comma, trailingComma ? "empty-item" : "leading-comma"));
      trailingComma = true;
    });
    this.OPTION(() => {
      this.items.push(this.SUBRULE(this.value));
      trailingComma = false;
      this.MANY2(() => {
        const comma = this.CONSUME2(Comma);
        if (trailingComma) this.ACTION(() => this.emptyItem(comma, "empty-item"));
        trailingComma = true;
        this.OPTION2(() => {
          this.items.push(this.SUBRULE2(this.value));
          trailingComma = false;
        });
      });
    });
    const close = this.CONSUME(RBracket);
    const items = this.items.take(mark);
    return this.ACTION(() => ({
      kind: "list",
      span: { start: tokenStart(open), end: tokenEnd(close) },
      items,
      trailingComma,
      closed: close.image.length > 0,
    })) as DomainList;
  });

  private emptyItem(comma: IToken, kind: "empty-item" | "leading-comma"): void {
    this.emptyItems.push({ start: tokenStart(comma), end: tokenEnd(comma), kind, found: "," });
  }
}


function stringValue(t: IToken): DomainString {
  const image = t.image;
  const terminated = t.tokenType !== UnterminatedString;
  return {
    kind: "string",
    span: { start: tokenStart(t), end: tokenEnd(t) },
    value: unescapeQuoted(image.slice(1, terminated ? -1 : undefined)),
    quote: image[0] ?? "'",
    curly: t.tokenType === CurlyString,
    terminated,
  };
}
