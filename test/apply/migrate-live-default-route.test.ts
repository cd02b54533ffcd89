import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { run } from "../../src/cli/main.js";
import { deleteAllNetns, makeHost, NETNS_SUPPORT } from "./netns-helpers.js";
import { captureIo } from "./plan-helpers.js";

const FIXTURE = resolve(__dirname, "../fixtures/migrate/move-one-vif/root");
const roots: string[] = [];
afterEach(() => {
  deleteAllNetns();
  for (const r of roots.splice(0)) rmSync(r, { recursive: true, force: true });
});

async function migrateLive(ns: string) {
  const root = mkdtempSync(join(tmpdir(), "xcfg-live-dr-"));
  roots.push(root);
  cpSync(FIXTURE, root, { recursive: true, verbatimSymlinks: true });
  const { io, cap } = captureIo(root);
  const code = await run(["migrate", "--root", root, "--bridge", "xenbr0=eth0", "--bridge", "xenbr1=eth1", "--live", "--netns", ns, "--json"], io);
  return { code, ...cap, plan: code === 0 ? (JSON.parse(cap.out) as { warnings: string[]; steps: { description: string }[] }) : undefined };
}

describe.skipIf(!NETNS_SUPPORT.ok)(`migrate --live and the default route (${NETNS_SUPPORT.reason})`, () => {
  it("says that the new bridge takes the NIC carrying the default route", async () => {
    const h = makeHost({ subnet: 62 });
    const m = await migrateLive(h.ns);
    expect(m.code).toBe(0);
    expect(m.plan!.steps.map((s) => s.description)).toContain("move the addresses and routes of eth1 to xenbr1");
    const said = m.plan!.warnings.filter((w) => w.includes("default route"));
    expect(said).toHaveLength(1);
    expect(said[0]).toContain("eth1");
    expect(said[0]).toContain("10.77.62.1");
    expect(said[0]).toContain("--confirm");
  });

  it("says nothing of the kind for a NIC without one", async () => {
    const h = makeHost({ subnet: 63, withAddress: false });
    const m = await migrateLive(h.ns);
    expect(m.code).toBe(0);
    expect(m.plan!.warnings.filter((w) => w.includes("default route"))).toEqual([]);
  });
});
