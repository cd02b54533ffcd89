import { appendFileSync, cpSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { ROOT } from "../core/corpus-files.js";
import { runCli } from "./run-cli.js";

// Runs between reading the host and writing it, to play the admin who edits a guest meanwhile.
let afterRead: (() => void) | undefined;

vi.mock("../../src/host/read-host.js", async (importOriginal) => {
  const mod = await importOriginal<typeof import("../../src/host/read-host.js")>();
  return {
    ...mod,
    readHosts: async (...args: Parameters<typeof mod.readHosts>) => {
      const read = await mod.readHosts(...args);
      afterRead?.();
      return read;
    },
  };
});

describe("xencfg fix --assign-macs --write", () => {
  it("does not overwrite a guest file that changed after it was read, and writes the others", async () => {
    const dir = mkdtempSync(join(tmpdir(), "xencfg-fix-stale-"));
    cpSync(join(ROOT, "test/fixtures/fix-assign-macs/host-collision/host"), dir, { recursive: true });
    afterRead = () => appendFileSync(join(dir, "web.cfg"), "vcpus = 2\n");
    const r = await runCli(["fix", "--assign-macs", "--write", "."], { cwd: dir });
    afterRead = undefined;
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/cannot write web\.cfg: it changed since it was read; run xencfg fix again/);
    expect(readFileSync(join(dir, "web.cfg"), "utf8")).toMatch(/vif = \[ 'bridge=xenbr0', '' \]   # front, back\nvcpus = 2\n$/);
    expect(readFileSync(join(dir, "auto/app.cfg"), "latin1")).toMatch(/bridge=xenbr0,script=vif-bridge,mac=00:16:3e:[0-9a-f:]{8}/);
  });
});
