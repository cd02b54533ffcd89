import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readHosts } from "../../src/host/read-host.js";
import { lintHosts } from "../../src/lint/engine.js";
import { allRules } from "../../src/lint/rules/index.js";
import { renderText } from "../../src/lint/formats/text.js";

// The guest rules only (host rules have their own tests), so this golden changes only when they do.
const HOST_RULES = new Set(["bridge-undefined", "network-script-missing", "script-family-mismatch", "network-script-unquoted-args", "network-script-unknown-arg", "network-bridge-netdev-implicit", "netdev-too-long", "wrapper-bridge-guard", "directive-unknown", "directive-duplicate", "directive-type"]);

describe("cross-file faults over a multi-file host", () => {
  it("finds the copied guest's shared name, MAC and vifname in every file involved", async () => {
    const dir = join(import.meta.dirname, "..", "fixtures", "lint", "copied-guest");
    const read = await readHosts(["etc/xen"], { cwd: dir });
    const { findings, fileCount } = lintHosts(read, { rules: allRules.filter((r) => !HOST_RULES.has(r.id)) });
    await expect(renderText(findings, { fileCount })).toMatchFileSnapshot(join(dir, "expected.txt"));
  });
});
