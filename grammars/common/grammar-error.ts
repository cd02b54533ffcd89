/**
 * What a grammar reports: offsets into the text and plain facts. The document layer turns these into
 * located, worded diagnostics; grammars know no file names and no line numbers.
 */
export interface GrammarError {
  start: number;
  end: number;
  /** A stable key the document layer words (`unclosed`, `unexpected-token`, ...). */
  kind: string;
  /** Facts for the message: expected labels, the token found, the opener's offset. */
  expected?: string[];
  found?: string;
  /** The opening bracket's offset for unclosed brackets. */
  opener?: number;
  /** The grammar rule that failed, for context-specific wording. */
  rule?: string;
}

/** A lexed token reduced to what the trees keep: type name, offsets, image. */
export interface Lexeme {
  type: string;
  start: number;
  end: number;
  image: string;
}
