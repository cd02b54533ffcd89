import { afterEach, describe, expect, it } from "vitest";
import { run } from "../../src/cli/main.js";
import { deleteAllNetns, ip, linkOf, makeHost, NETNS_SUPPORT, snapshot } from "./netns-helpers.js";
import { buildPlan, captureIo, makeRoot, removeRoot, writePlan } from "./plan-helpers.js";

/**
 * A NIC with a secondary IPv4 address in the same subnet as its primary. With the kernel's default
 * promote_secondaries=0, deleting the primary deletes its secondaries too, so moving the addresses (and
 * moving them back) must delete secondaries first and re-add primaries first.
 */

if (!NETNS_SUPPORT.ok) console.warn(`secondary address tests ${NETNS_SUPPORT.reason}`);

const roots: string[] = [];
afterEach(() => {
  deleteAllNetns();
  for (const r of roots.splice(0)) removeRoot(r);
});

let subnet = 60;
function setup() {
  const h = makeHost({ subnet: subnet++, withAddress: false });
  ip("-n", h.ns, "addr", "add", "198.51.100.10/24", "dev", h.nic);
  ip("-n", h.ns, "addr", "add", "198.51.100.77/24", "dev", h.nic);
  ip("-n", h.ns, "route", "add", "10.99.0.0/16", "via", "198.51.100.1", "dev", h.nic, "metric", "7");
  const root = makeRoot({ "etc/xen/xend-config.sxp": "(network-script network-bridge)\n" });
  roots.push(root);
  const plan = buildPlan(root, { "/etc/xen/xend-config.sxp": "(network-script network-wrapper)\n" }, [{ bridge: "xenbr1", nic: h.nic }]);
  return { ...h, root, planPath: writePlan(root, plan), steps: plan.steps.length };
}

/** "local/prefix" for each IPv4 address of the device, with " secondary" on secondaries, in the kernel's order. */
function roles(ns: string, dev: string): string[] {
  const [l] = JSON.parse(ip("-n", ns, "-4", "-j", "addr", "show", "dev", dev)) as { addr_info: { local: string; prefixlen: number; secondary?: boolean }[] }[];
  return (l?.addr_info ?? []).map((a) => `${a.local}/${a.prefixlen}${a.secondary ? " secondary" : ""}`);
}

async function apply(s: { root: string; planPath: string; ns: string }, env: Record<string, string> = {}) {
  const { io, cap } = captureIo(s.root, env);
  const code = await run(["apply", s.planPath, "--root", s.root, "--netns", s.ns, "--yes"], io);
  return { code, ...cap };
}

async function rollback(root: string) {
  const { io, cap } = captureIo(root);
  const code = await run(["rollback", "--root", root], io);
  return { code, ...cap };
}

const ROLES = ["198.51.100.10/24", "198.51.100.77/24 secondary"];

describe.skipIf(!NETNS_SUPPORT.ok)(`apply, a NIC with a secondary address (${NETNS_SUPPORT.reason})`, () => {
  it("moves primary and secondary to the bridge, and xencfg rollback puts them back in their roles", async () => {
    const s = setup();
    expect(roles(s.ns, s.nic)).toEqual(ROLES);
    const before = snapshot(s.ns);
    const r = await apply(s);
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    expect(roles(s.ns, "xenbr1")).toEqual(ROLES);
    expect(roles(s.ns, s.nic)).toEqual([]);
    expect(linkOf(s.ns, s.nic)!.master).toBe("xenbr1");
    const rb = await rollback(s.root);
    expect(rb.err).toBe("");
    expect(rb.code).toBe(0);
    expect(snapshot(s.ns)).toEqual(before);
    expect(roles(s.ns, s.nic)).toEqual(ROLES);
  });

  it("a failure after the move undoes it cleanly, at every failpoint", async () => {
    const s = setup();
    const before = snapshot(s.ns);
    for (let n = 1; n <= s.steps; n++) {
      const r = await apply(s, { XENCFG_FAILPOINT: String(n) });
      expect(r.code, `failpoint ${n}`).toBe(1);
      expect(r.err, `failpoint ${n}`).toContain("the host is back as it was");
      expect(snapshot(s.ns), `failpoint ${n}`).toEqual(before);
      expect(roles(s.ns, s.nic), `failpoint ${n}`).toEqual(ROLES);
    }
  });

  it("xencfg rollback after a crash right after the move restores both addresses", async () => {
    const s = setup();
    const before = snapshot(s.ns);
    const r = await apply(s, { XENCFG_FAILPOINT: "5:crash" }); // step 5 moves the addresses and routes
    expect(r.code).toBe(1);
    expect(roles(s.ns, "xenbr1")).toEqual(ROLES);
    const rb = await rollback(s.root);
    expect(rb.code).toBe(0);
    expect(snapshot(s.ns)).toEqual(before);
    expect(roles(s.ns, s.nic)).toEqual(ROLES);
  });
});
