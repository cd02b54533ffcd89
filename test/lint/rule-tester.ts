// An ESLint-RuleTester-like harness: each case is a little /etc/xen tree written to a temp folder, read
// by the real host reader and linted by the real engine with only the rule under test.
import { mkdtemp, mkdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { readHosts } from "../../src/host/read-host.js";
import { lintHosts, type LintResult, type RuleSetting } from "../../src/lint/engine.js";
import { planFixes } from "../../src/lint/fix.js";
import type { RuleDefinition } from "../../src/lint/rule.js";
import { parseXenVersion } from "../../src/lint/xen-version.js";
import type { Finding } from "../../src/lint/finding.js";
import { allRules } from "../../src/lint/rules/index.js";

/** A linted fixture: files by path (relative to a fresh temp folder) and how to lint them. */
export interface Fixture {
  /** Shorthand for one guest file, `etc/xen/guest.cfg`. */
  code?: string;
  files?: Record<string, string>;
  /** What to lint; default `etc/xen` when a file is under it, else every file named one by one. */
  paths?: string[];
  /** `--xen` (e.g. "3.0", "4.1", "xl"). */
  xen?: string;
  /** Bridges declared in the config file. */
  bridges?: string[];
  /** Severity settings, as in the config file. */
  settings?: Record<string, RuleSetting>;
}

export interface ExpectedError {
  messageId: string;
  /** Default: the only file of a one-file fixture. */
  file?: string;
  line?: number;
  column?: number;
  endLine?: number;
  endColumn?: number;
  severity?: Finding["severity"];
  /** The whole message, or a pattern it must match. */
  message?: string | RegExp;
}

export interface ValidCase extends Fixture {
  name?: string;
}

export interface InvalidCase extends Fixture {
  name?: string;
  errors: ExpectedError[];
  /** The files after --fix, by path (or the text of the one file). Omit to not check fixes. */
  output?: string | Record<string, string>;
  /** Named fix types to apply as well (`split-spec`). */
  fixTypes?: string[];
}

/** Writes a fixture to a temp folder, lints it with `rules`, removes the folder. */
export async function lintFixture(fx: Fixture, rules: readonly RuleDefinition[] = allRules): Promise<LintResult & { cwd: string }> {
  const files = fixtureFiles(fx);
  const cwd = await mkdtemp(join(tmpdir(), "xencfg-lint-"));
  try {
    for (const [path, text] of Object.entries(files)) {
      await mkdir(dirname(join(cwd, path)), { recursive: true });
      await writeFile(join(cwd, path), text);
    }
    const paths = fx.paths ?? (Object.keys(files).some((p) => p.startsWith("etc/xen/")) ? ["etc/xen"] : Object.keys(files));
    const read = await readHosts(paths, { cwd });
    const xen = fx.xen === undefined ? undefined : parseXenVersion(fx.xen);
    if (fx.xen !== undefined && !xen) throw new Error(`bad xen version in test: ${fx.xen}`);
    const result = lintHosts(read, { rules, xen, declaredBridges: fx.bridges ?? [], settings: fx.settings, knownRuleIds: allRules.map((r) => r.id) });
    return { ...result, cwd };
  } finally {
    await rm(cwd, { recursive: true, force: true });
  }
}

function fixtureFiles(fx: Fixture): Record<string, string> {
  if (fx.files && fx.code !== undefined) throw new Error("a test case has either code or files");
  return fx.files ?? { "etc/xen/guest.cfg": fx.code ?? "" };
}

function title(c: ValidCase | InvalidCase | string, i: number): string {
  if (typeof c === "string") return `#${i + 1}: ${c.split("\n").find((l) => l.trim() && !l.startsWith("#"))?.slice(0, 70) ?? ""}`;
  if (c.name) return `#${i + 1}: ${c.name}`;
  const body = c.code ?? Object.keys(c.files ?? {}).join(" + ");
  return `#${i + 1}: ${body.split("\n").find((l) => l.trim() && !l.startsWith("#"))?.slice(0, 70) ?? ""}`;
}

/**
 * Declares a vitest suite for one rule: every valid case must give no finding of the rule, every
 * invalid case exactly the listed findings (in order), and with `output` the text --fix produces.
 * A rule needs at least one case of each kind.
 */
export function ruleTester(rule: RuleDefinition, cases: { valid: (ValidCase | string)[]; invalid: InvalidCase[] }): void {
  describe(rule.id, () => {
    it("has firing and non-firing cases, and is registered", () => {
      expect(cases.valid.length).toBeGreaterThan(0);
      expect(cases.invalid.length).toBeGreaterThan(0);
      expect(allRules).toContain(rule);
    });

    cases.valid.forEach((c, i) => {
      it(`valid ${title(c, i)}`, async () => {
        const fx = typeof c === "string" ? { code: c } : c;
        const { findings, documents } = await lintFixture(fx, [rule]);
        expect(findings.filter((f) => f.rule === rule.id).map(show)).toEqual([]);
        // A valid case that does not parse proves nothing: the rule may simply not have seen the text.
        if (rule.id !== "syntax") {
          const errors = [...documents.values()].flatMap((d) => d.errors.map((e) => `${e.file}:${e.line}:${e.column} ${e.message}`));
          expect(errors, "the valid case parses without errors").toEqual([]);
        }
      });
    });

    cases.invalid.forEach((c, i) => {
      it(`invalid ${title(c, i)}`, async () => {
        const files = fixtureFiles(c);
        const only = Object.keys(files).length === 1 ? Object.keys(files)[0] : undefined;
        const result = await lintFixture(c, [rule]);
        const got = result.findings.filter((f) => f.rule === rule.id);
        expect(got.map(show), "number of findings").toHaveLength(c.errors.length);
        c.errors.forEach((e, k) => {
          const f = got[k]!;
          expect(Object.keys(rule.messages)).toContain(e.messageId);
          const picked: Record<string, unknown> = { messageId: f.messageId, file: f.file };
          const want: Record<string, unknown> = { messageId: e.messageId, file: e.file ?? only ?? f.file };
          for (const key of ["line", "column", "endLine", "endColumn", "severity"] as const) {
            if (e[key] !== undefined) {
              picked[key] = f[key];
              want[key] = e[key];
            }
          }
          expect(picked, `finding ${k + 1}: ${show(f)}`).toEqual(want);
          if (typeof e.message === "string") expect(f.message).toBe(e.message);
          else if (e.message) expect(f.message).toMatch(e.message);
          expect(f.message, "every placeholder filled").not.toMatch(/\{\{/);
          if (f.fix) expect(rule.fixable || f.fix.type !== undefined, "a rule with safe fixes says fixable: true").toBe(true);
        });
        if (c.output !== undefined) {
          const plans = planFixes(result.findings, result.documents, { types: c.fixTypes });
          const after: Record<string, string> = {};
          for (const [path, text] of Object.entries(files)) after[path] = text;
          for (const p of plans) after[p.file] = p.after.toString();
          const want = typeof c.output === "string" ? { [only!]: c.output } : { ...after, ...c.output };
          expect(after).toEqual(want);
        }
      });
    });
  });
}

/** A finding in one line, for readable test failures. */
export function show(f: Finding): string {
  return `${f.file}:${f.line}:${f.column}-${f.endLine}:${f.endColumn} ${f.severity} ${f.rule}/${f.messageId ?? ""}: ${f.message}`;
}
