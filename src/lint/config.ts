import { readFile, stat } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import type { RuleSetting } from "./engine.js";
import { isSupportedXen, parseXenVersion, SUPPORTED_XEN, type XenVersion } from "./xen-version.js";
import { nearest } from "./nearest.js";
import { validateInterfaceName } from "../script/interface-name.js";

export const CONFIG_FILE_NAME = "xencfg.config.json";

/** `xencfg.config.json`, validated. */
export interface LintConfig {
  /** Where it was read from; undefined when there is none. */
  path: string | undefined;
  rules: Record<string, RuleSetting>;
  /** Bridges made outside Xen (the distribution's network config), which vifs may name. */
  bridges: string[];
  xen: XenVersion | undefined;
  /** The version as written, for messages. */
  xenText: string | undefined;
}

/** A config file that cannot be used: the CLI prints it and exits 2. */
export class ConfigError extends Error {
  override name = "ConfigError";
}

const SETTINGS = ["off", "info", "warning", "error"] as const;
const KEYS = ["$schema", "rules", "bridges", "xen"];

export function emptyConfig(): LintConfig {
  return { path: undefined, rules: {}, bridges: [], xen: undefined, xenText: undefined };
}

/**
 * The nearest `xencfg.config.json` at or above `start` (a file's folder, or the folder itself), the
 * way ESLint and Prettier find theirs; undefined when there is none up to the root.
 */
export async function findConfigFile(start: string): Promise<string | undefined> {
  let dir = resolve(start);
  try {
    if (!(await stat(dir)).isDirectory()) dir = dirname(dir);
  } catch {
    dir = dirname(dir);
  }
  for (;;) {
    const candidate = join(dir, CONFIG_FILE_NAME);
    try {
      if ((await stat(candidate)).isFile()) return candidate;
    } catch {
      // Not here; look further up.
    }
    const up = dirname(dir);
    if (up === dir) return undefined;
    dir = up;
  }
}

/** Reads and validates a config file; throws ConfigError naming the file and the bad entry. */
export async function loadConfig(path: string, knownRules: readonly string[]): Promise<LintConfig> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (err) {
    throw new ConfigError(`${path}: cannot read: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new ConfigError(`${path}: not valid JSON: ${(err as Error).message}`);
  }
  return validateConfig(json, path, knownRules);
}

export function validateConfig(json: unknown, path: string, knownRules: readonly string[]): LintConfig {
  const fail = (where: string, what: string): never => {
    throw new ConfigError(`${path}: ${where}: ${what}`);
  };
  if (typeof json !== "object" || json === null || Array.isArray(json)) fail("top level", 'expected an object such as { "rules": { "mac-case": "off" } }');
  const obj = json as Record<string, unknown>;
  const out = emptyConfig();
  out.path = path;
  for (const key of Object.keys(obj)) {
    if (!KEYS.includes(key)) {
      const guess = nearest(key, KEYS);
      fail(key, `unknown key${guess ? ` (did you mean "${guess}"?)` : ""}; allowed: rules, bridges, xen`);
    }
  }
  if (obj.rules !== undefined) {
    if (typeof obj.rules !== "object" || obj.rules === null || Array.isArray(obj.rules)) fail("rules", 'expected an object mapping rule ids to "off", "info", "warning" or "error"');
    for (const [id, value] of Object.entries(obj.rules as Record<string, unknown>)) {
      if (!knownRules.includes(id)) {
        const guess = nearest(id, knownRules);
        fail(`rules.${id}`, `unknown rule${guess ? ` (did you mean ${guess}?)` : ""}; \`xencfg rules\` lists them`);
      }
      if (typeof value !== "string" || !(SETTINGS as readonly string[]).includes(value)) fail(`rules.${id}`, `expected "off", "info", "warning" or "error", found ${JSON.stringify(value)}`);
      out.rules[id] = value as RuleSetting;
    }
  }
  if (obj.bridges !== undefined) {
    if (!Array.isArray(obj.bridges)) fail("bridges", 'expected a list of bridge names such as ["br-lan"]');
    (obj.bridges as unknown[]).forEach((b, i) => {
      if (typeof b !== "string") return fail(`bridges[${i}]`, `expected a bridge name, found ${JSON.stringify(b)}`);
      const check = validateInterfaceName(b);
      if (!check.ok) fail(`bridges[${i}]`, `the name ${JSON.stringify(b)} ${check.message}`);
      out.bridges.push(b);
    });
  }
  if (obj.xen !== undefined) {
    const v = typeof obj.xen === "string" ? parseXenVersion(obj.xen) : undefined;
    if (!v) fail("xen", `expected a Xen version such as "3.0", "4.1" or "xl", found ${JSON.stringify(obj.xen)}`);
    if (v && !isSupportedXen(v)) fail("xen", `expected a Xen version from 3.0 on (${SUPPORTED_XEN}), found ${JSON.stringify(obj.xen)}`);
    out.xen = v;
    out.xenText = obj.xen as string;
  }
  return out;
}
