/**
 * The Xen release a host runs, as far as the rules care: network-bridge's defaults changed in 3.2, its
 * early return when a bridge exists came in 4.1, and xend (with network-script) is gone from 4.5, where xl
 * is the only toolstack.
 */
export interface XenVersion {
  major: number;
  minor: number;
  /** True for "xl": a toolstack without xend (4.5 and later, or xl chosen on 4.1-4.4). */
  xl: boolean;
}

export function parseXenVersion(text: string): XenVersion | undefined {
  if (text === "xl") return { major: 4, minor: 5, xl: true };
  const m = /^(\d+)\.(\d+)(?:\.\d+)?$/.exec(text.trim());
  if (!m) return undefined;
  const major = Number(m[1]);
  const minor = Number(m[2]);
  return { major, minor, xl: major > 4 || (major === 4 && minor >= 5) };
}

/** Whether `v` is at least major.minor. */
export function atLeast(v: XenVersion, major: number, minor: number): boolean {
  return v.major > major || (v.major === major && v.minor >= minor);
}

/**
 * The versions xencfg can answer for, in words for messages: the rules, their messages and the docs cover
 * xend from 3.0 (Xen 2's xend read other files and built its bridges differently) and xl after it.
 */
export const SUPPORTED_XEN = "3.0 to 4.4 (xend), 4.5 and later or xl (xl only)";

/** Whether xencfg knows `v` (see SUPPORTED_XEN). */
export function isSupportedXen(v: XenVersion): boolean {
  return atLeast(v, 3, 0);
}
