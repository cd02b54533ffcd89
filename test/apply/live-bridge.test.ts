import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { join, resolve } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { run } from "../../src/cli/main.js";
import { addrsOf, deleteAllNetns, ip, linkOf, makeHost, NETNS_SUPPORT, routesOf, snapshot } from "./netns-helpers.js";
import { buildPlan, captureIo, makeRoot, removeRoot, writePlan } from "./plan-helpers.js";

const XEND = "(network-script network-bridge)\n";
const XEND_NEW = "(network-script network-wrapper)\n";

if (!NETNS_SUPPORT.ok) console.warn(`live bridge tests ${NETNS_SUPPORT.reason}`);

const roots: string[] = [];
afterEach(() => {
  deleteAllNetns();
  for (const r of roots.splice(0)) removeRoot(r);
});

let subnet = 10;
function setup(opts: { withAddress?: boolean; dynamic?: boolean; ipv6?: boolean } = {}) {
  const h = makeHost({ subnet: subnet++, ...opts });
  const root = makeRoot({ "etc/xen/xend-config.sxp": XEND });
  roots.push(root);
  const plan = buildPlan(root, { "/etc/xen/xend-config.sxp": XEND_NEW }, [{ bridge: "xenbr1", nic: h.nic }]);
  return { ...h, root, subnet: subnet - 1, planPath: writePlan(root, plan), steps: plan.steps.length };
}

async function apply(s: { root: string; planPath: string; ns: string }, extra: string[] = [], env: Record<string, string> = {}) {
  const { io, cap } = captureIo(s.root, env);
  const code = await run(["apply", s.planPath, "--root", s.root, "--netns", s.ns, "--yes", ...extra], io);
  return { code, ...cap };
}

// The suites below skip without network namespaces. As root (how the tests run, here and in CI) a skip
// would only hide a broken `ip netns`, and with it every check of the applier's network steps.
it.skipIf(process.getuid?.() !== 0)("as root, ip netns works, so the live suites run", () => {
  expect(NETNS_SUPPORT).toEqual({ ok: true, reason: "root and ip netns available" });
});

describe.skipIf(!NETNS_SUPPORT.ok)(`apply, live bridge in a network namespace (${NETNS_SUPPORT.reason})`, () => {
  it("builds the bridge the way network-bridge does: NIC's MAC, addresses, routes, NIC enslaved, both up", async () => {
    const s = setup({ dynamic: true, ipv6: true });
    const r = await apply(s);
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    const br = linkOf(s.ns, "xenbr1")!;
    expect(br.linkinfo?.info_kind).toBe("bridge");
    expect(br.flags).toContain("UP");
    expect(br.address).toBe(s.mac);
    const nic = linkOf(s.ns, s.nic)!;
    expect(nic.master).toBe("xenbr1");
    expect(nic.flags).toContain("UP");
    const addrs = addrsOf(s.ns, "xenbr1");
    const staticAddr = addrs.find((a) => a.local.startsWith("10.77."))!;
    const leased = addrs.find((a) => a.local.startsWith("10.78."))!;
    expect(staticAddr.prefixlen).toBe(24);
    expect(staticAddr.dynamic).toBeUndefined();
    expect(leased.dynamic).toBe(true);
    expect(leased.valid_life_time).toBeGreaterThan(500);
    expect(leased.valid_life_time).toBeLessThanOrEqual(600);
    expect(addrs.find((a) => a.family === "inet6")).toMatchObject({ local: `2001:db8:${s.subnet}::2`, prefixlen: 64 });
    expect(addrsOf(s.ns, s.nic)).toEqual([]);
    const routes = routesOf(s.ns, "xenbr1");
    expect(routes).toContainEqual(expect.objectContaining({ dst: "default", gateway: s.gateway }));
    expect(routes).toContainEqual(expect.objectContaining({ dst: "10.99.0.0/16", gateway: s.gateway, metric: 7 }));
    expect(routesOf(s.ns, s.nic).filter((r) => r.protocol !== "kernel")).toEqual([]);
  });

  it("a NIC with no address gives a bridge with no address", async () => {
    const s = setup({ withAddress: false });
    expect((await apply(s)).code).toBe(0);
    expect(linkOf(s.ns, s.nic)!.master).toBe("xenbr1");
    expect(addrsOf(s.ns, "xenbr1").filter((a) => a.family === "inet")).toEqual([]);
  });

  it("applying twice changes nothing the second time", async () => {
    const s = setup({ dynamic: true });
    expect((await apply(s)).code).toBe(0);
    const after = snapshot(s.ns);
    const second = await apply(s);
    expect(second.code).toBe(0);
    expect(second.out).toContain("Nothing changed");
    expect(second.out.match(/\(already (holds|done)\)/g)?.length).toBe(s.steps);
    expect(snapshot(s.ns)).toEqual(after);
  });

  it("rolls back files and links at every failpoint", async () => {
    const s = setup({ dynamic: true });
    const before = snapshot(s.ns);
    for (let n = 1; n <= s.steps; n++) {
      const r = await apply(s, [], { XENCFG_FAILPOINT: String(n) });
      expect(r.code, `failpoint ${n}`).toBe(1);
      expect(r.err).toContain(`step ${n} (`);
      expect(r.err).toContain("the host is back as it was");
      expect(snapshot(s.ns), `failpoint ${n}`).toEqual(before);
    }
  });

  it("xencfg rollback undoes a run that crashed in the middle of each step", async () => {
    const s = setup({ dynamic: true });
    const before = snapshot(s.ns);
    // The last step (bring eth1 up) already holds, so it never acts and cannot crash half-way.
    for (let n = 1; n < s.steps; n++) {
      const r = await apply(s, [], { XENCFG_FAILPOINT: `${n}:crash` });
      expect(r.code).toBe(1);
      const { io } = captureIo(s.root);
      expect(await run(["rollback", "--root", s.root], io)).toBe(0);
      expect(snapshot(s.ns), `crash at ${n}`).toEqual(before);
    }
  });

  it("refuses a stale plan and leaves the links alone", async () => {
    const s = setup();
    writeFileSync(join(s.root, "etc/xen/xend-config.sxp"), "(network-script network-route)\n");
    const before = snapshot(s.ns);
    const r = await apply(s);
    expect(r.code).toBe(1);
    expect(r.err).toContain("stale");
    expect(snapshot(s.ns)).toEqual(before);
  });

  it("refuses to enslave a NIC that is already in another bridge, and undoes what it did", async () => {
    const s = setup();
    ip("-n", s.ns, "link", "add", "name", "br9", "type", "bridge");
    ip("-n", s.ns, "link", "set", "dev", s.nic, "master", "br9");
    const before = snapshot(s.ns);
    const r = await apply(s);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`${s.nic} is already enslaved to br9`);
    expect(snapshot(s.ns)).toEqual(before);
  });

  it("a step that ip refuses (xenbr1 is there but is not a bridge) is reported and everything undone", async () => {
    const s = setup({ dynamic: true });
    ip("-n", s.ns, "link", "add", "xenbr1", "type", "veth", "peer", "name", "xenbr1p");
    const before = snapshot(s.ns);
    const r = await apply(s);
    expect(r.code).toBe(1);
    expect(r.err).toContain("xenbr1 exists and is not a bridge");
    expect(r.err).toContain("the host is back as it was");
    expect(snapshot(s.ns)).toEqual(before);
    expect(readFileSync(join(s.root, "etc/xen/xend-config.sxp"), "utf8")).toBe(XEND);
  });

  it("--probe rolls back at once when the address stops answering, and keeps the change when it answers", async () => {
    const bad = setup();
    const before = snapshot(bad.ns);
    const r = await apply(bad, ["--probe", "10.77.250.9"]);
    expect(r.code).toBe(1);
    expect(r.err).toContain("probe failed");
    expect(snapshot(bad.ns)).toEqual(before);

    const good = setup();
    const ok = await apply(good, ["--probe", good.gateway]);
    expect(ok.err).toBe("");
    expect(ok.code).toBe(0);
    expect(ok.out).toContain("answered");
    expect(linkOf(good.ns, good.nic)!.master).toBe("xenbr1");
  });
});

