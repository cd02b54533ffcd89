// Every rule has a page, and the page's examples do what their labels say (ESLint's check-rule-examples).
import { readFileSync, existsSync, readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { allRules } from "../../src/lint/rules/index.js";
import { ENGINE_RULES } from "../../src/lint/engine.js";
import { docExamples } from "./docs-examples.js";
import { lintFixture, show } from "./rule-tester.js";

const docsDir = new URL("../../docs/rules/", import.meta.url);
const page = (id: string) => new URL(`${id}.md`, docsDir);
// Their examples would be a binary file or a missing path: the page describes them in words.
const NO_EXAMPLES = new Set(["encoding", "io"]);

describe("docs/rules", () => {
  const ids = [...allRules.map((r) => r.id), ...ENGINE_RULES.map((r) => r.id)];

  it("has one page per rule and no page without a rule", () => {
    const missing = ids.filter((id) => !existsSync(page(id)));
    expect(missing).toEqual([]);
    const pages = readdirSync(docsDir).filter((f) => f.endsWith(".md") && f !== "README.md").map((f) => f.slice(0, -3));
    expect(pages.filter((p) => !ids.includes(p))).toEqual([]);
  });

  it("lists every rule in the index", () => {
    const index = readFileSync(new URL("README.md", docsDir), "utf8");
    expect(ids.filter((id) => !index.includes(`[${id}](${id}.md)`))).toEqual([]);
  });

  for (const rule of allRules) {
    describe(rule.id, () => {
      const text = existsSync(page(rule.id)) ? readFileSync(page(rule.id), "utf8") : "";
      const examples = docExamples(text);
      it("has a bad and a good example", () => {
        expect(examples.some((e) => e.kind === "bad")).toBe(true);
        expect(examples.some((e) => e.kind === "good")).toBe(true);
      });
      for (const ex of examples) {
        it(`${ex.label} example ${ex.kind === "bad" ? "fires" : "stays quiet"}`, async () => {
          const { findings } = await lintFixture(ex.fixture, [rule]);
          const mine = findings.filter((f) => f.rule === rule.id);
          if (ex.kind === "bad") expect(mine.length, "findings of the rule").toBeGreaterThan(0);
          else expect(mine.map(show)).toEqual([]);
        });
        if (ex.kind === "good" && rule.id !== "syntax") {
          it(`${ex.label} example parses cleanly`, async () => {
            const { findings } = await lintFixture(ex.fixture);
            expect(findings.filter((f) => f.rule === "syntax").map(show)).toEqual([]);
          });
        }
      }
    });
  }

  for (const rule of ENGINE_RULES.filter((r) => !NO_EXAMPLES.has(r.id))) {
    it(`${rule.id} examples do what their labels say`, async () => {
      const examples = docExamples(readFileSync(page(rule.id), "utf8"));
      expect(examples.map((e) => e.kind).sort()).toContain("bad");
      for (const ex of examples) {
        const { findings } = await lintFixture(ex.fixture);
        const mine = findings.filter((f) => f.rule === rule.id);
        if (ex.kind === "bad") expect(mine.length).toBeGreaterThan(0);
        else expect(mine.map(show)).toEqual([]);
      }
    });
  }
});
