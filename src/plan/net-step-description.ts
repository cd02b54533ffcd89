import type { NetOp } from "./types.js";

/** The network operations a plan step may do (those undoOf answers for); the others exist only as undos. */
export const DO_OPS: ReadonlySet<NetOp["op"]> = new Set(["bridge-create", "mac-copy", "link-up", "ip-config-move", "enslave"]);

/**
 * What a network step does, in the words the plan, `apply --dry-run` and apply's progress lines show.
 * A plan is untrusted input (it may have been edited by hand): its step descriptions must be these, so
 * that what an admin reads before saying yes is what the step does.
 */
export function describeNetStep(op: NetOp): string {
  switch (op.op) {
    case "bridge-create":
      return `create bridge ${op.bridge}`;
    case "mac-copy":
      return `give ${op.to} the MAC address of ${op.from}`;
    case "link-up":
      return `bring ${op.dev} up`;
    case "ip-config-move":
      return `move the addresses and routes of ${op.from} to ${op.to}`;
    case "enslave":
      return `enslave ${op.dev} to ${op.master}`;
    default:
      return `${op.op} (an undo operation, not a step)`;
  }
}

/** The undo of a step's operation, operands included (a hand-edited undo must not aim at another link); undefined for an operation only an undo does. */
export function undoOf(op: NetOp): NetOp | undefined {
  switch (op.op) {
    case "bridge-create":
      return { op: "bridge-delete", bridge: op.bridge };
    case "mac-copy":
      return { op: "mac-restore", dev: op.to };
    case "link-up":
      return { op: "link-down", dev: op.dev };
    case "ip-config-move":
      return { op: "ip-config-move", from: op.to, to: op.from };
    case "enslave":
      return { op: "release", dev: op.dev };
    default:
      return undefined;
  }
}
