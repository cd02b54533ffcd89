import type { Plan } from "../plan/types.js";
import { contentHash } from "../plan/hash.js";
import { hostPath, readCurrentFile } from "./file-ops.js";

export interface FileCheck {
  path: string;
  /** pending: as the planner saw it; done: already holds the planned content; stale: changed since planning. */
  status: "pending" | "done" | "stale";
  detail?: string;
}

/**
 * Compares every planned file with what is on the host now. A file already holding the planned content is
 * a step done (a re-run, or a run that stopped half-way), not a stale plan; anything else that differs
 * from the planner's hash means someone edited the host after planning, and nothing may be applied.
 */
export async function checkPlanFiles(plan: Plan, root: string): Promise<FileCheck[]> {
  const out: FileCheck[] = [];
  for (const file of plan.files) {
    let current;
    try {
      current = await readCurrentFile(hostPath(root, file.path));
    } catch (err) {
      out.push({ path: file.path, status: "stale", detail: (err as Error).message });
      continue;
    }
    if (current.hash === file.expectedHash) out.push({ path: file.path, status: "pending" });
    else if (current.hash === contentHash(file.newContent)) out.push({ path: file.path, status: "done" });
    else {
      const was = file.expectedHash === null ? "absent" : file.expectedHash.slice(0, 19);
      const now = current.hash === null ? "absent" : current.hash.slice(0, 19);
      out.push({ path: file.path, status: "stale", detail: `planned from ${was}, now ${now}` });
    }
  }
  return out;
}
