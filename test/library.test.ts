import { describe, expect, it } from "vitest";
import { join } from "node:path";
import { ROOT } from "./core/corpus-files.js";

// The documented library entry is the built dist/index.js; this test imports it as a user would.
describe("library entry dist/index.js", () => {
  it("parses, edits, reads a host and lints it through the public surface", async () => {
    const lib = await import(join(ROOT, "dist", "index.js"));
    const guest = lib.parseDomainConfig("name = 'a'\nvif = [ 'bridge=xenbr0' ]\n", { file: "a.cfg" });
    expect(guest.setVifKey(0, "mac", "00:16:3e:00:00:01").toString()).toBe("name = 'a'\nvif = [ 'bridge=xenbr0, mac=00:16:3e:00:00:01' ]\n");
    const read = await lib.readHosts(["samples/single-nic/etc/xen"], { cwd: ROOT });
    const result = lib.lintHosts(read, { rules: lib.allRules });
    expect(result.findings.filter((f: { severity: string }) => f.severity === "error")).toEqual([]);
    expect(result.fileCount).toBeGreaterThanOrEqual(4);
    const bad = lib.lintHosts(await lib.readHosts(["samples/broken/unquoted-vif.cfg"], { cwd: ROOT }), { rules: lib.allRules });
    expect(bad.findings.map((f: { rule: string; line: number; column: number }) => [f.rule, f.line, f.column])).toContainEqual(["syntax", 4, 8]);
    expect(lib.stableMac("web", 0)).toMatch(/^00:16:3e:[0-7][0-9a-f]:[0-9a-f]{2}:[0-9a-f]{2}$/);
  });

  it("exports every function docs/generators.md lists under Library", async () => {
    const lib = await import(join(ROOT, "dist", "index.js"));
    const documented = [
      "generateMac", "stableMac", "MacAllocator", "nextFreeMac", "markGuestMacs", "assignMacs", "parseMac", "parseGuestDevice",
      "generateNetworkWrapper", "parseBridgePairs", "validateInterfaceName", "validateScriptPath", "shellQuote",
      "networkScriptDirective", "writeFileAtomic",
    ];
    expect(documented.filter((name) => typeof lib[name] !== "function")).toEqual([]);
    expect(lib.parseGuestDevice("web.1")).toMatchObject({ ok: true });
    expect(lib.validateScriptPath("relative/path")).toMatchObject({ ok: false });
    expect(lib.nextFreeMac(lib.macPool(false), "00:16:3e:07:62:f8", (mac: string) => mac === "00:16:3e:07:62:f8")).toBe("00:16:3e:07:62:f9");
  });
});
