import type { Span } from "../sxp/nodes.js";

export type { Span };

export type DomainValue = DomainString | DomainNumber | DomainList | DomainBare;

export interface DomainString {
  kind: "string";
  span: Span;
  /** The string with escapes resolved. */
  value: string;
  /** The quote as written: ', " or a curly quote pasted from a web page. */
  quote: string;
  curly: boolean;
  /** False for a string whose closing quote is missing (it then runs to the end of the line). */
  terminated: boolean;
}

export interface DomainNumber {
  kind: "number";
  span: Span;
  raw: string;
}

export interface DomainList {
  kind: "list";
  span: Span;
  items: DomainValue[];
  /** Whether a comma follows the last item, as xl allows. */
  trailingComma: boolean;
  /** False when ']' is missing and the parser closed the list itself. */
  closed: boolean;
}

/** An unquoted word or `key=value,...` run where xl wants a quoted string; kept so it can be reported. */
export interface DomainBare {
  kind: "bare";
  span: Span;
}

export interface DomainAssignment {
  kind: "assignment";
  span: Span;
  /** The name starts the statement, so its span is `span.start` plus its length. */
  name: string;
  op: "=" | "+=";
  value: DomainValue;
}

/** A Python statement of an xm file (def, if, import, calls, expressions), kept verbatim. */
export interface DomainPython {
  kind: "python";
  span: Span;
  /** The assigned name for `name = <python expression>`; such a setting exists but its value is unknown. */
  assigns?: string;
}

/** A statement that failed to parse; kept as text so the file still prints back. */
export interface DomainInvalid {
  kind: "invalid";
  span: Span;
}

export type DomainStatement = DomainAssignment | DomainPython | DomainInvalid;

export interface DomainFile {
  kind: "domain-file";
  statements: DomainStatement[];
  comments: Span[];
}
