// Setting names and vif keys repeat in every guest file (a host of 10,000 guests spells "memory" 10,000
// times); one shared copy of each keeps a parsed guest smaller. Bounded, so that a file of a million
// distinct names cannot grow it without end: past the bound, strings are returned as they are.
const MAX_INTERNED = 4096;
const interned = new Map<string, string>();

/** One shared copy of `s` while the table has room; `s` itself otherwise. */
export function intern(s: string): string {
  const known = interned.get(s);
  if (known !== undefined) return known;
  if (interned.size < MAX_INTERNED) interned.set(s, s);
  return s;
}
