import { appendFileSync, chmodSync, existsSync, readdirSync, readFileSync, rmSync, unlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { run } from "../../src/cli/main.js";
import { deleteAllNetns, makeHost, NETNS_SUPPORT, snapshot } from "./netns-helpers.js";
import { buildPlan, captureIo, makeRoot, read, removeRoot, writePlan } from "./plan-helpers.js";

/**
 * `xencfg rollback` must not silently destroy changes made after the run: a file it would restore that no
 * longer holds what the run wrote (nor what was there before) makes it refuse, unless --force, which saves
 * the file's current bytes first. The confirm timer keeps such files and still restores the network.
 */

const XEND = "(network-script network-bridge)\n";
const XEND_NEW = "(network-script network-wrapper)\n";
const GUEST = `name = "db1"\nvif = [ 'mac=00:16:3e:00:00:01' ]\n`;
const GUEST_NEW = `name = "db1"\nvif = [ 'mac=00:16:3e:00:00:01,bridge=xenbr1' ]\n`;
const WRAPPER = "#!/bin/sh\n/etc/xen/scripts/network-bridge \"$@\" netdev=eth0 bridge=xenbr0\n";
const EDIT = "memory = 2048  # someone's change after the apply\n";

const roots: string[] = [];
afterEach(() => {
  deleteAllNetns();
  for (const r of roots.splice(0)) removeRoot(r);
});

function host(live?: { nic: string }): { root: string; planPath: string } {
  const root = makeRoot({ "etc/xen/xend-config.sxp": XEND, "etc/xen/db1.cfg": GUEST });
  roots.push(root);
  chmodSync(join(root, "etc/xen/db1.cfg"), 0o600);
  const plan = buildPlan(
    root,
    { "/etc/xen/scripts/network-wrapper": WRAPPER, "/etc/xen/xend-config.sxp": XEND_NEW, "/etc/xen/db1.cfg": GUEST_NEW },
    live ? [{ bridge: "xenbr1", nic: live.nic }] : [],
  );
  return { root, planPath: writePlan(root, plan) };
}

async function cli(root: string, args: string[]) {
  const { io, cap } = captureIo(root);
  const code = await run(args, io);
  return { code, ...cap };
}

function lastJournal(root: string) {
  const runs = join(root, "var/lib/xencfg/runs");
  const last = readdirSync(runs).sort().pop()!;
  return { dir: join(runs, last), ...JSON.parse(readFileSync(join(runs, last, "journal.json"), "utf8")) };
}

async function waitFor(cond: () => boolean, ms: number): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until && !cond()) await new Promise((r) => setTimeout(r, 100));
}

