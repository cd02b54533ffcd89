import type { Span } from "../ast/config-document.js";
import type { Attached, CommentNode } from "./ast.js";

/** A node under construction: its span, its own children (when it is a list) and where they start. */
export interface Container {
  /** Offset just after the opener ('(' or '['); undefined for the whole file. */
  openEnd: number | undefined;
  children: Attached[];
  /** Children that hold comments of their own (lists), with the offset after their opener. */
  nested: (child: Attached) => Container | undefined;
  open: CommentNode[];
  dangling: CommentNode[];
}

const IGNORE = /^#\s*prettier-ignore\s*$/;

/**
 * Attaches comments as STYLE.md §3 says (after java-parser's docs/comments.md): a comment on the same
 * line after a node trails it; a comment on the line of a list's opener, before any item, stays there
 * ("open"); any other comment leads the next node, the largest one starting there, which is the one at
 * the outermost level; comments after a container's last node belong to the container ("dangling").
 * Comments inside a node that prints verbatim (a Python statement) are part of its text and dropped here.
 * Also records the blank lines before each comment and node (0 or 1; the first of a container gets 0).
 */
export function attachComments(text: string, root: Container, comments: readonly Span[]): void {
  attachLevel(text, root, [...comments].sort((a, b) => a.start - b.start));
}

function attachLevel(text: string, container: Container, comments: Span[]): void {
  const { children } = container;
  const own: Span[] = [];
  const inside = new Map<Attached, Span[]>();
  let k = 0;
  for (const c of comments) {
    while (k < children.length && children[k]!.span.end <= c.start) k++;
    const holder = children[k];
    if (holder && holder.span.start <= c.start && c.start < holder.span.end) {
      if (!inside.has(holder)) inside.set(holder, []);
      inside.get(holder)!.push(c);
    } else own.push(c);
  }

  // Walk comments and children in source order, tracking where the previous element ended.
  // The first element of a container gets no blank line before it: blank lines at the start of a file or
  // just inside a bracket carry nothing.
  let prevEnd: number | undefined;
  let prev: Attached | undefined;
  let pending: CommentNode[] = [];
  let ci = 0;
  const blankBefore = (start: number): number => {
    if (prevEnd === undefined) return 0;
    let newlines = 0;
    for (let i = prevEnd; i < start; i++) if (text.charCodeAt(i) === 10) newlines++;
    return newlines > 1 ? 1 : 0;
  };
  const takeComment = (c: Span): void => {
    const node: CommentNode = { kind: "comment", span: c, text: text.slice(c.start, c.end).trimEnd(), blankLinesBefore: 0 };
    const sameLineAs = (offset: number) => !text.slice(offset, c.start).includes("\n");
    if (prev && !prev.trailing && sameLineAs(prev.span.end)) prev.trailing = node;
    else if (!prev && container.openEnd !== undefined && pending.length === 0 && sameLineAs(container.openEnd)) container.open.push(node);
    else {
      node.blankLinesBefore = blankBefore(c.start);
      pending.push(node);
    }
    prevEnd = c.end;
  };
  for (const child of children) {
    while (ci < own.length && own[ci]!.start < child.span.start) takeComment(own[ci++]!);
    child.leading = pending;
    child.ignored = pending.length > 0 && IGNORE.test(pending[pending.length - 1]!.text);
    pending = [];
    child.blankLinesBefore = blankBefore(child.span.start);
    prev = child;
    prevEnd = child.span.end;
    const nested = container.nested(child);
    if (nested) attachLevel(text, nested, inside.get(child) ?? []);
  }
  while (ci < own.length) takeComment(own[ci++]!);
  container.dangling.push(...pending);
}

/** Fresh comment fields for a node being built. */
export function unattached(span: Span): Attached {
  return { span, leading: [], trailing: undefined, blankLinesBefore: 0, ignored: false };
}
