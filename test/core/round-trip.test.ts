import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseConfigFile, type DomainConfig, type XendConfig } from "../../src/index.js";
import type { Span } from "../../grammars/sxp/nodes.js";
import { corpusFiles, rel, sampleFiles } from "./corpus-files.js";

/**
 * Leaf spans of the tree plus comments. Whatever text lies outside all of them must be trivia
 * (whitespace, and for guest files the ';' separators): then the tree dropped nothing significant, and
 * printing from it loses nothing.
 */
function coveredSpans(doc: XendConfig | DomainConfig): Span[] {
  const spans: Span[] = [...doc.tree.comments];
  if (doc.kind === "xend") {
    const walk = (n: XendConfig["tree"]["forms"][number]): void => {
      if (n.kind === "list") {
        spans.push({ start: n.span.start, end: n.span.start + 1 });
        n.items.forEach(walk);
        if (n.closed) spans.push({ start: n.span.end - 1, end: n.span.end });
      } else spans.push(n.span);
    };
    doc.tree.forms.forEach(walk);
    spans.push(...doc.tree.stray);
  } else {
    for (const st of doc.tree.statements) spans.push(st.span);
  }
  return spans.sort((a, b) => a.start - b.start);
}

function uncoveredText(doc: XendConfig | DomainConfig): string {
  let at = 0;
  let out = "";
  for (const s of coveredSpans(doc)) {
    if (s.start > at) out += doc.text.slice(at, s.start);
    at = Math.max(at, s.end);
  }
  return out + doc.text.slice(at);
}

const files = [...corpusFiles(), ...sampleFiles()];

describe("lossless round trip", () => {
  it("covers the whole corpus and every sample", () => {
    // Guard against an empty walk making every test below vacuous.
    expect(corpusFiles().length).toBeGreaterThanOrEqual(15);
    expect(sampleFiles().length).toBeGreaterThanOrEqual(10);
  });

  for (const file of files) {
    it(`${rel(file)} prints back byte for byte and its tree drops no token`, () => {
      const bytes = readFileSync(file);
      const parsed = parseConfigFile(bytes, rel(file));
      expect(parsed.ok).toBe(true);
      if (!parsed.ok) return;
      expect(parsed.doc.toString()).toBe(bytes.toString("utf8"));
      const gaps = uncoveredText(parsed.doc);
      const trivia = parsed.doc.kind === "xend" ? /^[\s\ufeff]*$/ : /^[\s;\ufeff]*$/;
      // Statements that failed to parse still cover their text, so this holds for broken files too.
      expect(gaps).toMatch(trivia);
    });
  }
});

describe("clean files", () => {
  it("the corpus and clean samples parse without errors", () => {
    const withErrors = files
      .filter((f) => !f.includes("/broken/"))
      .map((f) => parseConfigFile(readFileSync(f), rel(f)))
      .flatMap((p) => (p.ok ? p.doc.errors : [p.diagnostic]));
    expect(withErrors).toEqual([]);
  });
});
