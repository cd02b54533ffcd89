/**
 * A unified diff (diff -u, 3 lines of context) of two texts. Plans change a few lines of small files, so
 * the common head and tail are cut first and the rest is an LCS table, which stays tiny.
 */
export function unifiedDiff(oldText: string | null, newText: string | null, oldName: string, newName: string, context = 3): string {
  const a = splitLines(oldText ?? "");
  const b = splitLines(newText ?? "");
  const ops = diffLines(a, b);
  if (!ops.some((o) => o.tag !== "=")) return "";
  const out = [`--- ${oldText === null ? "/dev/null" : oldName}`, `+++ ${newText === null ? "/dev/null" : newName}`];
  let i = 0;
  while (i < ops.length) {
    while (i < ops.length && ops[i]!.tag === "=") i++;
    if (i >= ops.length) break;
    let start = Math.max(0, i - context);
    let end = i;
    // Extend the hunk while the next change is within 2*context lines of equal text.
    for (;;) {
      while (end < ops.length && ops[end]!.tag !== "=") end++;
      let eq = end;
      while (eq < ops.length && ops[eq]!.tag === "=") eq++;
      if (eq < ops.length && eq - end <= 2 * context) end = eq;
      else {
        end = Math.min(ops.length, end + context);
        break;
      }
    }
    const hunk = ops.slice(start, end);
    const first = ops[start]!;
    const oldCount = hunk.filter((o) => o.tag !== "+").length;
    const newCount = hunk.filter((o) => o.tag !== "-").length;
    const oldStart = oldCount === 0 ? first.ai : first.ai + 1;
    const newStart = newCount === 0 ? first.bi : first.bi + 1;
    out.push(`@@ -${oldStart},${oldCount} +${newStart},${newCount} @@`);
    for (const o of hunk) {
      out.push(`${o.tag === "=" ? " " : o.tag}${o.line.text}`);
      if (!o.line.eol) out.push("\\ No newline at end of file");
    }
    i = end;
    start = end;
  }
  return `${out.join("\n")}\n`;
}

interface Line {
  text: string;
  eol: boolean;
}

interface Op {
  tag: "=" | "-" | "+";
  line: Line;
  /** Index of the line in the old (ai) and new (bi) text where this op sits. */
  ai: number;
  bi: number;
}

function splitLines(text: string): Line[] {
  if (text === "") return [];
  const parts = text.split("\n");
  const last = parts.pop()!;
  const lines = parts.map((t) => ({ text: t, eol: true }));
  if (last !== "") lines.push({ text: last, eol: false });
  return lines;
}

function same(x: Line, y: Line): boolean {
  return x.text === y.text && x.eol === y.eol;
}

function diffLines(a: Line[], b: Line[]): Op[] {
  let head = 0;
  while (head < a.length && head < b.length && same(a[head]!, b[head]!)) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && same(a[a.length - 1 - tail]!, b[b.length - 1 - tail]!)) tail++;
  const am = a.slice(head, a.length - tail);
  const bm = b.slice(head, b.length - tail);
  const n = am.length;
  const m = bm.length;
  const lcs: Uint32Array[] = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--) lcs[i]![j] = same(am[i]!, bm[j]!) ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  const ops: Op[] = [];
  for (let k = 0; k < head; k++) ops.push({ tag: "=", line: a[k]!, ai: k, bi: k });
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && same(am[i]!, bm[j]!)) {
      ops.push({ tag: "=", line: am[i]!, ai: head + i, bi: head + j });
      i++;
      j++;
    } else if (j < m && (i >= n || lcs[i]![j + 1]! >= lcs[i + 1]![j]!)) {
      // Deletions first, then insertions, as diff -u prints them.
      if (i < n && lcs[i + 1]![j]! === lcs[i]![j + 1]!) {
        ops.push({ tag: "-", line: am[i]!, ai: head + i, bi: head + j });
        i++;
      } else {
        ops.push({ tag: "+", line: bm[j]!, ai: head + i, bi: head + j });
        j++;
      }
    } else {
      ops.push({ tag: "-", line: am[i]!, ai: head + i, bi: head + j });
      i++;
    }
  }
  for (let k = 0; k < tail; k++) ops.push({ tag: "=", line: a[a.length - tail + k]!, ai: a.length - tail + k, bi: b.length - tail + k });
  return ops;
}
