/**
 * A whole-number option as typed, or NaN. Such options are declared as strings: yargs' own number type
 * turns `ten` into NaN (and `0x10` into 16) before the command sees it, so its message could only say
 * "got NaN" instead of what the admin typed.
 */
export function wholeNumber(text: string): number {
  return /^\d+$/.test(text) ? Number(text) : NaN;
}
