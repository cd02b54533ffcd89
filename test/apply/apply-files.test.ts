import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { dirname, join, resolve } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { run } from "../../src/cli/main.js";
import { buildPlan, captureIo, makeRoot, read, removeRoot, writePlan } from "./plan-helpers.js";

const XEND = `# -*- sh -*-\n# Xend configuration file.\n\n(network-script network-bridge)\n(vif-script    vif-bridge)\n#(network-script network-nat)\n`;
const XEND_NEW = XEND.replace("(network-script network-bridge)", "(network-script network-wrapper)");
const GUEST = `name = "db1"\nvif = [ 'mac=00:16:3e:00:00:01', "mac=00:16:3e:00:00:02" ]  # two NICs\n`;
const GUEST_NEW = GUEST.replace('"mac=00:16:3e:00:00:02"', '"mac=00:16:3e:00:00:02,bridge=xenbr1"');
const WRAPPER = "#!/bin/sh\n/etc/xen/scripts/network-bridge \"$@\" netdev=eth0 bridge=xenbr0\n";

const BIN = resolve(__dirname, "../../bin/xencfg.js");
const roots: string[] = [];
afterEach(() => {
  for (const r of roots.splice(0)) removeRoot(r);
});

function host(): { root: string; planPath: string } {
  const root = makeRoot({ "etc/xen/xend-config.sxp": XEND, "etc/xen/db1.cfg": GUEST, "etc/xen/scripts/network-bridge": "#!/bin/sh\n" });
  roots.push(root);
  chmodSync(join(root, "etc/xen/db1.cfg"), 0o600);
  const plan = buildPlan(root, {
    "/etc/xen/scripts/network-wrapper": WRAPPER,
    "/etc/xen/xend-config.sxp": XEND_NEW,
    "/etc/xen/db1.cfg": GUEST_NEW,
  });
  return { root, planPath: writePlan(root, plan) };
}

/** Every file under the root except xencfg's own state, with contents: "touches nothing" means this is equal. */
function tree(root: string, dir = "etc"): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of readdirSync(join(root, dir))) {
    const rel = join(dir, name);
    const st = statSync(join(root, rel));
    if (st.isDirectory()) Object.assign(out, tree(root, rel));
    else out[rel] = `${(st.mode & 0o7777).toString(8)} ${readFileSync(join(root, rel), "utf8")}`;
  }
  return out;
}

async function apply(root: string, planPath: string, extra: string[] = [], env: Record<string, string> = {}) {
  const { io, cap } = captureIo(root, env);
  const code = await run(["apply", planPath, "--root", root, ...extra], io);
  return { code, ...cap };
}

