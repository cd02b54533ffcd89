import { EmbeddedActionsParser, type IOrAlt, type IToken } from "chevrotain";
import { allTokens, Atom, CurlyString, LParen, RParen, StrayCurlyQuote, StringLiteral, UnterminatedString } from "./tokens.js";
import type { SxpList, SxpNode } from "./nodes.js";
import { unescapeQuoted } from "../common/unescape.js";
import { parserConfig } from "../common/parser-config.js";
import { tokenEnd, tokenStart } from "../common/token-facts.js";
import { ItemStack } from "../common/item-stack.js";

/**
 * xend's S-expression reader (tools/python/xen/xend/sxp.py): a form is '(' followed by atoms, strings and
 * forms, then ')'. Nodes are built in the actions (no CST): allocation per byte is what limits speed.
 */
export class SxpParser extends EmbeddedActionsParser {
  constructor() {
    super(allTokens, parserConfig(1));
    this.performSelfAnalysis();
  }

  /** The items of the forms being read (see ItemStack). */
  readonly items = new ItemStack<SxpNode>();

  // Chevrotain resets a parser whenever it is given new input; a form an error cut short leaves its items.
  override reset(): void {
    super.reset();
    this.items.clear();
  }

  // The MANY bodies are built once: a literal closure would be allocated on every list read.
  private readonly readElement = (): void => {
    this.items.push(this.SUBRULE(this.element));
  };
  private readonly readForm = (): void => {
    this.items.push(this.SUBRULE(this.form));
  };

  /** Consecutive top-level forms: how the clean path (clean-path.ts) reads a run of directives at once. */
  public forms = this.RULE("forms", (): SxpNode[] => {
    const mark = this.items.mark();
    this.AT_LEAST_ONE(this.readForm);
    return this.items.take(mark);
  });

  public form = this.RULE("form", (): SxpList => {
    const open = this.CONSUME(LParen);
    const mark = this.items.mark();
    this.MANY(this.readElement);
    const close = this.CONSUME(RParen);
    return { kind: "list", span: { start: tokenStart(open), end: tokenEnd(close) }, items: this.items.take(mark), closed: close.image.length > 0 };
  });

  // Built once: a literal array here is five closures and six objects per element, and allocation is
  // what limits speed (Chevrotain's ecma5 example caches its large ORs the same way).
  private elementAlts: IOrAlt<SxpNode>[] | undefined = undefined;

  public element = this.RULE("element", (): SxpNode => {
    return this.OR((this.elementAlts ??= [
      { ALT: () => this.SUBRULE(this.form) },
      { ALT: () => stringNode(this.CONSUME(StringLiteral)) },
      // Reported by the lexing pass; read as a string so the directive keeps its value.
      { ALT: () => stringNode(this.CONSUME(UnterminatedString)) },
      { ALT: () => atomNode(this.CONSUME(Atom)) },
      // A lone curly quote is reported by the lexing pass; as a word it keeps the directive readable.
      { ALT: () => atomNode(this.CONSUME(StrayCurlyQuote)) },
    ]));
  });
}

export function atomNode(tok: IToken): SxpNode {
  return { kind: "atom", span: { start: tokenStart(tok), end: tokenEnd(tok) }, text: tok.image };
}

export function stringNode(tok: IToken): SxpNode {
  const image = tok.image;
  return {
    kind: "string",
    span: { start: tokenStart(tok), end: tokenEnd(tok) },
    value: unescapeQuoted(image.slice(1, tok.tokenType === UnterminatedString ? undefined : -1)),
    quote: image[0] ?? "'",
    curly: tok.tokenType === CurlyString,
  };
}
