/** Offsets into the source text, end exclusive. */
export interface Span {
  start: number;
  end: number;
}

export type SxpNode = SxpList | SxpAtom | SxpString;

export interface SxpList {
  kind: "list";
  span: Span;
  items: SxpNode[];
  /** False when the closing ')' is missing and the parser closed the list itself. */
  closed: boolean;
}

export interface SxpAtom {
  kind: "atom";
  span: Span;
  text: string;
}

export interface SxpString {
  kind: "string";
  span: Span;
  /** The string with escapes resolved. */
  value: string;
  /** The quote character as written; a curly quote when pasted from a word processor. */
  quote: string;
  /** True when the quotes are typographic (‘…’), which xend does not read as quotes. */
  curly: boolean;
}

/** The whole file: top-level forms in order, plus the comments in the order they appear. */
export interface SxpFile {
  kind: "sxp-file";
  forms: SxpNode[];
  comments: Span[];
  /** Tokens the reader skipped (a ')' with no '('), kept so every byte stays accounted for. */
  stray: Span[];
}
