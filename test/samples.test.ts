import { describe, expect, it } from "vitest";
import { runCli } from "./cli/run-cli.js";

// The article xencfg grew from prints a multi-NIC recipe with mistakes of its own; samples/article-host
// is that recipe as printed, and the linter must find each mistake where it is.
describe("samples/article-host", () => {
  it("lint finds the misnamed wrapper and the split vif list", async () => {
    const r = await runCli(["lint", "--format", "json", "samples/article-host/etc/xen"]);
    expect(r.code).toBe(1);
    const findings = JSON.parse(r.stdout) as { file: string; line: number; column: number; rule: string; message: string }[];
    const at = (rule: string) => findings.filter((f) => f.rule === rule).map((f) => `${f.file}:${f.line}:${f.column}`);
    expect(at("network-script-missing")).toEqual(["samples/article-host/etc/xen/xend-config.sxp:7:17"]);
    expect(findings.find((f) => f.rule === "network-script-missing")!.message).toContain("did you mean 'network-wrapper'?");
    expect(at("vif-split-spec")).toEqual(["samples/article-host/etc/xen/dom1.cfg:6:7"]);
    expect(findings.find((f) => f.rule === "vif-split-spec")!.message).toContain("[ 'bridge=xenbr1, mac=00:16:3e:07:d2:0e' ]");
  });

  it("the clean sample hosts have no error", async () => {
    const r = await runCli(["lint", "samples/single-nic/etc/xen", "samples/two-nic/etc/xen"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("0 errors");
  });
});
