import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { XEN_POOL } from "../../src/mac/mac-pool.js";
import { stableMac } from "../../src/mac/stable-mac.js";
import { runCli } from "./run-cli.js";

const XEN_LINE = /^00:16:3e:[0-7][0-9a-f]:[0-9a-f]{2}:[0-9a-f]{2}$/;

/** A synthetic /etc/xen: `files` guests with `perFile` vifs each, addresses from `mac(i)`. */
function syntheticHost(files: number, perFile: number, mac: (i: number) => string, extra: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), "xencfg-mac-host-"));
  mkdirSync(join(dir, "auto"));
  for (let f = 0; f < files; f++) {
    const vifs = Array.from({ length: perFile }, (_, k) => `  'mac=${mac(f * perFile + k)}, bridge=xenbr0',`).join("\n");
    writeFileSync(join(dir, `guest${f}.cfg`), `name = "guest${f}"\nmemory = 512\nvif = [\n${vifs}\n]\n`);
  }
  for (const [name, text] of Object.entries(extra)) writeFileSync(join(dir, name), text);
  return dir;
}

describe("xencfg mac", () => {
  it("prints one random Xen address", async () => {
    const r = await runCli(["mac"]);
    expect(r).toMatchObject({ code: 0, stderr: "" });
    expect(r.stdout).toMatch(/^00:16:3e:[0-7][0-9a-f]:[0-9a-f]{2}:[0-9a-f]{2}\n$/);
  });

  it("--count N prints N distinct addresses, one per line", async () => {
    const r = await runCli(["mac", "--count", "5000"]);
    const lines = r.stdout.trimEnd().split("\n");
    expect(lines).toHaveLength(5000);
    expect(new Set(lines).size).toBe(5000);
    for (const l of lines) expect(l).toMatch(XEN_LINE);
  });

  it("--local prints locally administered unicast addresses", async () => {
    const r = await runCli(["mac", "--local", "-n", "200"]);
    for (const l of r.stdout.trimEnd().split("\n")) {
      expect(l).toMatch(/^[0-9a-f]{2}(:[0-9a-f]{2}){5}$/);
      expect(parseInt(l.slice(0, 2), 16) & 0b11).toBe(0b10);
    }
  });

  it("--for prints the stable addresses (golden values), the same on every run", async () => {
    const r = await runCli(["mac", "--for", "web", "--for", "web.1", "--for", "mail.example.org.3"]);
    expect(r).toEqual({ code: 0, stderr: "", stdout: "00:16:3e:07:62:f8\n00:16:3e:48:ed:d5\n00:16:3e:71:8d:c8\n" });
    expect(await runCli(["mac", "--for", "web", "--local"])).toEqual({ code: 0, stderr: "", stdout: "06:62:f8:ed:0b:c1\n" });
  });

  it("--avoid: 50,000 random addresses never hit the 50,000 a synthetic host uses", async () => {
    // Without avoidance ~300 of the printed addresses would be in use (50,000^2 / 2^23).
    const used = (i: number) => XEN_POOL.at((i * 167) % XEN_POOL.size);
    const dir = syntheticHost(500, 100, used);
    const r = await runCli(["mac", "--count", "50000", "--avoid", dir]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    const printed = r.stdout.trimEnd().split("\n");
    expect(new Set(printed).size).toBe(50_000);
    const usedSet = new Set<string>(Array.from({ length: 50_000 }, (_, i) => used(i)));
    expect(printed.filter((m) => usedSet.has(m))).toEqual([]);
  }, 60_000);

  it("--for with --avoid: a taken stable address walks past a dense run of used ones to the next free", async () => {
    // 50 guests hold web's stable address and the 4,999 after it.
    const base = XEN_POOL.indexOf(stableMac("web", 0))!;
    const dir = syntheticHost(50, 100, (i) => XEN_POOL.at(base + i));
    const r = await runCli(["mac", "--for", "web", "--avoid", dir]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe("00:16:3e:07:76:80\n");
    expect(XEN_POOL.at(base + 5000)).toBe("00:16:3e:07:76:80");
    expect(r.stderr).toBe(
      `xencfg mac: web.0: the stable address 00:16:3e:07:62:f8 is used by guest0 vif 0 (${join(dir, "guest0.cfg")}:4); printed the next free one, 00:16:3e:07:76:80\n`,
    );
    // Run again: the same answer (deterministic for the same host).
    expect((await runCli(["mac", "--for", "web", "--avoid", dir])).stdout).toBe(r.stdout);
  });

  it("--for with --avoid keeps the address the guest itself already has, and never repeats one in a run", async () => {
    const dir = syntheticHost(0, 0, () => "", { "web.cfg": `name = 'web'\nvif = [ 'mac=${stableMac("web", 0)}' ]\n` });
    const r = await runCli(["mac", "--for", "web", "--for", "web", "--avoid", dir]);
    const [first, second] = r.stdout.trimEnd().split("\n");
    expect(first).toBe(stableMac("web", 0));
    expect(second).not.toBe(first);
    expect(r.stderr).toBe(
      `xencfg mac: web.0: the stable address 00:16:3e:07:62:f8 is used by web vif 0 (${join(dir, "web.cfg")}:2); printed the next free one, ${second}\n`,
    );
  });

  it("--avoid warns about addresses it cannot know (Python-computed vif lists)", async () => {
    const r = await runCli(["mac", "--avoid", "../shared/corpus/xen/xmexample3.xen-3.0.0"]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/xmexample3\.xen-3\.0\.0:69:1: warning: the vif list is computed by Python.*\[mac-unknown\]/);
  });

  it.each([
    [["mac", "--count", "0"], /--count must be a whole number from 1 to 1000000, got 0/],
    [["mac", "--count", "2.5"], /--count must be a whole number/],
    [["mac", "--count", "ten"], /--count must be a whole number from 1 to 1000000, got ten\n/],
    [["mac", "--count", "3", "--for", "web"], /--count and --for do not go together/],
    [["mac", "--for", "agent.007"], /--for "agent\.007": '007' is not a device number/],
    [["mac", "--for", ""], /--for "": the guest name is empty/],
    [["mac", "--avoid", "/nonexistent/xen"], /\/nonexistent\/xen:1:1: error: cannot read: no such file or folder/],
  ])("%j exits 2", async (argv, message) => {
    const r = await runCli(argv);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(message);
  });
});
