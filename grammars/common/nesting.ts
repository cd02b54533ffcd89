/**
 * How deep brackets may nest before xencfg stops reading a statement. The parsers recurse once per level,
 * so a file of fifty thousand '(' would otherwise end in a stack overflow instead of a diagnostic. Real
 * files nest three deep at most (xend's `(xen-api-server ((9363 pam ...)))`, xl's lists of strings).
 */
export const MAX_NESTING = 64;