describe("xencfg rollback, files changed after the run", () => {
  it("refuses, changes nothing and names the file when a file the run wrote was edited since", async () => {
    const { root, planPath } = host();
    expect((await cli(root, ["apply", planPath, "--root", root, "--yes"])).code).toBe(0);
    appendFileSync(join(root, "etc/xen/db1.cfg"), EDIT);
    const r = await cli(root, ["rollback", "--root", root]);
    expect(r.code).toBe(1);
    expect(r.err).toContain("/etc/xen/db1.cfg");
    expect(r.err).toContain("--force");
    expect(r.out).not.toContain("back as it was");
    expect(read(root, "etc/xen/db1.cfg")).toBe(GUEST_NEW + EDIT);
    expect(read(root, "etc/xen/xend-config.sxp")).toBe(XEND_NEW);
    expect(read(root, "etc/xen/scripts/network-wrapper")).toBe(WRAPPER);
    expect(lastJournal(root).status).toBe("applied");
  });

  it("refuses too when a file the run created was edited, or a file it wrote was deleted", async () => {
    const { root, planPath } = host();
    expect((await cli(root, ["apply", planPath, "--root", root, "--yes"])).code).toBe(0);
    appendFileSync(join(root, "etc/xen/scripts/network-wrapper"), "# local tweak\n");
    unlinkSync(join(root, "etc/xen/xend-config.sxp"));
    const r = await cli(root, ["rollback", "--root", root]);
    expect(r.code).toBe(1);
    expect(r.err).toContain("/etc/xen/scripts/network-wrapper");
    expect(r.err).toMatch(/\/etc\/xen\/xend-config\.sxp.*deleted/);
    expect(r.err).not.toContain("/etc/xen/db1.cfg");
    expect(read(root, "etc/xen/scripts/network-wrapper")).toBe(`${WRAPPER}# local tweak\n`);
    expect(existsSync(join(root, "etc/xen/xend-config.sxp"))).toBe(false);
  });

  it("--force saves each changed file's current content beside the run's backups, says where, then rolls back", async () => {
    const { root, planPath } = host();
    expect((await cli(root, ["apply", planPath, "--root", root, "--yes"])).code).toBe(0);
    appendFileSync(join(root, "etc/xen/db1.cfg"), EDIT);
    const r = await cli(root, ["rollback", "--root", root, "--force"]);
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    expect(read(root, "etc/xen/db1.cfg")).toBe(GUEST);
    expect(read(root, "etc/xen/xend-config.sxp")).toBe(XEND);
    expect(existsSync(join(root, "etc/xen/scripts/network-wrapper"))).toBe(false);
    const saved = /saved the current content of \/etc\/xen\/db1\.cfg in (\S+)/.exec(r.out);
    expect(saved, r.out).not.toBeNull();
    const savedPath = saved![1]!;
    expect(savedPath.startsWith(join(lastJournal(root).dir, "backup"))).toBe(true);
    expect(readFileSync(savedPath, "utf8")).toBe(GUEST_NEW + EDIT);
    expect(lastJournal(root).status).toBe("rolled-back");
  });

  it("an unedited run still rolls back without --force, and so does a crashed one", async () => {
    const { root, planPath } = host();
    expect((await cli(root, ["apply", planPath, "--root", root, "--yes"])).code).toBe(0);
    expect((await cli(root, ["rollback", "--root", root])).code).toBe(0);
    expect(read(root, "etc/xen/db1.cfg")).toBe(GUEST);
    const { io } = captureIo(root, { XENCFG_FAILPOINT: "2:crash" });
    expect(await run(["apply", planPath, "--root", root, "--yes"], io)).toBe(1);
    const r = await cli(root, ["rollback", "--root", root]);
    expect(r.code).toBe(0);
    expect(read(root, "etc/xen/xend-config.sxp")).toBe(XEND);
  });

  it("the confirm timer keeps files edited during the window, records why, and rollback --force finishes", async () => {
    const { root, planPath } = host();
    const r = await cli(root, ["apply", planPath, "--root", root, "--yes", "--confirm", "1"]);
    expect(r.code).toBe(0);
    appendFileSync(join(root, "etc/xen/db1.cfg"), EDIT);
    await waitFor(() => lastJournal(root).status !== "awaiting-confirm" && !existsSync(join(root, "var/lib/xencfg/lock")), 8000);
    const j = lastJournal(root);
    expect(j.status).toBe("rollback-failed");
    expect(j.reason).toContain("no confirmation before");
    expect(j.reason).toContain("/etc/xen/db1.cfg");
    // All files stay as the run (and the editor) left them: restoring only some would mix old and new configs.
    expect(read(root, "etc/xen/db1.cfg")).toBe(GUEST_NEW + EDIT);
    expect(read(root, "etc/xen/xend-config.sxp")).toBe(XEND_NEW);
    const refused = await cli(root, ["rollback", "--root", root]);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain("/etc/xen/db1.cfg");
    const forced = await cli(root, ["rollback", "--root", root, "--force"]);
    expect(forced.code).toBe(0);
    expect(read(root, "etc/xen/db1.cfg")).toBe(GUEST);
    expect(read(root, "etc/xen/xend-config.sxp")).toBe(XEND);
  });
});

describe.skipIf(!NETNS_SUPPORT.ok)(`confirm timer with a file edited during the window, live (${NETNS_SUPPORT.reason})`, () => {
  it("restores the network anyway and keeps the files", async () => {
    const h = makeHost({ subnet: 70 });
    const { root, planPath } = host({ nic: h.nic });
    const before = snapshot(h.ns);
    const r = await cli(root, ["apply", planPath, "--root", root, "--netns", h.ns, "--yes", "--confirm", "1"]);
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    expect(snapshot(h.ns)).not.toEqual(before);
    writeFileSync(join(root, "etc/xen/db1.cfg"), GUEST_NEW + EDIT);
    await waitFor(() => lastJournal(root).status !== "awaiting-confirm" && !existsSync(join(root, "var/lib/xencfg/lock")), 10000);
    expect(lastJournal(root).status).toBe("rollback-failed");
    expect(snapshot(h.ns)).toEqual(before);
    expect(read(root, "etc/xen/db1.cfg")).toBe(GUEST_NEW + EDIT);
    rmSync(join(root, "etc/xen/db1.cfg"));
    writeFileSync(join(root, "etc/xen/db1.cfg"), GUEST_NEW); // the editor undoes the edit: plain rollback works
    expect((await cli(root, ["rollback", "--root", root])).code).toBe(0);
    expect(read(root, "etc/xen/db1.cfg")).toBe(GUEST);
    expect(snapshot(h.ns)).toEqual(before);
  });
});
