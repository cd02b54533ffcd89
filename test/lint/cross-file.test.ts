import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readHosts } from "../../src/host/read-host.js";
import { lintHosts } from "../../src/lint/engine.js";
import { allRules } from "../../src/lint/rules/index.js";
import { renderText } from "../../src/lint/formats/text.js";
import { GUEST_RULE_IDS } from "./guest-rule-ids.js";
import { expectGolden } from "../golden-file.js";

// The guest rules only (host rules have their own tests), so this golden changes only when they do.

describe("cross-file faults over a multi-file host", () => {
  it("finds the copied guest's shared name, MAC and vifname in every file involved", async () => {
    const dir = join(import.meta.dirname, "..", "fixtures", "lint", "copied-guest");
    const read = await readHosts(["etc/xen"], { cwd: dir });
    const { findings, fileCount } = lintHosts(read, { rules: allRules.filter((r) => GUEST_RULE_IDS.has(r.id)) });
    await expectGolden(renderText(findings, { fileCount }), join(dir, "expected.txt"));
  });
});
