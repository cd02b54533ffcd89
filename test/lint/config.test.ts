import { mkdtemp, mkdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConfigError, findConfigFile, loadConfig, validateConfig } from "../../src/lint/config.js";

const RULES = ["mac-case", "mac-duplicate", "syntax"];
const bad = (json: unknown) => () => validateConfig(json, "xencfg.config.json", RULES);

describe("xencfg.config.json", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "xencfg-config-"));
    await mkdir(join(dir, "etc", "xen", "auto"), { recursive: true });
    await writeFile(join(dir, "etc", "xencfg.config.json"), '{ "rules": { "mac-case": "off" }, "bridges": ["br-lan"], "xen": "4.1" }');
    await writeFile(join(dir, "etc", "xen", "auto", "a.cfg"), "name = 'a'\n");
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it("is found at or above a folder or a file", async () => {
    expect(await findConfigFile(join(dir, "etc", "xen"))).toBe(join(dir, "etc", "xencfg.config.json"));
    expect(await findConfigFile(join(dir, "etc", "xen", "auto", "a.cfg"))).toBe(join(dir, "etc", "xencfg.config.json"));
    expect(await findConfigFile(join(dir, "etc"))).toBe(join(dir, "etc", "xencfg.config.json"));
  });

  it("loads rules, bridges and the Xen version", async () => {
    const c = await loadConfig(join(dir, "etc", "xencfg.config.json"), RULES);
    expect(c.rules).toEqual({ "mac-case": "off" });
    expect(c.bridges).toEqual(["br-lan"]);
    expect(c.xen).toEqual({ major: 4, minor: 1, xl: false });
  });

  it("refuses what it cannot use, naming the entry", async () => {
    expect(bad([])).toThrow(/top level: expected an object/);
    expect(bad({ rule: {} })).toThrow(/rule: unknown key \(did you mean "rules"\?\)/);
    expect(bad({ rules: { "mac-cas": "off" } })).toThrow(/rules\.mac-cas: unknown rule \(did you mean mac-case\?\)/);
    expect(bad({ rules: { "mac-case": "warn" } })).toThrow(/rules\.mac-case: expected "off", "info", "warning" or "error", found "warn"/);
    expect(bad({ rules: { "mac-case": 0 } })).toThrow(ConfigError);
    expect(bad({ bridges: "br-lan" })).toThrow(/bridges: expected a list/);
    expect(bad({ bridges: ["br lan"] })).toThrow(/bridges\[0\]: the name "br lan" contains " "/);
    expect(bad({ bridges: ["a-very-long-bridge-name"] })).toThrow(/bytes long/);
    expect(bad({ xen: 4.1 })).toThrow(/xen: expected a Xen version/);
    expect(bad({ xen: "four" })).toThrow(/xen: expected a Xen version/);
    await expect(loadConfig(join(dir, "nope.json"), RULES)).rejects.toThrow(/cannot read: ENOENT/);
    await writeFile(join(dir, "broken.json"), "{ rules: }");
    await expect(loadConfig(join(dir, "broken.json"), RULES)).rejects.toThrow(/not valid JSON/);
  });
});
