import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { run } from "../../src/cli/main.js";
import { addrsOf, deleteAllNetns, ip, linkOf, makeHost, NETNS_SUPPORT } from "./netns-helpers.js";
import { captureIo } from "./plan-helpers.js";

const FIXTURE = resolve(__dirname, "../fixtures/migrate/move-one-vif/root");
// Its plain (network-script network-bridge) builds xenbr0 on eth0 only on Xen 3.0/3.1: confirm that reading.
const CONFIRM = ["--bridge", "xenbr0=eth0"];
const roots: string[] = [];
afterEach(() => {
  deleteAllNetns();
  for (const r of roots.splice(0)) rmSync(r, { recursive: true, force: true });
});

/** The bridge Xen 3.0's network-bridge built at boot on such a host (its veth layout does not matter here). */
function xendBuiltBridge(ns: string): void {
  ip("-n", ns, "link", "add", "name", "xenbr0", "type", "bridge");
  ip("-n", ns, "link", "set", "dev", "xenbr0", "up");
}

function copyHost(): string {
  const root = mkdtempSync(join(tmpdir(), "xcfg-live-"));
  roots.push(root);
  cpSync(FIXTURE, root, { recursive: true, verbatimSymlinks: true });
  return root;
}

async function cli(root: string, argv: string[]) {
  const { io, cap } = captureIo(root);
  const code = await run(argv, io);
  return { code, ...cap };
}

describe.skipIf(!NETNS_SUPPORT.ok)(`migrate --live, then apply, in a network namespace (${NETNS_SUPPORT.reason})`, () => {
  it("plans and applies a live migration; migrating again gives an empty plan", async () => {
    const h = makeHost({ subnet: 60 });
    xendBuiltBridge(h.ns);
    const root = copyHost();
    const plan = join(root, "plan.json");
    const m = await cli(root, ["migrate", "--root", root, ...CONFIRM, "--bridge", "xenbr1=eth1", "--move", "db1.1=xenbr1", "--live", "--netns", h.ns, "-o", plan]);
    expect(m.err).toBe("");
    expect(m.out).toContain("create bridge xenbr1");
    const a = await cli(root, ["apply", plan, "--root", root, "--netns", h.ns, "--yes"]);
    expect(a.err).toBe("");
    expect(a.code).toBe(0);
    expect(linkOf(h.ns, "eth1")!.master).toBe("xenbr1");
    expect(addrsOf(h.ns, "xenbr1").map((x) => x.local)).toContain("10.77.60.2");
    const again = await cli(root, ["migrate", "--root", root, ...CONFIRM, "--bridge", "xenbr1=eth1", "--move", "db1.1=xenbr1", "--live", "--netns", h.ns]);
    expect(again.out).toBe(`Nothing to do: the host under ${root} already holds this configuration.\n`);
  });

  it("after a files-only apply, --live says the configured bridge is missing on the running host instead of 'nothing to do' alone", async () => {
    const h = makeHost({ subnet: 62 });
    xendBuiltBridge(h.ns);
    const root = copyHost();
    const plan = join(root, "plan.json");
    expect((await cli(root, ["migrate", "--root", root, ...CONFIRM, "--bridge", "xenbr1=eth1", "-o", plan])).code).toBe(0);
    expect((await cli(root, ["apply", plan, "--root", root, "--yes"])).code).toBe(0);
    const live = await cli(root, ["migrate", "--root", root, ...CONFIRM, "--bridge", "xenbr1=eth1", "--live", "--netns", h.ns]);
    expect(live.code).toBe(0);
    expect(live.out).toContain(
      "warning: --live: bridge xenbr1 is in the host's configuration but missing on the running host; migrate builds live only the bridges it adds, so xenbr1 comes up when xend next runs its network-script (restart xend); until then guests on it do not start.",
    );
    expect(live.out).not.toContain("bridge xenbr0 is in the host's configuration");
  });

  it("the dry run says a step would fail when its NIC is gone and no earlier step creates it", async () => {
    const h = makeHost({ subnet: 63 });
    xendBuiltBridge(h.ns);
    const root = copyHost();
    const plan = join(root, "plan.json");
    expect((await cli(root, ["migrate", "--root", root, ...CONFIRM, "--bridge", "xenbr1=eth1", "--live", "--netns", h.ns, "-o", plan])).code).toBe(0);
    const fine = await cli(root, ["apply", plan, "--root", root, "--netns", h.ns, "--dry-run"]);
    expect(fine.code).toBe(0);
    expect(fine.out).not.toContain("WOULD FAIL");
    // The NIC renamed since the plan was made (or the plan run against another namespace).
    ip("-n", h.ns, "link", "set", "dev", "eth1", "down");
    ip("-n", h.ns, "link", "set", "dev", "eth1", "name", "eth9");
    const dry = await cli(root, ["apply", plan, "--root", root, "--netns", h.ns, "--dry-run"]);
    expect(dry.code).toBe(1);
    expect(dry.out).toContain(`give xenbr1 the MAC address of eth1  [WOULD FAIL: eth1 does not exist in ${h.ns} and no earlier step creates it]`);
    expect(dry.err).toContain(`eth1 does not exist in network namespace ${h.ns}: apply would fail at that step and roll back`);
  });

  it("refuses a NIC that is already enslaved elsewhere, and a NIC that does not exist", async () => {
    const h = makeHost({ subnet: 61 });
    ip("-n", h.ns, "link", "add", "name", "br9", "type", "bridge");
    ip("-n", h.ns, "link", "set", "dev", "eth1", "master", "br9");
    const root = copyHost();
    const taken = await cli(root, ["migrate", "--root", root, ...CONFIRM, "--bridge", "xenbr1=eth1", "--live", "--netns", h.ns]);
    expect(taken.code).toBe(1);
    expect(taken.err).toContain("NIC eth1 is already enslaved to br9");
    const missing = await cli(root, ["migrate", "--root", root, ...CONFIRM, "--bridge", "xenbr1=eth7", "--live", "--netns", h.ns]);
    expect(missing.code).toBe(1);
    expect(missing.err).toContain("NIC eth7 does not exist");
  });
});
