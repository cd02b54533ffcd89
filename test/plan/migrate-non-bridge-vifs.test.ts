import { afterEach, describe, expect, it } from "vitest";
import { runCli } from "../cli/run-cli.js";
import { makeRoot, removeRoot } from "../apply/plan-helpers.js";

// vif-route and vif-nat route an interface through dom0 and never read bridge=; a site's own vif script is
// not vif-bridge either. bridge= on such an interface does nothing, so migrate must not pin, warn about or
// move it: only interfaces whose effective script (their own script=, else xend's vif-script) is vif-bridge.

const roots: string[] = [];
afterEach(() => {
  for (const r of roots.splice(0)) removeRoot(r);
});

const XEND = "(network-script 'network-bridge bridge=xenbr0 netdev=eth0')\n(vif-script vif-bridge)\n";
const APP = "name='app'\nvif = [ 'mac=00:16:3e:0a:00:04, bridge=xenbr0', 'mac=00:16:3e:0a:00:05,script=vif-route,ip=10.0.0.5' ]\n";

interface PlanJson {
  files: { path: string; newContent: string }[];
  steps: { description: string }[];
  warnings: string[];
}

async function migrate(files: Record<string, string>, ...args: string[]) {
  const root = makeRoot({ "etc/xen/scripts/network-bridge": "#!/bin/sh\n", ...files });
  roots.push(root);
  return runCli(["migrate", "--root", root, "--xen", "3.0", "--bridge", "xenbr1=eth1", "--json", ...args]);
}

async function plan(files: Record<string, string>, ...args: string[]): Promise<PlanJson> {
  const m = await migrate(files, ...args);
  expect(m.stderr).toBe("");
  expect(m.code).toBe(0);
  return JSON.parse(m.stdout) as PlanJson;
}

const guestFile = (p: PlanJson, path: string) => p.files.find((f) => f.path === path)?.newContent;

