import { createTokenInstance, type IToken } from "chevrotain";
import { DomainParser } from "./parser.js";
import {
  domainLexer, Assign, Comma, CurlyString, LBracket, Name, PlusAssign, PythonOp, RBracket, Semicolon,
  StrayCurlyQuote, TripleString, UnterminatedString, SqString, DqString,
} from "./tokens.js";
import type { DomainFile, DomainStatement } from "./nodes.js";
import type { GrammarError } from "../common/grammar-error.js";
import { recognitionError } from "../common/recognition-error.js";
import { lexedFacts } from "../common/lexed.js";
import { MAX_NESTING } from "../common/nesting.js";
import { quoteFault, startsLine, tokenEnd, tokenStart } from "../common/token-facts.js";

export type * from "./nodes.js";

// Built on first use (see domainLexer in tokens.ts): one instance, reused, as Chevrotain wants.
let instance: DomainParser | undefined;

// Words that can only start a Python statement: a line starting with one is an xm-era Python statement.
const PYTHON_KEYWORDS = new Set([
  "def", "if", "elif", "else", "for", "while", "import", "from", "class", "try", "except", "finally",
  "return", "print", "with", "global", "pass", "del", "assert", "raise", "lambda", "yield", "break", "continue",
]);
const BLOCK_CONTINUATIONS = new Set(["elif", "else", "except", "finally"]);

export interface DomainParseResult {
  file: DomainFile;
  errors: GrammarError[];
}

/**
 * Parses a guest config (xl syntax, plus xm's Python kept as opaque statements). Never throws on bad
 * input: faults are GrammarErrors and every byte stays covered by a statement, a comment or trivia.
 */
export function parseDomain(text: string): DomainParseResult {
  const parser = (instance ??= new DomainParser());
  const lexed = domainLexer().tokenize(text);
  const { errors, comments } = lexedFacts(lexed, text);
  const tokens = lexed.tokens;
  const statements: DomainStatement[] = [];
  let previousPython = false;
  let i = 0;
  while (i < tokens.length) {
    const first = tokens[i]!;
    if (first.tokenType === Semicolon) {
      i++;
      continue;
    }
    const line = logicalLine(tokens, i, text);
    i = line.next;
    const span = { start: tokenStart(first), end: tokenEnd(line.tokens[line.tokens.length - 1]!) };
    const indented = !startsLine(text, tokenStart(first));
    const head = first.tokenType === Name ? first.image : "";
    if (previousPython && (indented || BLOCK_CONTINUATIONS.has(head))) {
      // The body of a def/if/for block, or its else branch: part of the Python statement before it.
      statements[statements.length - 1]!.span.end = span.end;
      continue;
    }
    if (isPython(line.tokens)) {
      const second = line.tokens[1];
      statements.push({ kind: "python", span, ...(first.tokenType === Name && second?.tokenType === Assign ? { assigns: first.image } : {}) });
      previousPython = true;
      continue;
    }
    previousPython = false;
    if (line.tooDeep) {
      // One finding for the depth, and one for the list left open if it is: not one per '[' of thousands.
      errors.push({ start: tokenStart(line.tooDeep), end: tokenEnd(line.tooDeep), kind: "too-deep", opener: tokenStart(first) });
      const outer = line.unclosed[0];
      if (outer) errors.push({ start: tokenStart(outer), end: tokenEnd(outer), kind: "unclosed", expected: ["']'"], opener: tokenStart(outer), found: line.stoppedAt?.image });
      statements.push({ kind: "invalid", span });
      continue;
    }
    const own: GrammarError[] = [];
    // Indexed: this runs for every token of every statement, and a for-of allocates an iterator until V8
    // optimises the loop, which a lint of thousands of small files mostly never waits for.
    const lineTokens = line.tokens;
    for (let k = 0; k < lineTokens.length; k++) {
      const fault = quoteFault(lineTokens[k]!, QUOTE_TOKENS);
      if (fault) own.push(fault);
    }
    for (let k = 0; k < line.unclosed.length; k++) {
      const opener = line.unclosed[k]!;
      own.push({ start: tokenStart(opener), end: tokenEnd(opener), kind: "unclosed", expected: ["']'"], opener: tokenStart(opener), found: line.stoppedAt?.image });
    }
    let input = line.tokens;
    if (line.unclosed.length > 0) {
      const at = span.end;
      input = input.concat(line.unclosed.map(() => createTokenInstance(RBracket, "", at, at, NaN, NaN, NaN, NaN)));
    }
    parser.input = input;
    const node = parser.assignment();
    const failed = parser.errors.length > 0;
    for (let k = 0; k < parser.emptyItems.length; k++) own.push(parser.emptyItems[k]!);
    if (failed) own.push(recognitionError(parser.errors[0]!, span.end));
    const unquoted = unquotedEntry(line.tokens, text);
    // One cause, one message: an unquoted vif entry explains the stray quote and the "missing" ']' too.
    if (unquoted) errors.push(unquoted);
    else {
      const kept = consequencesOfQuotes(own);
      for (let k = 0; k < kept.length; k++) errors.push(kept[k]!);
    }
    statements.push(failed ? { kind: "invalid", span } : node);
  }
  return { file: { kind: "domain-file", statements, comments }, errors };
}

