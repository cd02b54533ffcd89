import { mkdirSync, symlinkSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { runCli } from "../cli/run-cli.js";
import { makeRoot, removeRoot } from "../apply/plan-helpers.js";
import { globRegExp } from "../../src/plan/migrate.js";

const roots: string[] = [];
afterEach(() => {
  for (const r of roots.splice(0)) removeRoot(r);
});

function host(files: Record<string, string>): string {
  const root = makeRoot(files);
  roots.push(root);
  return root;
}

const XEND = "(network-script 'network-bridge netdev=eth0 bridge=xenbr0')\n";

const DB = "name = 'db'\nvif = [ 'bridge=xenbr0', 'bridge=xenbr0' ]\n";

/**
 * A host whose guest db is the file `dbAt` under the root, reached through etc/xen/auto/db.cfg -> `link`,
 * and migrate moving its second vif to a new xenbr1; `output` are the arguments that say where the plan goes.
 */
async function migrateLinkedGuest(dbAt: string, link: string, output: (root: string) => string[]) {
  const root = host({ "etc/xen/xend-config.sxp": XEND, "etc/xen/scripts/network-bridge": "#!/bin/sh\n", [dbAt]: DB });
  mkdirSync(join(root, "etc/xen/auto"));
  symlinkSync(link, join(root, "etc/xen/auto/db.cfg"));
  return runCli(["migrate", "--root", root, "--bridge", "xenbr1=eth1", "--move", "db.1=xenbr1", ...output(root)]);
}

/** The plan edits db once, at /etc/xen/db.cfg, beside the wrapper and the directive. */
function expectDbMovedAtItsFile(stdout: string): void {
  const plan = JSON.parse(stdout) as { files: { path: string; newContent: string }[] };
  expect(plan.files.map((f) => f.path)).toEqual(["/etc/xen/scripts/network-wrapper", "/etc/xen/xend-config.sxp", "/etc/xen/db.cfg"]);
  expect(plan.files[2]!.newContent).toBe("name = 'db'\nvif = [ 'bridge=xenbr0', 'bridge=xenbr1' ]\n");
}

describe("migrate: files the applier could not write", () => {
  it("refuses a guest whose auto/ link leads out of /etc/xen instead of planning a file apply rejects", async () => {
    const m = await migrateLinkedGuest("srv/xen/db.cfg", "../../../srv/xen/db.cfg", (root) => ["-o", join(root, "plan.json")]);
    expect(m.code).toBe(1);
    expect(m.stderr).toContain("/srv/xen/db.cfg");
    expect(m.stderr).toContain("outside /etc/xen");
    expect(m.stdout).toBe("");
  });

  it("still plans a guest whose auto/ link leads to a file in /etc/xen, once, at that file", async () => {
    const m = await migrateLinkedGuest("etc/xen/db.cfg", "../db.cfg", () => ["--json"]);
    expect(m.code).toBe(0);
    expectDbMovedAtItsFile(m.stdout);
  });
});

describe("migrate --root: links resolve inside the root", () => {
  it("reads an absolute auto/ link (-> /etc/xen/db.cfg) as the copy's own file, not this machine's", async () => {
    // xendomains' links are absolute. In a copy or mounted image of a host they must lead to the image's
    // /etc/xen: followed by this machine's rules they read (or miss) this machine's files.
    const m = await migrateLinkedGuest("etc/xen/db.cfg", "/etc/xen/db.cfg", () => ["--json"]);
    expect(m.stderr).toBe("");
    expect(m.code).toBe(0);
    expectDbMovedAtItsFile(m.stdout);
  });
});

describe("migrate: arguments of the old network-script", () => {
  const guest = "name = 'web'\nvif = [ 'bridge=xenbr0' ]\n";
  async function planFor(directive: string) {
    const root = host({ "etc/xen/xend-config.sxp": `${directive}\n`, "etc/xen/scripts/network-bridge": "#!/bin/sh\n", "etc/xen/web.cfg": guest });
    const m = await runCli(["migrate", "--root", root, "--bridge", "xenbr1=eth1", "--json"]);
    expect(m.stderr).toBe("");
    expect(m.code).toBe(0);
    return JSON.parse(m.stdout) as { files: { path: string; newContent: string }[]; warnings: string[] };
  }

  it("says that antispoof=yes is dropped with the old directive", async () => {
    const plan = await planFor(`(network-script "network-bridge netdev=eth0 bridge=xenbr0 antispoof=yes")`);
    expect(plan.files.find((f) => f.path === "/etc/xen/xend-config.sxp")!.newContent).toBe("(network-script network-wrapper)\n");
    expect(plan.warnings).toHaveLength(1);
    expect(plan.warnings[0]).toContain("antispoof=yes");
    expect(plan.warnings[0]).toContain("/etc/xen/xend-config.sxp");
  });

  it("has nothing to say when the old directive passed only what the wrapper carries over", async () => {
    const plan = await planFor(`(network-script 'network-bridge netdev=eth0 bridge=xenbr0 vifnum=0 antispoof=no')`);
    expect(plan.warnings).toEqual([]);
  });
});

describe("--move globs read as fnmatch reads them", () => {
  it.each([
    ["db[!]]*", "dbx", true],
    ["db[!]]*", "db]", false],
    ["[]a]b", "]b", true],
    ["[]a]b", "ab", true],
    ["[^x]", "^", true],
    ["[^x]", "y", false],
    ["[!x]", "y", true],
    ["a[b", "a[b", true],
    ["[a-c]", "b", true],
  ])("%s against %s: %s", (glob, name, expected) => {
    expect(globRegExp(glob).test(name)).toBe(expected);
  });

  it("moves the guest a ']' class names", async () => {
    const root = host({
      "etc/xen/xend-config.sxp": XEND,
      "etc/xen/dbx.cfg": "name = 'dbx'\nvif = [ 'bridge=xenbr0', 'bridge=xenbr0' ]\n",
      "etc/xen/dbr.cfg": "name = 'db]'\nvif = [ 'bridge=xenbr0', 'bridge=xenbr0' ]\n",
    });
    const m = await runCli(["migrate", "--root", root, "--bridge", "xenbr1=eth1", "--move", "db[!]]*.1=xenbr1", "--json"]);
    expect(m.stderr).toBe("");
    const plan = JSON.parse(m.stdout) as { files: { path: string }[] };
    expect(plan.files.map((f) => f.path)).toEqual(["/etc/xen/scripts/network-wrapper", "/etc/xen/xend-config.sxp", "/etc/xen/dbx.cfg"]);
  });
});
