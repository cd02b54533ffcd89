import { execFileSync, spawnSync } from "node:child_process";
import { chmodSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseBridgePairs, type BridgePair } from "../../src/script/bridge-pair.js";
import { validateInterfaceName } from "../../src/script/interface-name.js";
import { generateNetworkWrapper, type NetworkWrapperDescription, type WrapperForm } from "../../src/script/network-wrapper.js";
import { networkScriptDirective } from "../../src/script/xend-directive.js";
import { expectGolden } from "../golden-file.js";

const FIXTURES = new URL("../fixtures/wrapper/", import.meta.url);

function pairs(args: string[]): BridgePair[] {
  const r = parseBridgePairs(args);
  if (!r.ok) throw new Error(r.message);
  return r.pairs;
}

function describeCase(name: string): NetworkWrapperDescription {
  const d = JSON.parse(readFileSync(new URL(`${name}/description.json`, FIXTURES), "utf8")) as {
    form: WrapperForm;
    bridges: string[];
    scriptsDir: string;
    wrapperPath: string;
  };
  return { form: d.form, pairs: pairs(d.bridges), scriptsDir: d.scriptsDir, wrapperPath: d.wrapperPath };
}

/** sh -n and shellcheck -s sh on a script; returns their combined findings ("" when clean). */
export function checkScript(text: string): string {
  const dir = mkdtempSync(join(tmpdir(), "xencfg-wrapper-"));
  const file = join(dir, "network-wrapper");
  writeFileSync(file, text);
  const syntax = spawnSync("sh", ["-n", file], { encoding: "utf8" });
  const lint = spawnSync("shellcheck", ["-s", "sh", file], { encoding: "utf8" });
  if (lint.error) throw lint.error;
  return [syntax.status === 0 ? "" : `sh -n: ${syntax.stderr}`, lint.status === 0 ? "" : `shellcheck: ${lint.stdout}${lint.stderr}`].join("");
}

describe("generateNetworkWrapper golden files", () => {
  const cases = readdirSync(FIXTURES).sort();
  it("has cases", () => expect(cases.length).toBeGreaterThanOrEqual(4));

  it.each(cases)("%s", async (name) => {
    const text = generateNetworkWrapper(describeCase(name));
    await expectGolden(text, fileURLToPath(new URL(`${name}/output.sh`, FIXTURES)));
    expect(checkScript(text)).toBe("");
  });
});

describe("generateNetworkWrapper", () => {
  const base: NetworkWrapperDescription = {
    form: "network-bridge",
    pairs: pairs(["xenbr0=eth0", "xenbr1=eth1", "xenbr2=eth2"]),
    scriptsDir: "/etc/xen/scripts",
    wrapperPath: "/etc/xen/scripts/network-wrapper",
  };

  it("is pure: the same description gives the same bytes", () => {
    expect(generateNetworkWrapper(base)).toBe(generateNetworkWrapper({ ...base, pairs: [...base.pairs] }));
  });

  it("refuses an empty bridge list", () => {
    expect(() => generateNetworkWrapper({ ...base, pairs: [] })).toThrow(/at least one bridge/);
  });

  it("quotes names even if a caller skipped validation", () => {
    const hostile = [{ bridge: "x'; reboot; '", netdev: "$(id)" }] as unknown as BridgePair[];
    for (const form of ["network-bridge", "iproute2"] as const) {
      const text = generateNetworkWrapper({ ...base, form, pairs: hostile });
      expect(text).toContain(`'x'\\''; reboot; '\\'''`);
      expect(text).toContain(`'$(id)'`);
    }
  });

  it("network-bridge form: start and status in order, stop in reverse, explicit vifnum/netdev/bridge", () => {
    const dir = mkdtempSync(join(tmpdir(), "xencfg-nb-"));
    const log = join(dir, "calls");
    // A stand-in for Xen's network-bridge that records its arguments.
    writeFileSync(join(dir, "network-bridge"), `#!/bin/sh\nprintf '%s\\n' "$*" >>'${log}'\n`);
    chmodSync(join(dir, "network-bridge"), 0o755);
    const wrapper = join(dir, "network-wrapper");
    writeFileSync(wrapper, generateNetworkWrapper({ ...base, scriptsDir: dir, wrapperPath: wrapper }));
    for (const action of ["start", "status", "stop"]) execFileSync("sh", [wrapper, action]);
    expect(readFileSync(log, "utf8").trim().split("\n")).toEqual([
      "start vifnum=0 netdev=eth0 bridge=xenbr0",
      "start vifnum=1 netdev=eth1 bridge=xenbr1",
      "start vifnum=2 netdev=eth2 bridge=xenbr2",
      "status vifnum=0 netdev=eth0 bridge=xenbr0",
      "status vifnum=1 netdev=eth1 bridge=xenbr1",
      "status vifnum=2 netdev=eth2 bridge=xenbr2",
      "stop vifnum=2 netdev=eth2 bridge=xenbr2",
      "stop vifnum=1 netdev=eth1 bridge=xenbr1",
      "stop vifnum=0 netdev=eth0 bridge=xenbr0",
    ]);
    const bad = spawnSync("sh", [wrapper, "restart"], { encoding: "utf8" });
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/usage: .* start\|stop\|status/);
  });

  it("network-bridge form: a failing call does not stop the others, and the wrapper fails", () => {
    const dir = mkdtempSync(join(tmpdir(), "xencfg-nb-"));
    const log = join(dir, "calls");
    writeFileSync(join(dir, "network-bridge"), `#!/bin/sh\nprintf '%s\\n' "$3" >>'${log}'\n[ "$3" != netdev=eth1 ]\n`);
    chmodSync(join(dir, "network-bridge"), 0o755);
    const wrapper = join(dir, "w");
    writeFileSync(wrapper, generateNetworkWrapper({ ...base, scriptsDir: dir, wrapperPath: wrapper }));
    expect(spawnSync("sh", [wrapper, "start"]).status).toBe(1);
    expect(readFileSync(log, "utf8").trim().split("\n")).toEqual(["netdev=eth0", "netdev=eth1", "netdev=eth2"]);
  });
});

