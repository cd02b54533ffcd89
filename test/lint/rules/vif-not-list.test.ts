import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import rule from "../../../src/lint/rules/vif-not-list.js";
import { parseDomainConfig } from "../../../src/domain/domain-config.js";
import { lintFixture, ruleTester } from "../rule-tester.js";
import { runCli } from "../../cli/run-cli.js";
import { makeRoot } from "../../apply/plan-helpers.js";

const SINGLE = "vif = 'mac=00:16:3e:00:03:01, bridge=xenbr0'\n";

ruleTester(rule, {
  valid: [
    "vif = [ 'mac=00:16:3e:00:03:01, bridge=xenbr0' ]\n",
    "vif = []\n",
    "name = 'nonet'\n",
    "vif = [ 'bridge=xenbr0' ]\nvif += [ 'bridge=xenbr1' ]\n",
    // xl uses the last `vif =`; the string before it is never looked at.
    "vif = 'bridge=xenbr0'\nvif = [ 'bridge=xenbr1' ]\n",
    // Computed by Python: the value is unknown (xm-python says so).
    "br = 'xenbr0'\nvif = 'bridge=%s' % br\n",
  ],
  invalid: [
    {
      name: "the audit's case: one spec without brackets",
      code: SINGLE,
      errors: [
        {
          messageId: "single",
          line: 1,
          column: 7,
          endLine: 1,
          endColumn: 45,
          severity: "error",
          message: "expected a list of interfaces, found a single string: xl prints \"parameter `vif' is a single value but should be a list\" and starts the guest with no network interface (xm reads the string one character at a time); write vif = [ 'mac=00:16:3e:00:03:01, bridge=xenbr0' ]",
        },
      ],
      output: "vif = [ 'mac=00:16:3e:00:03:01, bridge=xenbr0' ]\n",
    },
    {
      name: "double quotes, escapes and the spacing around '=' are kept",
      code: 'vif="bridge=xen\\"br1"  # one NIC\n',
      errors: [{ messageId: "single", column: 5, endColumn: 22, message: /; write vif = \[ "bridge=xen\\"br1" \]$/ }],
      output: 'vif=[ "bridge=xen\\"br1" ]  # one NIC\n',
    },
    {
      name: "a number: reported, not fixed (a list of '1' is no interface either)",
      code: "vif = 1\n",
      errors: [
        {
          messageId: "single",
          column: 7,
          endColumn: 8,
          message: "expected a list of interfaces, found a single number: xl prints \"parameter `vif' is a single value but should be a list\" and starts the guest with no network interface; write vif = [ '' ] for one interface with the defaults",
        },
      ],
      output: "vif = 1\n",
    },
    {
      name: "a string appended to a list: xl refuses the whole file",
      code: "vif = [ 'bridge=xenbr0' ]\nvif += 'bridge=xenbr1'\n",
      errors: [
        {
          messageId: "mixed",
          line: 2,
          column: 8,
          endColumn: 23,
          message: "expected a list, found a single string that vif += joins with a list: xl refuses the whole file (\"can't add [list] to \"string\" or vice versa\"); write vif += [ 'bridge=xenbr1' ]",
        },
      ],
      output: "vif = [ 'bridge=xenbr0' ]\nvif += [ 'bridge=xenbr1' ]\n",
    },
    {
      name: "a list appended to a string: the string is the one to fix",
      code: "vif = 'bridge=xenbr0'\nvif += [ 'bridge=xenbr1' ]\n",
      errors: [{ messageId: "mixed", line: 1, column: 7, message: /; write vif = \[ 'bridge=xenbr0' \]$/ }],
      output: "vif = [ 'bridge=xenbr0' ]\nvif += [ 'bridge=xenbr1' ]\n",
    },
    {
      name: "strings appended to strings: xl joins them into one single value",
      code: "vif = 'bridge=xenbr0'\nvif += 'bridge=xenbr1'\n",
      errors: [
        { messageId: "single", line: 1, column: 7 },
        { messageId: "single", line: 2, column: 8, message: /; write vif \+= \[ 'bridge=xenbr1' \]$/ },
      ],
      output: "vif = [ 'bridge=xenbr0' ]\nvif += [ 'bridge=xenbr1' ]\n",
    },
    {
      name: "the last `vif =` is the one xl reads",
      code: "vif = [ 'bridge=xenbr0' ]\nvif = 'bridge=xenbr1'\n",
      errors: [{ messageId: "single", line: 2, column: 7 }],
      output: "vif = [ 'bridge=xenbr0' ]\nvif = [ 'bridge=xenbr1' ]\n",
    },
    {
      name: "curly quotes: reported, but the quotes are the syntax rule's to fix first",
      code: "vif = \u2018bridge=xenbr0\u2019\n",
      errors: [{ messageId: "single", column: 7 }],
      output: "vif = \u2018bridge=xenbr0\u2019\n",
    },
  ],
});

describe("vif-not-list with every rule", () => {
  it("leaves the typed view as it was: other rules still see the interface", async () => {
    const guest = parseDomainConfig("vif = 'bridge=xenbr0'\n");
    expect(guest.vifs.map((v) => v.spec)).toEqual(["bridge=xenbr0"]);
    const { findings } = await lintFixture({ code: "name = 'web1'\nvif = 'bridge=xenbr0'\n" });
    expect(findings.map((f) => `${f.line}:${f.column} ${f.rule}`)).toEqual(["2:7 mac-missing", "2:7 vif-not-list"]);
  });
});

describe("xencfg lint --fix", () => {
  // Temp folders go with the run's own TMPDIR (test/global-temp-dir.ts).
  it("wraps the string in a list, and the fixed file parses and lints clean", async () => {
    const dir = makeRoot({ "etc/xen/web1.cfg": `name = 'web1'\n${SINGLE}` });
    const before = await runCli(["lint", "etc/xen"], { cwd: dir });
    expect(before.code).toBe(1);
    expect(before.stdout).toContain("vif-not-list");

    const r = await runCli(["lint", "--fix", "etc/xen"], { cwd: dir });
    expect(r.stderr).toBe("xencfg: fixed 1 problem in etc/xen/web1.cfg (vif-not-list)\n");
    expect(r.stdout).toBe("no problems in 1 file checked\n");
    expect(r.code).toBe(0);
    const text = readFileSync(join(dir, "etc/xen/web1.cfg"), "utf8");
    expect(text).toBe("name = 'web1'\nvif = [ 'mac=00:16:3e:00:03:01, bridge=xenbr0' ]\n");
    const fixed = parseDomainConfig(text);
    expect(fixed.diagnostics).toEqual([]);
    expect(fixed.vifList?.items).toHaveLength(1);
  });
});
