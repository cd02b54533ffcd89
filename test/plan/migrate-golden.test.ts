import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { run } from "../../src/cli/main.js";
import { expectGolden } from "../golden-file.js";

// Each folder under test/fixtures/migrate/ is a host (root/etc/xen/...) and the migrate arguments
// (args.txt, one per line); expected.txt holds exit code, stdout and stderr, expected.json the plan.
const FIXTURES = resolve(__dirname, "../fixtures/migrate");
const cases = readdirSync(FIXTURES).filter((c) => statSync(join(FIXTURES, c)).isDirectory()).sort();

async function migrate(root: string, args: string[]) {
  let out = "";
  let err = "";
  const io = { stdout: (s: string) => void (out += s), stderr: (s: string) => void (err += s), isTTY: false, stdinIsTTY: false, cwd: root, env: {} };
  const code = await run(["migrate", "--root", root, ...args], io);
  const clean = (s: string) => s.split(root).join("<root>").replace(/"createdAt": "[^"]+"/, '"createdAt": "<now>"');
  return { code, out: clean(out), err: clean(err) };
}

function snapshotTree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) Object.assign(out, snapshotTree(p));
    else out[p] = readFileSync(p, "utf8");
  }
  return out;
}

describe("migrate golden plans", () => {
  it("has cases, planned and refused", () => {
    // An empty fixture folder would leave this suite without a single comparison.
    expect(cases.length).toBeGreaterThanOrEqual(10);
    expect(cases.filter((c) => existsSync(join(FIXTURES, c, "expected.json"))).length).toBeGreaterThanOrEqual(5);
    expect(cases.filter((c) => !existsSync(join(FIXTURES, c, "expected.json"))).length).toBeGreaterThanOrEqual(5);
  });

  for (const name of cases) {
    it(name, async () => {
      const dir = join(FIXTURES, name);
      const args = readFileSync(join(dir, "args.txt"), "utf8").split("\n").filter(Boolean);
      const root = join(dir, "root");
      const before = snapshotTree(root);
      const text = await migrate(root, args);
      await expectGolden(`exit ${text.code}\n--- stdout\n${text.out}--- stderr\n${text.err}`, join(dir, "expected.txt"));
      if (text.code === 0) {
        const json = await migrate(root, [...args, "--json"]);
        expect(json.code).toBe(0);
        await expectGolden(json.out, join(dir, "expected.json"));
      } else {
        // A refused migration has no plan: an expected.json left here would never be compared.
        expect(existsSync(join(dir, "expected.json")), "expected.json of a refused case").toBe(false);
      }
      expect(snapshotTree(root)).toEqual(before); // migrate never changes the host
    });
  }
});

describe("migrate then apply", () => {
  it("running migrate again on the migrated host gives an empty plan", async () => {
    const root = mkdtempSync(join(tmpdir(), "xcfg-migrate-"));
    try {
      cpSync(join(FIXTURES, "move-one-vif/root"), root, { recursive: true, verbatimSymlinks: true });
      const args = readFileSync(join(FIXTURES, "move-one-vif/args.txt"), "utf8").split("\n").filter(Boolean);
      const first = await migrate(root, [...args, "-o", join(root, "plan.json")]);
      expect(first.code).toBe(0);
      let err = "";
      const io = { stdout: () => undefined, stderr: (s: string) => void (err += s), isTTY: false, stdinIsTTY: false, cwd: root, env: {} };
      expect(await run(["apply", join(root, "plan.json"), "--root", root, "--yes"], io), err).toBe(0);
      expect(statSync(join(root, "etc/xen/scripts/network-wrapper")).mode & 0o777).toBe(0o755);
      const again = await migrate(root, args);
      expect(again.code).toBe(0);
      expect(again.out).toBe("Nothing to do: the host under <root> already holds this configuration.\n");
      const json = JSON.parse((await migrate(root, [...args, "--json"])).out);
      expect(json.steps).toEqual([]);
      expect(json.files).toEqual([]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
