import type { NetOp, Plan } from "./types.js";
import { unifiedDiff } from "./unified-diff.js";

/**
 * The readable form of a plan: numbered steps with their undo, warnings, then a unified diff per file.
 * `oldContents` maps each planned path to the text it has now (null: absent); the plan itself carries
 * only hashes of the old text.
 */
export function renderPlanText(plan: Plan, oldContents: ReadonlyMap<string, string | null>, notes: ReadonlyMap<number, string> = new Map()): string {
  const lines: string[] = [];
  if (plan.steps.length === 0) {
    lines.push(`Nothing to do: the host under ${plan.root} already holds this configuration.`);
  } else {
    lines.push(`Plan for the host under ${plan.root}: ${plan.steps.length} step${plan.steps.length === 1 ? "" : "s"}`);
    for (const step of plan.steps) {
      const note = notes.get(step.id);
      lines.push(`  ${String(step.id).padStart(2)}. ${step.description}${note ? `  [${note}]` : ""}`);
      lines.push(`      undo: ${step.kind === "file" ? step.undo.description : describeUndo(step.undo)}`);
    }
  }
  for (const w of plan.warnings) lines.push(`warning: ${w}`);
  let text = `${lines.join("\n")}\n`;
  for (const file of plan.files) {
    const rel = file.path.replace(/^\//, "");
    const diff = unifiedDiff(oldContents.get(file.path) ?? null, file.newContent, `a/${rel}`, `b/${rel}`);
    if (diff) text += `\n${diff}`;
  }
  return text;
}

function describeUndo(op: NetOp): string {
  switch (op.op) {
    case "bridge-delete":
      return `delete bridge ${op.bridge}`;
    case "bridge-create":
      return `create bridge ${op.bridge}`;
    case "mac-restore":
      return `give ${op.dev} back the MAC it had`;
    case "mac-copy":
      return `give ${op.to} the MAC of ${op.from}`;
    case "release":
      return `take ${op.dev} out of its bridge`;
    case "enslave":
      return `put ${op.dev} back into ${op.master}`;
    case "link-down":
      return `set ${op.dev} down (if it was down)`;
    case "link-up":
      return `set ${op.dev} up`;
    case "ip-config-move":
      return `move the moved addresses and routes from ${op.from} back to ${op.to}`;
  }
}