// Kept apart: these wait for real timers.
describe.skipIf(!NETNS_SUPPORT.ok)(`apply --confirm with a live bridge (${NETNS_SUPPORT.reason})`, () => {
  it("rolls back by itself when no confirmation comes in time; the timer runs in its own session", async () => {
    const s = setup({ dynamic: true });
    const before = snapshot(s.ns);
    const r = await apply(s, ["--confirm", "1"]);
    expect(r.code).toBe(0);
    const pid = Number(/timer pid (\d+)/.exec(r.out)![1]);
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    expect(Number(stat[3])).toBe(pid); // session id: a session leader of its own, no terminal to lose
    expect(linkOf(s.ns, s.nic)!.master).toBe("xenbr1");
    await waitFor(() => journalStatus(s.root) === "rolled-back" && !existsSync(join(s.root, "var/lib/xencfg/lock")), 8000);
    expect(journalStatus(s.root)).toBe("rolled-back");
    expect(snapshot(s.ns)).toEqual(before);
    expect(readFileSync(join(s.root, "etc/xen/xend-config.sxp"), "utf8")).toBe(XEND);
  });

  it("rolls back at once when the apply process dies in the middle of moving the addresses", async () => {
    const s = setup({ dynamic: true });
    const before = snapshot(s.ns);
    const r = spawnSync(process.execPath, [resolve(__dirname, "../../bin/xencfg.js"), "apply", s.planPath, "--root", s.root, "--netns", s.ns, "--yes", "--confirm", "600"], {
      encoding: "utf8",
      env: { ...process.env, XENCFG_FAILPOINT: "5:crash" }, // step 5: move the addresses and routes
    });
    expect(r.status).toBe(1);
    expect(linkOf(s.ns, "xenbr1")).toBeDefined();
    await waitFor(() => journalStatus(s.root) === "rolled-back" && !existsSync(join(s.root, "var/lib/xencfg/lock")), 8000);
    expect(snapshot(s.ns)).toEqual(before);
  });

  it("keeps the change when xencfg confirm comes in time", async () => {
    const s = setup();
    const r = await apply(s, ["--confirm", "2"]);
    expect(r.code).toBe(0);
    const { io, cap } = captureIo(s.root);
    expect(await run(["confirm", "--root", s.root], io)).toBe(0);
    expect(cap.out).toContain("Confirmed run");
    await new Promise((res) => setTimeout(res, 2600));
    expect(linkOf(s.ns, s.nic)!.master).toBe("xenbr1");
  });
});

function journalStatus(root: string): string | undefined {
  const runs = join(root, "var/lib/xencfg/runs");
  const [last] = readdirSync(runs).sort().reverse();
  return last ? JSON.parse(readFileSync(join(runs, last, "journal.json"), "utf8")).status : undefined;
}

async function waitFor(cond: () => boolean, ms: number): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (cond()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
}

