import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { run } from "../../src/cli/main.js";

// The host of test/fixtures/migrate/move-one-vif: (network-script network-bridge), guests db1 and web1.
const ROOT = join(resolve(__dirname, "../fixtures/migrate"), "move-one-vif/root");

/** `xencfg migrate --root ROOT ARGS...` in-process, with its exit code and output. */
async function migrateAt(root: string, ...args: string[]) {
  let out = "";
  let err = "";
  const io = { stdout: (s: string) => void (out += s), stderr: (s: string) => void (err += s), isTTY: false, stdinIsTTY: false, cwd: root, env: {} };
  const code = await run(["migrate", "--root", root, ...args], io);
  return { code, out, err };
}

const migrate = (...args: string[]) => migrateAt(ROOT, ...args);

/** A host root in a temp folder holding these files (paths under etc/xen), with a scripts folder. */
function hostWith(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), "xcfg-xen-option-"));
  mkdirSync(join(root, "etc/xen/scripts"), { recursive: true });
  for (const [path, text] of Object.entries(files)) writeFileSync(join(root, "etc/xen", path), text);
  return root;
}

/** The wrapper's `start` lines in a --json plan. */
function wrapperStarts(json: string): string[] {
  const wrapper: string = JSON.parse(json).files.find((f: { path: string }) => f.path.endsWith("network-wrapper")).newContent;
  return wrapper.split("\n").filter((l) => l.includes('network-bridge" "$1"')).map((l) => l.trim());
}

