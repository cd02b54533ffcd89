/**
 * One word for a POSIX shell: always single-quoted, each `'` written as `'\''`. Inside single quotes
 * the shell expands nothing (`$`, backquotes, `\`, globs, newlines are all literal), so this is the one
 * quoting that needs no knowledge of the value. It quotes even plain words, so a reader of a generated
 * script sees at a glance that every value from outside went through here.
 */
export function shellQuote(value: string): string {
  // No shell word can hold a NUL byte (C strings end there); a caller that passes one has a bug.
  if (value.includes("\0")) throw new RangeError("a shell word cannot contain a NUL byte");
  return `'${value.replaceAll("'", `'\\''`)}'`;
}