describe("migrate: interfaces whose hotplug script is not vif-bridge", () => {
  it("neither warns about nor pins a vif with its own script=vif-route", async () => {
    const host = { "etc/xen/xend-config.sxp": XEND, "etc/xen/app.cfg": APP };
    expect((await plan(host)).warnings).toEqual([]);
    const pinned = await plan(host, "--pin-default");
    expect(pinned.warnings).toEqual([]);
    expect(guestFile(pinned, "/etc/xen/app.cfg")).toBeUndefined();
  });

  it("with a --move of the other vif, edits only that one", async () => {
    const p = await plan({ "etc/xen/xend-config.sxp": XEND, "etc/xen/app.cfg": APP }, "--move", "app.0=xenbr1", "--pin-default");
    expect(guestFile(p, "/etc/xen/app.cfg")).toBe(APP.replace("bridge=xenbr0", "bridge=xenbr1"));
    expect(p.steps.map((s) => s.description)).toContain("set bridge= in /etc/xen/app.cfg (guest app: vif 0 -> xenbr1)");
  });

  it("leaves alone vifs that route by xend's vif-script, and pins those whose own script= is vif-bridge", async () => {
    const xend = "(network-script 'network-bridge bridge=xenbr0 netdev=eth0')\n(vif-script vif-nat)\n";
    const guest = "name = 'g'\nvif = [ 'mac=00:16:3e:0a:00:06', 'mac=00:16:3e:0a:00:07, script=vif-bridge' ]\n";
    const host = { "etc/xen/xend-config.sxp": xend, "etc/xen/g.cfg": guest };
    const warned = await plan(host);
    expect(warned.warnings).toHaveLength(1);
    expect(warned.warnings[0]).toMatch(/^\/etc\/xen\/g\.cfg: vif 1 of guest g has no bridge=/);
    const pinned = await plan(host, "--pin-default");
    expect(guestFile(pinned, "/etc/xen/g.cfg")).toBe("name = 'g'\nvif = [ 'mac=00:16:3e:0a:00:06', 'mac=00:16:3e:0a:00:07, script=vif-bridge, bridge=xenbr0' ]\n");
  });

  it("leaves alone a vif whose script is the site's own (a path or a bare name)", async () => {
    const guest = "name = 'c'\nvif = [ 'mac=00:16:3e:0a:00:08, script=/usr/local/sbin/vif-custom', 'mac=00:16:3e:0a:00:09, script=vif-mine' ]\n";
    const p = await plan({ "etc/xen/xend-config.sxp": XEND, "etc/xen/c.cfg": guest }, "--pin-default");
    expect(p.warnings).toEqual([]);
    expect(guestFile(p, "/etc/xen/c.cfg")).toBeUndefined();
  });

  it("a whole-guest --move moves only its vif-bridge interfaces, and a glob skips guests that have none", async () => {
    const host = { "etc/xen/xend-config.sxp": XEND, "etc/xen/app.cfg": APP, "etc/xen/ar.cfg": "name = 'ar'\nvif = [ 'script=vif-nat' ]\n" };
    for (const move of ["app=xenbr1", "a*=xenbr1"]) {
      const p = await plan(host, "--move", move);
      expect(guestFile(p, "/etc/xen/app.cfg"), move).toBe(APP.replace("bridge=xenbr0", "bridge=xenbr1"));
      expect(guestFile(p, "/etc/xen/ar.cfg"), move).toBeUndefined();
    }
  });

  it("refuses a --move of a routed interface, and of a guest with no bridged interface", async () => {
    const host = { "etc/xen/xend-config.sxp": XEND, "etc/xen/app.cfg": APP, "etc/xen/r.cfg": "name = 'r'\nvif = [ 'script=vif-route' ]\n" };
    const one = await migrate(host, "--move", "app.1=xenbr1");
    expect(one.code).toBe(1);
    expect(one.stdout).toBe("");
    expect(one.stderr).toContain("--move app.1=xenbr1: vif 1 of guest app runs vif-route (its script=), which routes the interface through dom0 and never reads bridge=; migrate moves only interfaces that run vif-bridge");
    const whole = await migrate(host, "--move", "r=xenbr1");
    expect(whole.code).toBe(1);
    expect(whole.stderr).toContain("--move r=xenbr1: guest r has no interface that runs vif-bridge (vif 0: vif-route); only vif-bridge puts an interface on the bridge its bridge= names");
  });

  it("leaves alone an interface a driver domain serves (backend=), as lint does", async () => {
    const DRV = "name = 'drv'\nvif = [ 'mac=00:16:3e:0a:00:07', 'mac=00:16:3e:0a:00:08,backend=netdom,bridge=br-drv' ]\n";
    const host = { "etc/xen/xend-config.sxp": XEND, "etc/xen/drv.cfg": DRV };
    // Neither warned about nor pinned: only vif 0, on dom0's default bridge, is.
    const pinned = await plan(host, "--pin-default");
    expect(guestFile(pinned, "/etc/xen/drv.cfg")).toBe(DRV.replace("'mac=00:16:3e:0a:00:07'", "'mac=00:16:3e:0a:00:07,bridge=xenbr0'"));
    const refused = await migrate(host, "--move", "drv.1=xenbr1");
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(
      "--move drv.1=xenbr1: vif 1 of guest drv is served by driver domain netdom (its backend=), whose bridge= names a bridge in that domain, not one of the bridges migrate builds in dom0; migrate moves only interfaces that run vif-bridge in dom0",
    );
    // dom0 named as the backend is dom0.
    const dom0 = await plan({ ...host, "etc/xen/drv.cfg": DRV.replace("backend=netdom", "backend=0") }, "--move", "drv.1=xenbr1");
    expect(guestFile(dom0, "/etc/xen/drv.cfg")).toContain("backend=0,bridge=xenbr1");
  });
});
