import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "./run-cli.js";

// A copy of a host's /etc/xen (a repository, a mounted image) with xendomains' usual absolute link.
function copyOfHost(): string {
  const root = mkdtempSync(join(tmpdir(), "xencfg-lint-root-"));
  const xen = join(root, "etc/xen");
  mkdirSync(join(xen, "auto"), { recursive: true });
  writeFileSync(join(xen, "xend-config.sxp"), "(network-script 'network-bridge bridge=xenbr0 netdev=eth0')\n(vif-script vif-bridge)\n");
  // A name no real host has, so the link cannot happen to resolve on the machine running the test.
  writeFileSync(join(xen, "xencfg-test-db1.cfg"), "name = 'db1'\nvif = [ 'mac=00:16:3e:00:00:01, bridge=xenbr0' ]\n");
  symlinkSync("/etc/xen/xencfg-test-db1.cfg", join(xen, "auto/xencfg-test-db1.cfg"));
  return root;
}

describe("xencfg lint --root", () => {
  it("without it, an absolute auto/ link of a copy is a dangling link, and the message says what to do", async () => {
    const root = copyOfHost();
    const r = await runCli(["lint", "etc/xen"], { cwd: root });
    expect(r.code).toBe(2);
    expect(r.stdout).toContain("cannot read: it is a link to /etc/xen/xencfg-test-db1.cfg, which does not exist; in a copy of a host's /etc/xen, pass --root");
  });

  it("with it, the link resolves inside the copy: the guest is read once and nothing is wrong", async () => {
    const root = copyOfHost();
    const r = await runCli(["lint", "--root", ".", "--verbose", "etc/xen"], { cwd: root });
    expect(r.stdout).toBe("no problems in 2 files checked\n");
    expect(r.stderr).toContain("skipped etc/xen/auto/xencfg-test-db1.cfg: same file as one already read (symlink)");
    expect(r.code).toBe(0);
  });

  it("must be an existing folder, and does not go with --fix", async () => {
    const root = copyOfHost();
    expect(await runCli(["lint", "--root", "nope", "etc/xen"], { cwd: root })).toMatchObject({ code: 2, stderr: "xencfg: --root nope: no such folder\n" });
    const fix = await runCli(["lint", "--fix", "--root", ".", "etc/xen"], { cwd: root });
    expect(fix.code).toBe(2);
    expect(fix.stderr).toMatch(/--fix cannot be combined with --root/);
  });
});