describe("generateNetworkWrapper with any valid names (property)", () => {
  const name = fc
    .string({ unit: fc.constantFrom(..."abcXYZ019_-.+@"), minLength: 1, maxLength: 15 })
    .filter((n) => validateInterfaceName(n).ok);

  it("passes names to network-bridge unchanged, in order, and the script stays clean for sh -n", () => {
    const dir = mkdtempSync(join(tmpdir(), "xencfg-nb-prop-"));
    writeFileSync(join(dir, "network-bridge"), `#!/bin/sh\nprintf '%s\\n' "$@"\n`);
    chmodSync(join(dir, "network-bridge"), 0o755);
    fc.assert(
      fc.property(fc.uniqueArray(name, { minLength: 2, maxLength: 6 }), (names) => {
        const args: string[] = [];
        for (let i = 0; i + 1 < names.length; i += 2) args.push(`${names[i]}=${names[i + 1]}`);
        const parsed = parseBridgePairs(args);
        // Distinct valid names always make valid pairs; returning early here would skip every check below.
        if (!parsed.ok) throw new Error(parsed.message);
        const wrapper = join(dir, "w");
        writeFileSync(wrapper, generateNetworkWrapper({ form: "network-bridge", pairs: parsed.pairs, scriptsDir: dir, wrapperPath: wrapper }));
        expect(spawnSync("sh", ["-n", wrapper]).status).toBe(0);
        const out = execFileSync("sh", [wrapper, "start"], { encoding: "utf8" });
        expect(out).toBe(parsed.pairs.map((p, i) => `start\nvifnum=${i}\nnetdev=${p.netdev}\nbridge=${p.bridge}\n`).join(""));
      }),
      { numRuns: 60 },
    );
  });
});

describe("networkScriptDirective", () => {
  it("names a wrapper in the scripts directory bare, one elsewhere by absolute path", () => {
    expect(networkScriptDirective("/etc/xen/scripts/network-wrapper")).toBe("(network-script network-wrapper)");
    expect(networkScriptDirective("/etc/xen/scripts/network-wrapper", "/etc/xen/scripts/")).toBe("(network-script network-wrapper)");
    expect(networkScriptDirective("/usr/local/sbin/xen-bridges")).toBe("(network-script /usr/local/sbin/xen-bridges)");
  });
});

describe("network-bridge form: vifnum per call", () => {
  const pair = (bridge: string, netdev: string, vifnum?: number): BridgePair =>
    ({ bridge, netdev, ...(vifnum === undefined ? {} : { vifnum }) }) as BridgePair;
  const vifnums = (pairs: BridgePair[]) =>
    generateNetworkWrapper({ form: "network-bridge", pairs, scriptsDir: "/etc/xen/scripts", wrapperPath: "/etc/xen/scripts/network-wrapper" })
      .split("\n")
      .filter((l) => l.includes('network-bridge" "$1"'))
      .map((l) => /vifnum=(\d+) netdev='(\w+)'/.exec(l)!.slice(1).join("@"));

  it("keeps the numbers pairs bring, and gives the others the lowest free ones, in order", () => {
    expect(vifnums([pair("xenbr2", "eth2", 2), pair("xenbr5", "eth5"), pair("xenbr0", "eth0", 0), pair("xenbr6", "eth6")])).toEqual(["2@eth2", "1@eth5", "0@eth0", "3@eth6"]);
  });

  it("numbers by position when no pair brings one, and never gives two calls one number", () => {
    expect(vifnums([pair("xenbr0", "eth0"), pair("xenbr1", "eth1")])).toEqual(["0@eth0", "1@eth1"]);
    expect(vifnums([pair("xenbr0", "eth0", 1), pair("xenbr1", "eth1", 1)])).toEqual(["1@eth0", "0@eth1"]);
  });
});
