import type { CliIo } from "../io.js";
import { EXIT_OK } from "../io.js";
import { allRules } from "../../lint/rules/index.js";
import { ENGINE_RULES } from "../../lint/engine.js";

/** `xencfg rules`: every rule id users can configure, sorted, with its default severity. */
export function runRules(args: { format: "text" | "json" }, io: CliIo): number {
  const rows = [...allRules, ...ENGINE_RULES]
    .map((r) => ({ id: r.id, severity: r.severity, fixable: "fixable" in r && r.fixable === true, description: r.description }))
    .sort((a, b) => (a.id < b.id ? -1 : 1));
  if (args.format === "json") {
    io.stdout(JSON.stringify(rows, null, 2) + "\n");
    return EXIT_OK;
  }
  const idWidth = Math.max(...rows.map((r) => r.id.length));
  io.stdout(`${"rule".padEnd(idWidth)}  default  fix  description\n`);
  for (const r of rows) io.stdout(`${r.id.padEnd(idWidth)}  ${r.severity.padEnd(7)}  ${r.fixable ? "yes" : "   "}  ${r.description}\n`);
  return EXIT_OK;
}