describe("migrate --xen", () => {
  it("refuses versions it cannot use", async () => {
    expect(await migrate("--xen", "three", "--bridge", "xenbr1=eth1")).toMatchObject({ code: 2, err: expect.stringMatching(/--xen 'three': expected a Xen version such as 3.0, 3.2 or 4.1/) });
    for (const v of ["4.5", "xl", "2.0"]) {
      expect(await migrate("--xen", v, "--bridge", "xenbr1=eth1"), v).toMatchObject({ code: 2, err: expect.stringMatching(/migrate works on xend hosts \(Xen 3.0-4.4\)/) });
    }
    // Each refusal gives its own reason: no xend with xl; no knowledge of Xen before 3.0.
    expect((await migrate("--xen", "xl", "--bridge", "xenbr1=eth1")).err).toMatch(/--xen names an xl host \(Xen 4.5 and later\): xl runs no network-script/);
    expect((await migrate("--xen", "2.0", "--bridge", "xenbr1=eth1")).err).toMatch(/--xen 2.0: xencfg knows Xen from 3.0 on; migrate works/);
    expect(await migrate("--xen", "4.1", "--form", "network-bridge", "--bridge", "xenbr1=eth1")).toMatchObject({ code: 2, err: expect.stringMatching(/would build only the first bridge; use --form iproute2/) });
  });

  it("picks the wrapper form from the version unless --form names one", async () => {
    const form = async (...args: string[]) => {
      const r = await migrate("--bridge", "xenbr0=eth0", "--bridge", "xenbr1=eth1", "--json", ...args);
      expect(r.code, r.err).toBe(0);
      return /# Form (\S+),/.exec(JSON.parse(r.out).files[0].newContent)![1];
    };
    expect(await form()).toBe("iproute2");
    expect(await form("--xen", "3.0")).toBe("network-bridge");
    expect(await form("--xen", "3.0", "--form", "iproute2")).toBe("iproute2");
  });

  it("refuses NIC=NIC that confirms no bridge named after its NIC", async () => {
    expect(await migrate("--xen", "3.0", "--bridge", "eth1=eth1")).toMatchObject({ code: 2, err: expect.stringMatching(/--bridge eth1=eth1: a bridge and its NIC need different names, such as xenbr0=eth1/) });
  });

  it("keeps a bridge named after its NIC only with the network-bridge form on Xen 3.2 to 4.0", async () => {
    const args = ["--bridge", "eth0=eth0", "--bridge", "xenbr1=eth1"];
    expect((await migrate("--xen", "3.2", ...args)).code).toBe(0);
    expect(await migrate("--xen", "3.2", "--form", "iproute2", ...args)).toMatchObject({ code: 1, err: expect.stringMatching(/cannot give a bridge its NIC's name; on Xen 3.2 to 4.0 the network-bridge form keeps it/) });
    expect(await migrate(...args)).toMatchObject({ code: 1, err: expect.stringMatching(/On Xen 3.2 to 4.0 pass --xen/) });
  });

  it("Xen 3.0: a bridge the host builds with vifnum=1 keeps it; the new bridge takes a number no other uses", async () => {
    // On 3.0/3.1 vifnum picks the veth pair (veth1/vif0.1) the bridge is wired through: renumbering the
    // running bridge would hand it another pair when xend restarts.
    const root = hostWith({
      "xend-config.sxp": "(network-script 'network-bridge vifnum=1')\n(vif-script vif-bridge)\n",
      "db1.cfg": "name = 'db1'\nvif = [ 'mac=00:16:3e:00:00:01, bridge=xenbr1' ]\n",
    });
    const r = await migrateAt(root, "--xen", "3.0", "--bridge", "xenbr0=eth0", "--json");
    expect(r.code, r.err).toBe(0);
    expect(wrapperStarts(r.out)).toEqual([
      `"$scripts/network-bridge" "$1" vifnum=1 netdev='eth1' bridge='xenbr1' || status=1`,
      `"$scripts/network-bridge" "$1" vifnum=0 netdev='eth0' bridge='xenbr0' || status=1`,
    ]);
  });

  it.each([["no vifnum=", ""], ["an empty vifnum=", "vifnum= "]])("Xen 3.0: a wrapper whose second call has %s shares vifnum 0 and built one bridge; the plan builds the other with its own vifnum", async (_, second) => {
    // tools/examples/network-bridge of 3.0/3.1: the second call finds veth0 gone and exits before
    // create_bridge, so xenbr1 does not exist and the host is not already in the asked-for shape.
    const root = hostWith({
      "xend-config.sxp": "(network-script network-wrapper)\n(vif-script vif-bridge)\n",
      "scripts/network-wrapper": `#!/bin/sh\ndir=$(dirname "$0")\n"$dir/network-bridge" "$@" vifnum=0 netdev=eth0 bridge=xenbr0\n"$dir/network-bridge" "$@" ${second}netdev=eth1 bridge=xenbr1\n`,
      "db1.cfg": "name = 'db1'\nvif = [ 'mac=00:16:3e:00:00:01, bridge=xenbr0' ]\n",
    });
    const r = await migrateAt(root, "--xen", "3.0", "--bridge", "xenbr0=eth0", "--bridge", "xenbr1=eth1", "--json");
    expect(r.code, r.err).toBe(0);
    expect(wrapperStarts(r.out)).toEqual([
      `"$scripts/network-bridge" "$1" vifnum=0 netdev='eth0' bridge='xenbr0' || status=1`,
      `"$scripts/network-bridge" "$1" vifnum=1 netdev='eth1' bridge='xenbr1' || status=1`,
    ]);
  });

  it("warns when guests use a bridge the planned configuration does not build (Xen 4.1: the old wrapper's second call built none)", async () => {
    const root = resolve(__dirname, "../../samples/two-nic");
    const r = await migrateAt(root, "--xen", "4.1", "--bridge", "xenbr2=eth2");
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain(
      "warning: interfaces front1.1, back1.0 use bridge xenbr1, which the planned configuration does not build (it builds xenbr0, xenbr2), so those guests do not start; add --bridge xenbr1=NIC to build it, or move them with --move GUEST.DEVID=BRIDGE.",
    );
    const both = await migrateAt(root, "--xen", "4.1", "--bridge", "xenbr1=eth1", "--bridge", "xenbr2=eth2");
    expect(both.code, both.err).toBe(0);
    expect(both.out).not.toContain("does not build");
  });

  it("warns when, without --xen, only the Xen 3.0/3.1 reading fits and the wrapper would be iproute2", async () => {
    // Plain (network-script network-bridge) with --bridge xenbr0=eth0: only 3.0/3.1 names that bridge.
    const root = hostWith({
      "xend-config.sxp": "(network-script network-bridge)\n(vif-script vif-bridge)\n",
      "g.cfg": "name = 'g'\nvif = [ 'mac=00:16:3e:00:00:01, bridge=xenbr0' ]\n",
    });
    const runIn = async (...extra: string[]) => {
      const r = await migrateAt(root, "--bridge", "xenbr0=eth0", "--bridge", "xenbr1=eth1", ...extra);
      expect(r.code, r.err).toBe(0);
      return r.out;
    };
    expect(await runIn()).toContain("warning: the host's bridges read as Xen 3.0/3.1 only (xenbr0 on eth0), and the wrapper is written in the iproute2 form");
    expect(await runIn("--xen", "3.0")).not.toContain("read as Xen 3.0/3.1 only");
    expect(await runIn("--form", "iproute2")).not.toContain("read as Xen 3.0/3.1 only");
  });
});
