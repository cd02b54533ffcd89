import { describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../..", import.meta.url));

// The bench in quick mode, as CI runs it: it must finish and print sane figures. Speed is not judged here
// (a CI machine shares its cores); the full run's figures are in docs/performance.md.
describe("npm run bench -- --quick --json", () => {
  it("runs every measurement and reports positive times, throughputs and ratios", () => {
    const r = spawnSync(process.execPath, ["scripts/bench.js", "--quick", "--json"], { cwd: root, encoding: "utf8", timeout: 240_000 });
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.failures).toEqual([]);
    expect(report.config).toMatchObject({ quick: true, reps: 1, guests: 200, sxpDirectives: 1000 });
    expect(report.config.vifs).toBeGreaterThanOrEqual(200);
    expect(report.config.vifs).toBeLessThanOrEqual(600);

    for (const grammar of ["sxp", "domain", "vif"]) {
      const p = report.parse[grammar];
      expect(p.bytes, grammar).toBeGreaterThan(0);
      expect(p.mbPerS, grammar).toBeGreaterThan(0);
      expect(p.mbPerS, grammar).toBeCloseTo(p.bytes / 1e6 / (p.medianMs / 1000), 0);
    }

    // xencfg lint is part of this build: a bench that cannot find it must fail here, not skip its checks.
    expect(report.config.lint, "the bench found xencfg lint").toBe(true);
    const expected = ["node-start", "read-host", "parse-large", "lint-host", "lint-quarter", "lint-one", "lint-clones", "lint-few-clones", ...(report.config.augtool ? ["augtool"] : [])];
    expect(Object.keys(report.processes).sort()).toEqual(expected.sort());
    for (const [name, p] of Object.entries<any>(report.processes)) {
      // The start-up cases run three times a round (their medians rest on more runs); the rest once.
      expect(p.runsMs, name).toHaveLength(name === "node-start" || name === "lint-one" ? 3 : 1);
      expect(p.medianMs, name).toBeGreaterThan(0);
      if (name !== "node-start" && name !== "augtool") expect(p.peakRssMiB, name).toBeGreaterThan(10);
    }
    expect(report.processes["parse-large"].exitStatus).toBe(0);

    expect(report.ratios.parseLargeToNodeStart).toBeGreaterThan(0);
    expect(report.ratios.lintHostToRead).toBeGreaterThan(0);
    expect(report.ratios.lintOneToNodeStart).toBeGreaterThan(0);
    expect([0, 1]).toContain(report.processes["lint-host"].exitStatus);
    expect(report.config.clonedGuests).toEqual([50, 12]);
    expect([0, 1]).toContain(report.processes["lint-clones"].exitStatus);
    // Computed, but not judged: with one run of a few dozen guests the difference to one-file lint is
    // mostly noise and can even come out negative.
    expect(Number.isFinite(report.ratios.lintPerGuestFullToQuarter)).toBe(true);
    expect(Number.isFinite(report.ratios.clonesPerGuestFullToQuarter)).toBe(true);
    expect(report.targets.map((t: { name: string }) => t.name)).toHaveLength(7);
    for (const t of report.targets) if (t.value !== undefined) expect(typeof t.met, t.name).toBe("boolean");
  }, 240_000);

  it("prints a table without --json", () => {
    const r = spawnSync(process.execPath, ["scripts/bench.js", "--quick", "--guests", "20", "--sxp-directives", "50"], { cwd: root, encoding: "utf8", timeout: 240_000 });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^xencfg bench: 20 guests/);
    expect(r.stdout).toContain("node -e 0 (baseline)");
    expect(r.stdout).toContain("targets (issue 7");
  }, 240_000);

  it("refuses an unknown option with exit 2", () => {
    const r = spawnSync(process.execPath, ["scripts/bench.js", "--fast"], { cwd: root, encoding: "utf8" });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("unknown option --fast");
  });
});
