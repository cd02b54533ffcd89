import { join } from "node:path";
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { readHosts } from "../../src/host/read-host.js";
import { lintHosts } from "../../src/lint/engine.js";
import { allRules } from "../../src/lint/rules/index.js";
import { CORPUS, corpusFiles } from "../core/corpus-files.js";
import { lintFixture } from "./rule-tester.js";
import { GUEST_RULE_IDS } from "./guest-rule-ids.js";

// Real files written by others, read in place. Every finding below was judged by hand (docs/lint.md,
// "The corpus"): the libvirt files are test data of one converter, so they share a guest name and a MAC
// (true positives once they are linted as one set, which is what lint does with its paths), and one PV
// guest gives model=, which only HVM guests use.
const PATHS = [
  join(CORPUS, "xen"),
  join(CORPUS, "xen", "xend-config.sxp.xen-3.0.0"),
  join(CORPUS, "libvirt", "xl"),
  join(CORPUS, "libvirt", "xm"),
];

function countByRule(findings: { rule: string }[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const f of findings) if (GUEST_RULE_IDS.has(f.rule)) out[f.rule] = (out[f.rule] ?? 0) + 1;
  return out;
}

describe("lint on ../shared/corpus", () => {
  it("gives the judged findings of the guest rules, and no syntax error", async () => {
    const read = await readHosts(PATHS);
    const { findings } = lintHosts(read, { rules: allRules });
    expect(countByRule(findings)).toEqual({
      "mac-duplicate": 6,
      "mac-missing": 1,
      "name-duplicate": 5,
      "vif-ip-noop": 1,
      "vif-type-model": 1,
      "xm-python": 17,
    });
    expect(findings.filter((f) => f.file.endsWith("test-paravirt-net-vifname.cfg")).map((f) => f.messageId)).toEqual(["modelPv"]);
  });

  it("with --xen 3.0, the libvirt HVM guests' model= without type=ioemu gives them no emulated NIC", async () => {
    const read = await readHosts(PATHS);
    const { findings } = lintHosts(read, { rules: allRules, xen: { major: 3, minor: 0, xl: false } });
    expect(findings.filter((f) => f.rule === "vif-type-model").map((f) => `${f.file.split("/").pop()} ${f.messageId}`)).toEqual([
      "test-fullvirt-ovswitch-trunked.cfg modelNoType",
      "test-vif-rate.cfg modelNoType",
      "test-paravirt-net-vifname.cfg modelPv",
    ]);
  });

  it("lints every corpus file on its own without throwing", async () => {
    const files = corpusFiles();
    // An empty walk would make this loop assert nothing.
    expect(files.length).toBeGreaterThanOrEqual(15);
    for (const file of files) {
      const read = await readHosts([file]);
      expect(() => lintHosts(read, { rules: allRules }), file).not.toThrow();
    }
  });
});

// An xend-config.sxp made of the same random choices, so host rules see odd directives too.
function sxpOf(a: string[], b: string[]): string {
  const parts = ["(network-script ", "'network-bridge ", "netdev=eth0", " bridge=", "xenbr1", "')", ")", "(", "(vif-script vif-bridge)", "network-wrapper", "\n", "# c\n", "“", " "];
  return [...a, ...b].map((s) => parts[s.length % parts.length]).join("");
}

describe("lint on any input", () => {
  it("never throws and keeps positions in range", async () => {
    // The range checks run per finding: count them, so inputs that never give one cannot pass as "in range".
    let checked = 0;
    const piece = fc.constantFrom("vif = [ '", "mac=", "00:16:3E:", "bridge=", "', '", "' ]\n", ",", "=", "vifname=", "ip=", "rate=", "vlan=", "name = 'a'\n", "builder='hvm'\n", "# xencfg-disable-next-line mac-case\n", "“", "[", "]", "\n", " ", "x");
    await fc.assert(
      fc.asyncProperty(fc.array(piece, { maxLength: 30 }), fc.array(piece, { maxLength: 30 }), async (a, b) => {
        const files = { "etc/xen/a.cfg": a.join(""), "etc/xen/b.cfg": b.join(""), "etc/xen/xend-config.sxp": sxpOf(a, b) };
        const { findings } = await lintFixture({ files });
        for (const f of findings) {
          const lines = files[f.file as keyof typeof files].split("\n").length;
          expect(f.line).toBeGreaterThanOrEqual(1);
          expect(f.line).toBeLessThanOrEqual(lines);
          expect(f.column).toBeGreaterThanOrEqual(1);
          expect(f.endLine * 1e6 + f.endColumn).toBeGreaterThan(f.line * 1e6 + f.column - 1);
          checked++;
        }
      }),
      { numRuns: 60 },
    );
    expect(checked).toBeGreaterThan(60);
  });
});