/**
 * A quote fault explains what follows it on the statement, so only the quote is reported: an
 * unterminated string runs to the end of the line and takes the ']' with it ("'[' is never closed" and
 * the parser's complaint are its echoes), and a straight quote after an unpaired curly one (`“web1"`) is
 * that quote's intended partner, not a second mistake.
 */
function consequencesOfQuotes(own: GrammarError[]): GrammarError[] {
  const quotes = own.filter((e) => e.kind === "unterminated-string" || e.kind === "curly-quote");
  if (quotes.length === 0) return own;
  const first = Math.min(...quotes.map((e) => e.start));
  const curlyBefore = (e: GrammarError) => own.some((c) => c.kind === "curly-quote" && c.start < e.start);
  const unterminated = quotes.some((e) => e.kind === "unterminated-string");
  return own.filter((e) => {
    if (e.kind === "curly-quote") return true;
    if (e.kind === "unterminated-string") return !curlyBefore(e);
    // A bracket left open because the string swallowed its ']' is the same story told again, and so is
    // anything the parser found from the first quote on; what comes before it is a mistake of its own.
    if (e.kind === "unclosed") return !unterminated;
    return e.start < first;
  });
}

interface LogicalLine {
  /** The statement's tokens (line breaks are never tokens: inside brackets xl ignores them). */
  tokens: IToken[];
  /** '[' tokens never closed before the statement ended. */
  unclosed: IToken[];
  /** The token that ended a statement with unclosed brackets (the next statement's name). */
  stoppedAt?: IToken;
  /** The first '[' nested deeper than MAX_NESTING, when there is one: the statement is not parsed. */
  tooDeep?: IToken;
  next: number;
}

/**
 * One statement: tokens up to a line break or ';' outside brackets. Inside '[' line breaks are free (xl
 * allows lists over many lines), but a line that starts in column 1 with `name =` begins the next
 * statement: the list before it lost its ']' (or a Python call its ')').
 */
function logicalLine(tokens: IToken[], start: number, text: string): LogicalLine {
  const out: IToken[] = [];
  const stack: IToken[] = [];
  let brackets = 0;
  let tooDeep: IToken | undefined;
  let j = start;
  for (; j < tokens.length; j++) {
    const t = tokens[j]!;
    const type = t.tokenType;
    if (j > start && newlineBetween(text, tokenEnd(tokens[j - 1]!), tokenStart(t))) {
      if (stack.length === 0) break;
      // Also for '(' : an xm call missing its ')' must not swallow the settings after it.
      if (type === Name && startsLine(text, tokenStart(t))) {
        const after = tokens[j + 1];
        if (after && (after.tokenType === Assign || after.tokenType === PlusAssign)) {
          return { tokens: out, unclosed: openBrackets(stack), stoppedAt: t, next: j, ...(tooDeep ? { tooDeep } : {}) };
        }
      }
    }
    if (type === Semicolon && stack.length === 0) break;
    out.push(t);
    if (type === LBracket || (type === PythonOp && (t.image === "(" || t.image === "{"))) {
      stack.push(t);
      if (type === LBracket && ++brackets > MAX_NESTING) tooDeep ??= t;
    } else if (type === RBracket || (type === PythonOp && (t.image === ")" || t.image === "}"))) {
      if (stack.pop()?.tokenType === LBracket) brackets--;
    }
  }
  return { tokens: out, unclosed: openBrackets(stack), next: j, ...(tooDeep ? { tooDeep } : {}) };
}