describe("apply, file steps", () => {
  it("writes every file atomically, keeps modes, backs up outside /etc/xen and journals the run", async () => {
    const { root, planPath } = host();
    const inode = (p: string) => statSync(join(root, p)).ino;
    const before = { xend: inode("etc/xen/xend-config.sxp"), guest: inode("etc/xen/db1.cfg") };
    const r = await apply(root, planPath, ["--yes"]);
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    // Replaced by rename (new inodes), never rewritten in place: a reader sees the old file or the new one.
    expect(inode("etc/xen/xend-config.sxp")).not.toBe(before.xend);
    expect(inode("etc/xen/db1.cfg")).not.toBe(before.guest);
    expect(read(root, "etc/xen/xend-config.sxp")).toBe(XEND_NEW);
    expect(read(root, "etc/xen/db1.cfg")).toBe(GUEST_NEW);
    expect(statSync(join(root, "etc/xen/scripts/network-wrapper")).mode & 0o777).toBe(0o755);
    expect(statSync(join(root, "etc/xen/db1.cfg")).mode & 0o777).toBe(0o600);
    // Nothing but the planned files appeared under /etc/xen (no backups where xendomains would boot them).
    expect(Object.keys(tree(root)).sort()).toEqual(["etc/xen/db1.cfg", "etc/xen/scripts/network-bridge", "etc/xen/scripts/network-wrapper", "etc/xen/xend-config.sxp"]);
    const [runId] = readdirSync(join(root, "var/lib/xencfg/runs"));
    const runDir = join(root, "var/lib/xencfg/runs", runId!);
    const journal = JSON.parse(readFileSync(join(runDir, "journal.json"), "utf8"));
    expect(journal.status).toBe("applied");
    expect(journal.entries.map((e: { state: string }) => e.state)).toEqual(["done", "done", "done"]);
    expect(readdirSync(join(runDir, "backup")).sort()).toEqual(["0002", "0003"]);
    expect(readFileSync(join(runDir, "backup/0003"), "utf8")).toBe(GUEST);
    expect(statSync(join(runDir, "backup/0003")).mode & 0o777).toBe(0o600);
  });

  it("applying the same plan twice changes nothing the second time", async () => {
    const { root, planPath } = host();
    expect((await apply(root, planPath, ["--yes"])).code).toBe(0);
    const after = tree(root);
    const second = await apply(root, planPath, ["--yes"]);
    expect(second.code).toBe(0);
    expect(second.out).toContain("Nothing changed");
    expect(tree(root)).toEqual(after);
  });

  it("refuses a stale plan and changes nothing", async () => {
    const { root, planPath } = host();
    writeFileSync(join(root, "etc/xen/db1.cfg"), `${GUEST}memory = 512\n`);
    const before = tree(root);
    const r = await apply(root, planPath, ["--yes"]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/plan is stale.*Nothing was changed/);
    expect(r.err).toContain("/etc/xen/db1.cfg: planned from sha256:");
    expect(tree(root)).toEqual(before);
    expect(existsSync(join(root, "var/lib/xencfg/runs"))).toBe(false);
  });

  it("treats a file that already holds the planned content as a step done, not a stale plan", async () => {
    const { root, planPath } = host();
    writeFileSync(join(root, "etc/xen/xend-config.sxp"), XEND_NEW);
    const r = await apply(root, planPath, ["--yes"]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/step 2\/3: .*\(already done\)/);
    expect(read(root, "etc/xen/db1.cfg")).toBe(GUEST_NEW);
  });

  for (const failpoint of [1, 2, 3]) {
    it(`rolls every done step back when step ${failpoint} fails (XENCFG_FAILPOINT=${failpoint})`, async () => {
      const { root, planPath } = host();
      const before = tree(root);
      const r = await apply(root, planPath, ["--yes"], { XENCFG_FAILPOINT: String(failpoint) });
      expect(r.code).toBe(1);
      expect(r.err).toContain(`step ${failpoint} (`);
      expect(r.err).toContain("the host is back as it was");
      expect(tree(root)).toEqual(before);
    });
  }

  it("xencfg rollback undoes a run that crashed half-way, from its journal", async () => {
    const { root, planPath } = host();
    const before = tree(root);
    const r = await apply(root, planPath, ["--yes"], { XENCFG_FAILPOINT: "2:crash" });
    expect(r.code).toBe(1);
    expect(read(root, "etc/xen/xend-config.sxp")).toBe(XEND_NEW); // the crash left step 2 done
    const { io, cap } = captureIo(root);
    expect(await run(["rollback", "--root", root], io)).toBe(0);
    expect(cap.out).toContain("Rolled back run");
    expect(tree(root)).toEqual(before);
  });

  it("refuses a new apply while a crashed run is not rolled back", async () => {
    const { root, planPath } = host();
    expect((await apply(root, planPath, ["--yes"], { XENCFG_FAILPOINT: "1:crash" })).code).toBe(1);
    const r = await apply(root, planPath, ["--yes"]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/run \S+ is in-progress; finish it first \(xencfg rollback/);
  });

  it("xencfg rollback undoes the last applied run, removing files it created", async () => {
    const { root, planPath } = host();
    const before = tree(root);
    expect((await apply(root, planPath, ["--yes"])).code).toBe(0);
    const { io } = captureIo(root);
    expect(await run(["rollback", "--root", root], io)).toBe(0);
    expect(tree(root)).toEqual(before);
    const again = captureIo(root);
    expect(await run(["rollback", "--root", root], again.io)).toBe(1);
    expect(again.cap.err).toContain("no applied run to roll back");
  });

  it("xencfg rollback removes the folders apply created, unless someone has put a file in them since", async () => {
    const folders = (root: string) => spawnSync("find", [join(root, "etc"), "-type", "d"], { encoding: "utf8" }).stdout.split("\n").filter(Boolean).sort();
    for (const intruder of [false, true]) {
      const root = makeRoot({ "etc/xen/xend-config.sxp": XEND });
      roots.push(root);
      const before = folders(root);
      const planPath = writePlan(root, buildPlan(root, { "/etc/xen/scripts/network-wrapper": WRAPPER, "/etc/xen/xend-config.sxp": XEND_NEW }));
      expect((await apply(root, planPath, ["--yes"])).code).toBe(0);
      expect(existsSync(join(root, "etc/xen/scripts/network-wrapper"))).toBe(true);
      if (intruder) writeFileSync(join(root, "etc/xen/scripts/network-bridge"), "#!/bin/sh\n");
      expect(await run(["rollback", "--root", root], captureIo(root).io)).toBe(0);
      expect(existsSync(join(root, "etc/xen/scripts/network-wrapper"))).toBe(false);
      expect(read(root, "etc/xen/xend-config.sxp")).toBe(XEND);
      if (intruder) {
        expect(read(root, "etc/xen/scripts/network-bridge")).toBe("#!/bin/sh\n");
        expect(folders(root)).toEqual([...before, join(root, "etc/xen/scripts")].sort());
      } else expect(folders(root)).toEqual(before);
    }
  });

  it("writes through a folder link inside the root, never out of it (an absolute link in a copy of a host)", async () => {
    // The copy's scripts folder is an absolute link, as in a mounted image; the same absolute path also
    // exists on this machine, outside the root, and must stay untouched.
    const outside = makeRoot({ "srv/xen-scripts/network-bridge": "#!/bin/sh\n" });
    const root = makeRoot({ "etc/xen/xend-config.sxp": XEND, "srv/xen-scripts/network-bridge": "#!/bin/sh\n" });
    roots.push(outside, root);
    const outsideScripts = join(outside, "srv/xen-scripts");
    // The link names the outside folder's absolute path; inside the root that path is ROOT + it.
    mkdirSync(join(root, dirname(outsideScripts.slice(1))), { recursive: true });
    renameSync(join(root, "srv/xen-scripts"), join(root, outsideScripts.slice(1)));
    symlinkSync(outsideScripts, join(root, "etc/xen/scripts"));
    const planPath = writePlan(root, buildPlan(root, { "/etc/xen/scripts/network-wrapper": WRAPPER, "/etc/xen/xend-config.sxp": XEND_NEW }));
    expect((await apply(root, planPath, ["--yes"])).code).toBe(0);
    expect(existsSync(join(outsideScripts, "network-wrapper"))).toBe(false);
    expect(read(root, join(outsideScripts.slice(1), "network-wrapper"))).toBe(WRAPPER);
    expect(await run(["rollback", "--root", root], captureIo(root).io)).toBe(0);
    expect(existsSync(join(root, outsideScripts.slice(1), "network-wrapper"))).toBe(false);
    expect(readdirSync(outsideScripts)).toEqual(["network-bridge"]);
  });

  it("--dry-run prints the steps and diffs and touches nothing", async () => {
    const { root, planPath } = host();
    const before = tree(root);
    const r = await apply(root, planPath, ["--dry-run"]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("Dry run: nothing is changed.");
    expect(r.out).toContain("+(network-script network-wrapper)");
    expect(r.out).toContain("[would do]");
    expect(tree(root)).toEqual(before);
    expect(existsSync(join(root, "var"))).toBe(false);
  });

  it("without --yes and without a terminal it refuses", async () => {
    const { root, planPath } = host();
    const r = await apply(root, planPath);
    expect(r.code).toBe(2);
    expect(r.err).toContain("without --yes");
  });

  it("asks on a terminal and applies only on yes", async () => {
    const { root, planPath } = host();
    const { io, cap } = captureIo(root);
    const asked: string[] = [];
    const tty = { ...io, stdinIsTTY: true, prompt: async (q: string) => (asked.push(q), "n") };
    expect(await run(["apply", planPath, "--root", root], tty)).toBe(1);
    expect(asked[0]).toMatch(/Apply 3 step\(s\)/);
    expect(cap.err).toContain("not applied");
    expect(read(root, "etc/xen/xend-config.sxp")).toBe(XEND);
    expect(await run(["apply", planPath, "--root", root], { ...tty, prompt: async () => "yes" })).toBe(0);
    expect(read(root, "etc/xen/xend-config.sxp")).toBe(XEND_NEW);
  });

  it("refuses plans that are not valid: paths outside /etc/xen, bad names, other versions", async () => {
    const { root } = host();
    const base = buildPlan(root, { "/etc/xen/xend-config.sxp": XEND_NEW });
    const cases: [string, unknown][] = [
      ["must be under /etc/xen/", { ...base, files: [{ ...base.files[0], path: "/etc/passwd" }], steps: [{ ...base.steps[0], path: "/etc/passwd", undo: { ...base.steps[0]!.undo, path: "/etc/passwd" } }] }],
      ["normalised absolute path", { ...base, files: [{ ...base.files[0], path: "/etc/xen/../shadow" }] }],
      ["this xencfg reads version 1", { ...base, version: 2 }],
      ["contains \";\"", { ...base, steps: [...base.steps, { id: 2, kind: "net", description: "x", do: { op: "bridge-create", bridge: "br;rm" }, undo: { op: "bridge-delete", bridge: "br;rm" } }] }],
      ["unknown network operation", { ...base, steps: [...base.steps, { id: 2, kind: "net", description: "x", do: { op: "exec", cmd: "sh" }, undo: { op: "link-down", dev: "x" } }] }],
      ["is undone by 'bridge-delete'", { ...base, steps: [...base.steps, { id: 2, kind: "net", description: "x", do: { op: "bridge-create", bridge: "xenbr1" }, undo: { op: "link-down", dev: "xenbr1" } }] }],
      ["unknown key 'shell'", { ...base, shell: "yes" }],
    ];
    for (const [message, plan] of cases) {
      const path = join(root, "bad.json");
      writeFileSync(path, JSON.stringify(plan));
      const r = await apply(root, path, ["--yes"]);
      expect(r.code, message).toBe(2);
      expect(r.err).toContain(message);
    }
    expect(read(root, "etc/xen/xend-config.sxp")).toBe(XEND);
  });

  it("--confirm: the detached timer rolls the files back when no confirmation comes", async () => {
    const { root, planPath } = host();
    const before = tree(root);
    const r = await apply(root, planPath, ["--yes", "--confirm", "1"]);
    expect(r.code).toBe(0);
    expect(r.out).toContain(`xencfg confirm --root ${root}`);
    const journal = lastJournal(root);
    expect(journal.status).toBe("awaiting-confirm");
    expect(journal.confirm.timerPid).toBeGreaterThan(0);
    await waitFor(() => lastJournal(root).status === "rolled-back" && !existsSync(join(root, "var/lib/xencfg/lock")), 8000);
    expect(lastJournal(root).reason).toContain("no confirmation before");
    expect(tree(root)).toEqual(before);
  });

  it("--confirm: when the apply process dies mid-run (its SSH session went down), the timer rolls back at once", () => {
    const { root, planPath } = host();
    const before = tree(root);
    // The built CLI in a process of its own, which really ends after the simulated crash at step 2.
    const r = spawnSync(process.execPath, [BIN, "apply", planPath, "--root", root, "--yes", "--confirm", "600"], {
      encoding: "utf8",
      env: { ...process.env, XENCFG_FAILPOINT: "2:crash" },
    });
    expect(r.status).toBe(1);
    expect(read(root, "etc/xen/xend-config.sxp")).toBe(XEND_NEW);
    const until = Date.now() + 8000;
    while (Date.now() < until && !(lastJournal(root).status === "rolled-back" && !existsSync(join(root, "var/lib/xencfg/lock")))) spawnSync("sleep", ["0.1"]);
    expect(lastJournal(root).reason).toMatch(/the apply process \(pid \d+\) ended before the run awaited confirmation/);
    expect(tree(root)).toEqual(before);
  });

  it("confirm after the deadline, with the timer gone (a reboot), says to roll back", async () => {
    const { root, planPath } = host();
    expect((await apply(root, planPath, ["--yes", "--confirm", "1"])).code).toBe(0);
    process.kill(lastJournal(root).confirm.timerPid, "SIGKILL"); // the timer this test started
    await new Promise((res) => setTimeout(res, 1200));
    const { io, cap } = captureIo(root);
    expect(await run(["confirm", "--root", root], io)).toBe(1);
    expect(cap.err).toMatch(/too late.*confirm timer \(pid \d+\) is gone; run xencfg rollback/);
    const again = await apply(root, planPath, ["--yes"]);
    expect(again.err).toContain("is awaiting-confirm; finish it first");
    expect(await run(["rollback", "--root", root], captureIo(root).io)).toBe(0);
  });
});

function lastJournal(root: string) {
  const runs = join(root, "var/lib/xencfg/runs");
  const last = readdirSync(runs).sort().pop()!;
  return JSON.parse(readFileSync(join(runs, last, "journal.json"), "utf8"));
}

async function waitFor(cond: () => boolean, ms: number): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until && !cond()) await new Promise((r) => setTimeout(r, 100));
}
