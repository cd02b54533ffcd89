import { afterEach, describe, expect, it } from "vitest";
import { applyPlan } from "../../src/apply/apply-plan.js";
import { readJournal } from "../../src/apply/journal.js";
import { rollbackRun } from "../../src/apply/rollback.js";
import { FakeIp } from "./fake-ip.js";
import { buildPlan, makeRoot, read, removeRoot } from "./plan-helpers.js";

// The step logic against an in-memory `ip`: runs everywhere, root or not.
const roots: string[] = [];
afterEach(() => {
  for (const r of roots.splice(0)) removeRoot(r);
});

function setup() {
  const root = makeRoot({ "etc/xen/xend-config.sxp": "(network-script network-bridge)\n" });
  roots.push(root);
  const ip = new FakeIp().addNic("eth1", "52:54:00:aa:bb:01");
  void ip.run(["-4", "addr", "add", "10.0.0.2/24", "dev", "eth1", "broadcast", "10.0.0.255"]);
  void ip.run(["-4", "addr", "add", "10.1.0.2/24", "dev", "eth1", "valid_lft", "300", "preferred_lft", "200"]);
  void ip.run(["-4", "route", "replace", "default", "via", "10.0.0.1", "dev", "eth1"]);
  void ip.run(["-4", "route", "replace", "10.9.0.0/16", "via", "10.0.0.1", "dev", "eth1", "metric", "5"]);
  ip.calls = [];
  const plan = buildPlan(root, { "/etc/xen/xend-config.sxp": "(network-script network-wrapper)\n" }, [{ bridge: "xenbr1", nic: "eth1" }]);
  return { root, ip, plan };
}

describe("network steps against a fake ip", () => {
  it("builds the bridge with the NIC's MAC, addresses (lifetimes kept) and routes", async () => {
    const { root, ip, plan } = setup();
    const r = await applyPlan(plan, { root, netns: null, ip });
    expect(r.outcome).toBe("applied");
    expect(ip.links.get("xenbr1")).toEqual({ kind: "bridge", address: "52:54:00:aa:bb:01", master: null, up: true });
    expect(ip.links.get("eth1")!.master).toBe("xenbr1");
    expect(ip.addrs.get("eth1")).toEqual([]);
    expect(ip.addrs.get("xenbr1")).toEqual([
      { family: "inet", local: "10.0.0.2", prefixlen: 24, broadcast: "10.0.0.255", scope: "global", valid: 4294967295, preferred: 4294967295 },
      { family: "inet", local: "10.1.0.2", prefixlen: 24, scope: "global", valid: 300, preferred: 200 },
    ]);
    expect(ip.routes.map((x) => `${x.dst} via ${x.gateway} dev ${x.dev}`)).toEqual(["default via 10.0.0.1 dev xenbr1", "10.9.0.0/16 via 10.0.0.1 dev xenbr1"]);
    // Every command was an argument array with checked names; none went through a shell.
    expect(ip.calls.every((c) => Array.isArray(c) && !c.some((w) => /[;&|`$]/.test(w)))).toBe(true);
  });

  it("changes nothing when applied a second time", async () => {
    const { root, ip, plan } = setup();
    await applyPlan(plan, { root, netns: null, ip });
    const after = ip.state();
    const writes = () => ip.calls.filter((c) => c.some((w) => ["add", "del", "set", "replace"].includes(w))).length;
    const before = writes();
    expect((await applyPlan(plan, { root, netns: null, ip })).outcome).toBe("unchanged");
    expect(writes()).toBe(before);
    expect(ip.state()).toEqual(after);
  });

  it("rolls back files and links at every failpoint", async () => {
    const { root, ip, plan } = setup();
    const before = ip.state();
    for (const step of plan.steps) {
      const r = await applyPlan(plan, { root, netns: null, ip, failpoint: { step: step.id, crash: false } });
      expect(r.outcome, `failpoint ${step.id}`).toBe("failed");
      expect(ip.state(), `failpoint ${step.id}`).toEqual(before);
      expect(read(root, "etc/xen/xend-config.sxp")).toBe("(network-script network-bridge)\n");
    }
  });

  it("rollback after a crash right after each step puts everything back", async () => {
    const { root, ip, plan } = setup();
    const before = ip.state();
    for (const step of plan.steps.slice(0, -1)) {
      const r = await applyPlan(plan, { root, netns: null, ip, failpoint: { step: step.id, crash: true } });
      expect(r.outcome, `crash at ${step.id}`).toBe("crashed");
      if (r.outcome !== "crashed") continue;
      const journal = await readJournal(root, r.journal.runId);
      expect(journal.status).toBe("in-progress");
      expect((await rollbackRun(journal, "test", ip)).ok).toBe(true);
      expect(ip.state(), `crash at ${step.id}`).toEqual(before);
    }
  });

  it("a step that fails in ip itself is reported and undone", async () => {
    const { root, ip, plan } = setup();
    const before = ip.state();
    ip.links.set("xenbr1", { kind: "veth", address: "02:00:00:00:00:99", master: null, up: false });
    ip.addrs.set("xenbr1", []);
    const r = await applyPlan(plan, { root, netns: null, ip });
    expect(r.outcome).toBe("failed");
    if (r.outcome === "failed") expect(r.error).toContain("xenbr1 exists and is not a bridge");
    ip.links.delete("xenbr1");
    ip.addrs.delete("xenbr1");
    expect(ip.state()).toEqual(before);
  });
});
