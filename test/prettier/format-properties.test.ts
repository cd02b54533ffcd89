import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { meaningOf } from "../../src/prettier/same-meaning.js";
import { commentTexts, format, parseAs } from "./format-helpers.js";
import type { ConfigFormat } from "../../src/parse-file.js";

// Documents built from the grammars, with trivia and comments woven between tokens: formatting any of
// them keeps the meaning and every comment, and formatting the result changes nothing.

const comment = fc.string({ maxLength: 12 }).map((s) => `#${s.replace(/[\r\n]/g, "")}`);
const gap = fc.constantFrom(" ", "", "  ", "\t");
/** Space that may hold line breaks and comments; lines inside brackets are indented, as in real files. */
const trivia = fc.array(fc.oneof(gap, comment.map((c) => ` ${c}\n  `), fc.constant("\n  "), fc.constant("\n\n   ")), { maxLength: 3 }).map((parts) => parts.join(""));

// sxp strings may span lines (xend's reader reads to the closing quote); xl strings stay on one line.
const stringBody = (quote: string, multiLine = false) =>
  fc
    .array(fc.oneof(fc.constantFrom("a", "B", " ", ",", "=", ":", "#", "%", quote === "'" ? '"' : "'", "\\\\", `\\${quote}`, "\\n", ...(multiLine ? ["\n", "\n(x "] : [])), fc.string({ maxLength: 4 }).map((s) => s.replace(/[\\'"\n\r]/g, "x"))), { maxLength: 6 })
    .map((parts) => parts.join(""));
const quoted = fc.constantFrom("'", '"').chain((q) => stringBody(q).map((b) => `${q}${b}${q}`));
const mac = fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 6, maxLength: 6 }).map((o) => o.map((n) => n.toString(16).padStart(2, "0").toUpperCase()).join(":"));
const vifString = fc.tuple(fc.constantFrom("'", '"'), mac, fc.constantFrom("xenbr0", "br1")).map(([q, m, b]) => `${q}mac=${m},bridge=${b}${q}`);

const xlValue = fc.letrec<{ value: string; list: string }>((tie) => ({
  value: fc.oneof({ depthSize: "small" }, quoted, vifString, fc.nat({ max: 70000 }).map(String), fc.nat({ max: 4095 }).map((n) => `0x${n.toString(16)}`), tie("list")),
  list: fc
    .tuple(trivia, fc.array(fc.tuple(tie("value"), trivia, trivia), { maxLength: 4 }), fc.boolean(), trivia)
    .map(([open, items, trailingComma, close]) => `[${open}${items.map(([v, a, b], i) => `${i > 0 ? `,${a}` : ""}${v}${b}`).join("")}${items.length && trailingComma ? "," : ""}${close}]`),
})).value;

const xlStatement = fc.tuple(fc.oneof(fc.constant("vif"), fc.stringMatching(/^[a-z][a-z0-9_]{0,6}$/)), fc.constantFrom("=", "+=", " = ", "  +=  "), xlValue, fc.option(comment, { nil: undefined })).map(
  ([name, op, value, trailing]) => `${name}${op}${value}${trailing ? ` ${trailing}` : ""}`,
);
// xm-era Python, which the formatter keeps verbatim.
const python = fc.constantFrom("import os, re", "def f(x):\n    return x   # inside\nname = 'VM%d' % vmid", "disk = [ 'phy:sda%d,sda1,w' % (7+vmid),\n         'phy:sda6,sda6,r' ]");
const domainDoc = fc
  .array(fc.tuple(fc.oneof({ weight: 4, arbitrary: xlStatement }, { weight: 1, arbitrary: comment }, { weight: 1, arbitrary: fc.constant("") }, { weight: 1, arbitrary: python }), fc.constantFrom("\n", "\n", ";", " ; ")), { maxLength: 8 })
  .map((lines) => lines.map(([line, end], i) => (i === lines.length - 1 ? line : line + (line.includes("#") || line === "" || line.includes("\n") ? "\n" : end))).join(""));

const sxpAtom = fc.stringMatching(/^[a-z0-9][a-z0-9./:-]{0,8}$/);
const sxpString = fc.constantFrom("'", '"').chain((q) => stringBody(q, true).map((b) => `${q}${b}${q}`));
const sxpTrivia = fc.array(fc.oneof(fc.constant(" "), comment.map((c) => ` ${c}\n `), fc.constant("\n   ")), { minLength: 1, maxLength: 2 }).map((p) => p.join(""));
const sxpNode = fc.letrec<{ node: string; list: string }>((tie) => ({
  node: fc.oneof({ depthSize: "small" }, sxpAtom, sxpString, tie("list")),
  list: fc.tuple(fc.option(sxpTrivia, { nil: "" }), fc.array(tie("node"), { maxLength: 4 }), fc.array(sxpTrivia, { minLength: 4, maxLength: 4 }), fc.option(sxpTrivia, { nil: "" })).map(
    ([open, items, seps, close]) => `(${open}${items.join(seps[0]!)}${close})`,
  ),
})).node;
const directive = fc.tuple(sxpAtom, fc.array(fc.tuple(sxpTrivia, sxpNode), { maxLength: 4 }), fc.option(comment, { nil: undefined })).map(
  ([name, args, trailing]) => `(${name}${args.map(([t, n]) => t + n).join("")})${trailing ? ` ${trailing}` : ""}`,
);
const sxpDoc = fc
  .array(fc.oneof({ weight: 4, arbitrary: directive }, { weight: 1, arbitrary: comment }, { weight: 1, arbitrary: fc.constant("") }), { maxLength: 6 })
  .map((lines) => lines.join("\n"));

async function check(text: string, kind: ConfigFormat, options: Record<string, unknown>): Promise<void> {
  const before = parseAs(text, kind);
  // The generators write valid files; a rejected one would be a generator bug, not a formatter finding.
  expect(before.errors).toEqual([]);
  const once = await format(text, kind, options);
  const after = parseAs(once, kind);
  expect(after.errors).toEqual([]);
  expect(meaningOf(after)).toEqual(meaningOf(before));
  expect(commentTexts(once, kind)).toEqual(commentTexts(text, kind));
  expect(await format(once, kind, options)).toBe(once);
}

const formatOptions = fc.record({ xenQuote: fc.constantFrom("auto", "single", "double"), printWidth: fc.constantFrom(20, 40, 80) });

describe("format properties", () => {
  it("guest cfg files: meaning, comments and idempotence", async () => {
    await fc.assert(fc.asyncProperty(domainDoc, formatOptions, (text, options) => check(text, "domain", options)), { numRuns: 300 });
  });

  it("sxp files: meaning, comments and idempotence", async () => {
    await fc.assert(fc.asyncProperty(sxpDoc, formatOptions, (text, options) => check(text, "sxp", options)), { numRuns: 300 });
  });
});
