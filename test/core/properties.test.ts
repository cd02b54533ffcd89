import { describe, expect } from "vitest";
import { test } from "@fast-check/vitest";
import fc from "fast-check";
import { parseConfigFile, parseDomainConfig, parseXendConfig, type ConfigValue, type SxpValue } from "../../src/index.js";

// ---- guest files: generated documents with their expected typed values ----

const name = fc.stringMatching(/^[a-z][._0-9a-z]{0,12}$/);
const blank = fc.constantFrom("", " ", "  ", "\t");
const comment = fc.option(fc.stringMatching(/^#[ -~]{0,20}$/), { nil: undefined });

interface Gen {
  src: string;
  value: ConfigValue;
}

const str: fc.Arbitrary<Gen> = fc
  .tuple(fc.constantFrom("'", '"'), fc.array(fc.oneof(fc.stringMatching(/^[ -[\]-~]$/), fc.constantFrom("\\\\", "\\'", '\\"', "\\n", "\\t")), { maxLength: 12 }))
  .filter(([q, parts]) => parts.every((p) => p !== q))
  .map(([q, parts]) => {
    const body = parts.join("");
    const value = parts
      .map((p) => (p.length === 2 && p[0] === "\\" ? ({ n: "\n", t: "\t" } as Record<string, string>)[p[1]!] ?? p[1]! : p))
      .join("");
    return { src: q + body + q, value };
  });

const num: fc.Arbitrary<Gen> = fc.oneof(
  fc.nat({ max: 1_000_000 }).map((n) => ({ src: String(n), value: n })),
  fc.nat({ max: 0xffff }).map((n) => ({ src: `0x${n.toString(16)}`, value: n })),
);

const list: fc.Arbitrary<Gen> = fc.letrec<{ v: Gen; l: Gen }>((tie) => ({
  v: fc.oneof({ depthSize: "small", withCrossShrink: true }, str, num, tie("l")),
  l: fc
    .tuple(fc.array(tie("v"), { maxLength: 4 }), fc.boolean(), fc.boolean(), blank)
    .map(([items, multiline, trailing, pad]) => {
      const sep = multiline ? ",\n    " : `,${pad}`;
      const body = items.map((i) => i.src).join(sep);
      const tail = trailing && items.length ? "," : "";
      const src = multiline ? `[\n    ${body}${tail}\n]` : `[${pad}${body}${tail}${pad}]`;
      return { src, value: items.map((i) => i.value) };
    }),
})).l;

const setting = fc.tuple(name, fc.oneof(str, num, list), blank, blank, comment, fc.constantFrom("\n", "\n\n", ";\n", "\r\n"));

describe("guest config properties", () => {
  test.prop([fc.array(setting, { maxLength: 8 }), fc.boolean()])("generated documents round-trip and keep their values", (settings, finalNewline) => {
    let src = "";
    settings.forEach(([n, v, a, b, c, end], i) => {
      const last = i === settings.length - 1 && !finalNewline;
      src += `${n}${a}=${b}${v.src}${c ? ` ${c}` : ""}${last ? "" : end}`;
    });
    const doc = parseDomainConfig(src);
    expect(doc.errors).toEqual([]);
    expect(doc.toString()).toBe(src);
    expect(doc.settings.map((s) => [s.name, s.value])).toEqual(settings.map(([n, v]) => [n, v.value]));
  });
});

// ---- xend S-expressions ----

const atom = fc.stringMatching(/^[a-z0-9/._^$-]{1,10}$/).filter((a) => a !== "yes" && a !== "no" && !/^-?[0-9]+$/.test(a));
interface SGen {
  src: string;
  value: SxpValue;
}
const sstr: fc.Arbitrary<SGen> = fc.tuple(fc.constantFrom("'", '"'), fc.stringMatching(/^[a-z =.^$]{0,10}$/)).map(([q, b]) => ({ src: q + b + q, value: b }));
const satom: fc.Arbitrary<SGen> = fc.oneof(atom.map((a) => ({ src: a, value: a })), fc.nat().map((n) => ({ src: String(n), value: n })), fc.constantFrom({ src: "yes", value: true }, { src: "no", value: false }));
const sexp = fc.letrec<{ e: SGen; l: SGen }>((tie) => ({
  e: fc.oneof({ depthSize: "small" }, satom, sstr, tie("l")),
  l: fc.tuple(fc.array(tie("e"), { minLength: 1, maxLength: 4 }), fc.constantFrom(" ", "\n  ", "\t")).map(([items, ws]) => ({ src: `(${items.map((i) => i.src).join(ws)})`, value: items.map((i) => i.value) })),
})).l;
const directive = fc.tuple(atom, fc.array(fc.oneof(satom, sstr, sexp), { minLength: 1, maxLength: 3 }), comment, fc.constantFrom("\n", "\n\n", "\r\n"));

describe("xend config properties", () => {
  test.prop([fc.array(directive, { maxLength: 8 })])("generated documents round-trip and keep their values", (directives) => {
    const src = directives.map(([n, args, c, end]) => `(${n} ${args.map((a) => a.src).join(" ")})${c ? ` ${c}` : ""}${end}`).join("");
    const doc = parseXendConfig(src);
    expect(doc.errors).toEqual([]);
    expect(doc.toString()).toBe(src);
    expect(doc.directives.map((d) => [d.name, d.value])).toEqual(directives.map(([n, args]) => [n, args.length === 1 ? args[0]!.value : args.map((a) => a.value)]));
  });
});

// ---- arbitrary input never throws and always gets in-range diagnostics ----

function checkPositions(text: string, diagnostics: { line: number; column: number; endLine: number; endColumn: number }[]) {
  const lines = text.split("\n");
  for (const d of diagnostics) {
    expect(d.line).toBeGreaterThanOrEqual(1);
    expect(d.line).toBeLessThanOrEqual(lines.length);
    expect(d.column).toBeGreaterThanOrEqual(1);
    expect(d.column).toBeLessThanOrEqual(lines[d.line - 1]!.length + 1);
    expect(d.endLine * 1e6 + d.endColumn).toBeGreaterThanOrEqual(d.line * 1e6 + d.column);
  }
}

// Characters that matter to the grammars, so random strings hit the interesting paths often.
const configish = fc.string({ unit: fc.constantFrom(..."([{}])'\"‘’“” =+,;#\n\t\\abc019:%.-_xy\u0000\u00ff") , maxLength: 80 });

describe("random input", () => {
  test.prop([fc.oneof(configish, fc.string({ maxLength: 80 }))], { numRuns: 300 })("guest parser never throws", (text) => {
    const doc = parseDomainConfig(text);
    expect(doc.toString()).toBe(text);
    checkPositions(text, doc.diagnostics);
  });

  test.prop([fc.oneof(configish, fc.string({ maxLength: 80 }))], { numRuns: 300 })("xend parser never throws", (text) => {
    const doc = parseXendConfig(text);
    expect(doc.toString()).toBe(text);
    checkPositions(text, doc.diagnostics);
  });

  test.prop([fc.uint8Array({ maxLength: 64 }), fc.constantFrom("guest.cfg", "xend-config.sxp")], { numRuns: 300 })("random bytes give a document or one encoding diagnostic", (bytes, file) => {
    const parsed = parseConfigFile(bytes, file);
    if (parsed.ok) checkPositions(parsed.doc.text, parsed.doc.diagnostics);
    else {
      expect(parsed.diagnostic.code).toBe("encoding");
      expect(parsed.diagnostic.line).toBeGreaterThanOrEqual(1);
    }
  });
});