/**
 * Whether a line break lies between two tokens. Only white space, comments (which stop before the end of
 * their line) and characters the lexer could not read (it resumes at the next white space) fill the gap.
 */
function newlineBetween(text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (text.charCodeAt(k) === 10) return true;
  return false;
}

// Shared by every statement that closes all its brackets (nearly all): read, never written.
const NONE: IToken[] = [];

function openBrackets(stack: IToken[]): IToken[] {
  return stack.length === 0 ? NONE : stack.filter((o) => o.tokenType === LBracket);
}

/**
 * Whether a statement is Python that xl cannot read (xm executed guest files as Python). Quoting mistakes
 * are never taken for Python: an unterminated or curly-quoted string, or `=` inside a list (an unquoted vif
 * entry), makes it an xl statement so its error is reported.
 */
function isPython(line: IToken[]): boolean {
  const first = line[0]!;
  if (first.tokenType === TripleString) return true;
  // `if = []` is no Python (a keyword cannot be assigned to) but a setting xl reads under that name.
  const assigns = line[1]?.tokenType === Assign || line[1]?.tokenType === PlusAssign;
  if (first.tokenType === Name && PYTHON_KEYWORDS.has(first.image) && !assigns) return true;
  let depth = 0;
  let pythonish = false;
  for (let k = 0; k < line.length; k++) {
    const type = line[k]!.tokenType;
    if (type === UnterminatedString || type === CurlyString || type === StrayCurlyQuote) return false;
    if (type === LBracket) depth++;
    else if (type === RBracket) depth--;
    else if (type === Assign && depth > 0) return false;
    else if (type === PythonOp || type === TripleString) pythonish = true;
  }
  return pythonish && first.tokenType === Name;
}

/**
 * The classic `vif = [mac=00:16:3E:02:00:41,bridge=xenbr0' ]`: a `key=value` run inside a list where xl
 * wants one quoted string per interface. Reported as one error whose text is the entry to quote.
 */
function unquotedEntry(line: IToken[], text: string): GrammarError | undefined {
  let depth = 0;
  for (let k = 0; k < line.length; k++) {
    const t = line[k]!;
    if (t.tokenType === LBracket) depth++;
    else if (t.tokenType === RBracket) depth--;
    else if (depth > 0 && t.tokenType === Name && line[k + 1]?.tokenType === Assign) {
      let m = k;
      while (m < line.length && !STOPS_UNQUOTED.has(line[m]!.tokenType)) m++;
      // Commas belong to an unquoted vif spec (mac=...,bridge=...), but one right before the next quoted
      // entry separates the list's items: `bridge=xenbr1, 'bridge=xenbr2'` is to be written 'bridge=xenbr1'.
      if (m > k + 1 && line[m - 1]!.tokenType === Comma && (line[m]?.tokenType === SqString || line[m]?.tokenType === DqString)) m--;
      const stop = line[m];
      const start = tokenStart(t);
      const stopEnd = m > k ? tokenEnd(line[m - 1]!) : tokenEnd(t);
      const danglingQuote = stop?.tokenType === UnterminatedString ? stop : undefined;
      return {
        start,
        end: danglingQuote ? tokenStart(danglingQuote) + 1 : stopEnd,
        kind: "unquoted-entry",
        found: text.slice(start, danglingQuote ? tokenStart(danglingQuote) + 1 : stopEnd),
        ...(danglingQuote ? { opener: tokenStart(danglingQuote) } : {}),
      };
    }
  }
  return undefined;
}

const STOPS_UNQUOTED = new Set([RBracket, LBracket, UnterminatedString, SqString, DqString, CurlyString, TripleString]);

const QUOTE_TOKENS = { unterminated: UnterminatedString, stray: StrayCurlyQuote, curly: CurlyString };

export { domainLexer } from "./tokens.js";
export { DomainParser } from "./parser.js";
