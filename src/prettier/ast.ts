import type { Span } from "../ast/config-document.js";

/**
 * The tree the Prettier printers see: the core's nodes with comments attached (STYLE.md §3) and the
 * blank lines kept as counts. Built from the core documents by the adapters beside this file; the
 * printers never see the grammar's tokens and never re-read the text except for verbatim slices.
 */

export interface CommentNode {
  kind: "comment";
  span: Span;
  /** The comment as written, `#` included, trailing whitespace removed. */
  text: string;
  /** Blank lines between this comment and what comes before it (0 or 1: more collapse to one). */
  blankLinesBefore: number;
}

/** What every printable child carries: its comments and the blank lines before it. */
export interface Attached {
  span: Span;
  /** Own-line comments just before the node (or before it on its list's opening line). */
  leading: CommentNode[];
  /** The comment after the node on the same line. */
  trailing: CommentNode | undefined;
  blankLinesBefore: number;
  /** `# prettier-ignore` was the last leading comment: print the node as its source slice. */
  ignored: boolean;
}

// ---- xend-config.sxp ----

export interface SxpFileNode {
  kind: "sxp-file";
  span: Span;
  forms: SxpItemNode[];
  /** Comments after the last form. */
  dangling: CommentNode[];
  /** The quote most of the file's strings use (the default of the `xenQuote` option). */
  majorityQuote: "'" | '"';
}

export type SxpItemNode = SxpListNode | SxpAtomNode | SxpStringNode;

export interface SxpListNode extends Attached {
  kind: "sxp-list";
  items: SxpItemNode[];
  /** Comments on the '(' line before the first item. */
  open: CommentNode[];
  /** Comments after the last item, before ')'. */
  dangling: CommentNode[];
  closed: boolean;
}

export interface SxpAtomNode extends Attached {
  kind: "sxp-atom";
  text: string;
}

export interface SxpStringNode extends Attached {
  kind: "sxp-string";
  quote: string;
  curly: boolean;
  terminated: true;
  /** Source spans (absolute) whose text is printed lower-case; none in sxp files. */
  lowerCase: Span[];
}

// ---- guest cfg (xl / xm) ----

export interface DomainFileNode {
  kind: "domain-file";
  span: Span;
  statements: DomainStatementNode[];
  dangling: CommentNode[];
  majorityQuote: "'" | '"';
}

export type DomainStatementNode = AssignmentNode | VerbatimNode;

export interface AssignmentNode extends Attached {
  kind: "assignment";
  name: string;
  op: "=" | "+=";
  value: DomainValueNode;
}

/** An xm Python statement or a statement that failed to parse: printed as its source slice. */
export interface VerbatimNode extends Attached {
  kind: "python" | "invalid";
}

export type DomainValueNode = DomainListNode | DomainStringNode | DomainNumberNode | DomainBareNode;

export interface DomainListNode extends Attached {
  kind: "domain-list";
  items: DomainValueNode[];
  open: CommentNode[];
  dangling: CommentNode[];
  closed: boolean;
}

export interface DomainStringNode extends Attached {
  kind: "domain-string";
  quote: string;
  curly: boolean;
  terminated: boolean;
  /** Source spans of MAC addresses inside a vif spec: printed lower-case (xl reads MACs in any case). */
  lowerCase: Span[];
}

export interface DomainNumberNode extends Attached {
  kind: "domain-number";
  raw: string;
}

export interface DomainBareNode extends Attached {
  kind: "domain-bare";
}

export type StringNode = SxpStringNode | DomainStringNode;
export type ListNode = SxpListNode | DomainListNode;
export type RootNode = SxpFileNode | DomainFileNode;
export type XenNode = RootNode | SxpItemNode | DomainStatementNode | DomainValueNode | CommentNode;
