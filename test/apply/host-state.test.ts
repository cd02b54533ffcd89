import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { run } from "../../src/cli/main.js";
import { acquireLock } from "../../src/apply/journal.js";
import { HostStateError } from "../../src/apply/host-state-error.js";
import { captureIo, makeRoot, removeRoot } from "./plan-helpers.js";

const roots: string[] = [];
afterEach(() => {
  for (const r of roots.splice(0)) removeRoot(r);
});

describe("xencfg's state on the host", () => {
  it("a lock held by a live run is a HostStateError naming the holder, after the wait", async () => {
    const root = makeRoot({ "etc/xen/xend-config.sxp": "(vif-script vif-bridge)\n" });
    roots.push(root);
    mkdirSync(join(root, "var/lib/xencfg"), { recursive: true });
    // This test's own process is alive: its pid in the lock file stands for a run in progress.
    writeFileSync(join(root, "var/lib/xencfg/lock"), `${process.pid}\n`);
    const err = await acquireLock(root, 50).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HostStateError);
    expect((err as Error).message).toBe(`another xencfg run (pid ${process.pid}) is working on this host and holds ${join(root, "var/lib/xencfg/lock")}; run this again when it has finished`);
  });

  it("a state folder that cannot be made is reported in words with exit 2, not as an internal error", async () => {
    const root = makeRoot({ "etc/xen/xend-config.sxp": "(vif-script vif-bridge)\n", var: "not a folder\n" });
    roots.push(root);
    for (const argv of [["rollback", "--root", root], ["confirm", "--root", root]]) {
      const { io, cap } = captureIo(root);
      expect(await run(argv, io)).toBe(2);
      expect(cap.err).toMatch(new RegExp(`^xencfg: cannot create xencfg's state folder ${join(root, "var/lib/xencfg")}: ENOTDIR`));
      expect(cap.err).not.toContain("internal error");
    }
  });
});
