import { describe, expect, it } from "vitest";
import { codeFrame } from "../../src/diagnostics/code-frame.js";

const at = (line: number, column: number, endColumn = column + 1) => ({ line, column, endLine: line, endColumn, severity: "error" as const });

describe("codeFrame", () => {
  it("shows the line and a caret under the span", () => {
    expect(codeFrame(at(2, 7, 10), "a = 1\nvif = [x]\n")).toBe("  2 | vif = [x]\n    |       ^~~");
  });

  it("puts tabs and control characters where they cannot move the caret or garble a terminal", () => {
    expect(codeFrame(at(1, 3), "\tx\x1b = 1\n")).toBe("  1 |  x? = 1\n    |   ^");
  });

  it("shows a window of a very long line around the column, marked with ellipses, caret still on the spot", () => {
    const line = `${"a".repeat(50_000)}#${"b".repeat(50_000)}`;
    const frame = codeFrame(at(1, 50_001), `${line}\n`);
    const [text, caret] = frame.split("\n") as [string, string];
    expect(text.length).toBeLessThan(140);
    expect(text).toBe(`  1 | …${"a".repeat(40)}#${"b".repeat(79)}…`);
    expect(text.indexOf("#")).toBe(caret.indexOf("^"));
  });

  it("keeps the start of a long line when the column is near it, and its end when the column is there", () => {
    const line = "x".repeat(300);
    const near = codeFrame(at(1, 5), line).split("\n") as [string, string];
    expect(near[0]).toBe(`  1 | ${"x".repeat(120)}…`);
    expect(near[1].indexOf("^")).toBe(6 + 4);
    const end = codeFrame(at(1, 300), line).split("\n") as [string, string];
    expect(end[0]).toBe(`  1 | …${"x".repeat(120)}`);
    expect(end[1].indexOf("^")).toBe(end[0].length - 1);
  });
});
