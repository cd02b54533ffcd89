import { mkdirSync, mkdtempSync, realpathSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { resolveInRoot } from "../../src/host/resolve-in-root.js";

function root(): string {
  const r = realpathSync(mkdtempSync(join(tmpdir(), "xencfg-inroot-")));
  mkdirSync(join(r, "etc/xen/auto"), { recursive: true });
  writeFileSync(join(r, "etc/xen/db.cfg"), "name = 'db'\n");
  return r;
}

describe("resolveInRoot", () => {
  it("takes an absolute link target from the root, as the host itself would", () => {
    const r = root();
    symlinkSync("/etc/xen/db.cfg", join(r, "etc/xen/auto/db.cfg"));
    expect(resolveInRoot(r, join(r, "etc/xen/auto/db.cfg"))).toBe(join(r, "etc/xen/db.cfg"));
  });

  it("follows relative links and linked folders, and '..' stops at the root", () => {
    const r = root();
    symlinkSync("../db.cfg", join(r, "etc/xen/auto/rel.cfg"));
    symlinkSync("/etc/xen", join(r, "xen"));
    symlinkSync("../../../../../etc/xen/db.cfg", join(r, "etc/xen/auto/up.cfg"));
    expect(resolveInRoot(r, join(r, "etc/xen/auto/rel.cfg"))).toBe(join(r, "etc/xen/db.cfg"));
    expect(resolveInRoot(r, join(r, "xen/auto/rel.cfg"))).toBe(join(r, "etc/xen/db.cfg"));
    expect(resolveInRoot(r, join(r, "etc/xen/auto/up.cfg"))).toBe(join(r, "etc/xen/db.cfg"));
  });

  it("resolves a missing file as far as it exists, and stops a link loop with ELOOP", () => {
    const r = root();
    symlinkSync("/etc/xen/nowhere.cfg", join(r, "etc/xen/auto/gone.cfg"));
    expect(resolveInRoot(r, join(r, "etc/xen/auto/gone.cfg"))).toBe(join(r, "etc/xen/nowhere.cfg"));
    symlinkSync("/loop-b", join(r, "loop-a"));
    symlinkSync("/loop-a", join(r, "loop-b"));
    expect(() => resolveInRoot(r, join(r, "loop-a"))).toThrow(expect.objectContaining({ code: "ELOOP" }));
  });

  it("refuses a path that is not under the root", () => {
    const r = root();
    expect(() => resolveInRoot(join(r, "etc"), join(r, "other"))).toThrow(RangeError);
  });
});
