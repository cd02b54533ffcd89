/**
 * The plan: versioned JSON naming the host state it was made from (each file's current hash) and the
 * ordered steps that change it, each with what undoes it. `migrate` writes it, `apply` is the only reader
 * that acts on it.
 */

export const PLAN_VERSION = 1 as const;

/** A file the plan writes. Paths are absolute host paths ("/etc/xen/xend-config.sxp"), resolved under the apply root. */
export interface PlanFile {
  path: string;
  /** "sha256:<hex>" of the content the planner read, or null when the file did not exist. */
  expectedHash: string | null;
  newContent: string;
  /** Permission bits for a new file; an existing file keeps its own mode and owner. */
  mode: number;
}

/**
 * Network operations, named for their effect rather than for an `ip` command line so the applier can check
 * whether each already holds. Fields marked "recorded" are filled in by the applier from the state it saw
 * just before the step (they are absent in a plan and present in the journal's concrete undo).
 */
export type NetOp =
  | { op: "bridge-create"; bridge: string }
  | { op: "bridge-delete"; bridge: string }
  /** Give `to` the MAC of `from` (network-bridge does this so the bridge keeps the NIC's DHCP identity). */
  | { op: "mac-copy"; from: string; to: string }
  | { op: "mac-restore"; dev: string; /** recorded */ address?: string }
  | { op: "enslave"; dev: string; master: string }
  | { op: "release"; dev: string }
  | { op: "link-up"; dev: string }
  | { op: "link-down"; dev: string }
  /** Move addresses and the non-kernel routes that use `from` onto `to`, keeping lifetimes and flags. */
  | { op: "ip-config-move"; from: string; to: string; /** recorded */ addresses?: MovedAddress[]; /** recorded */ routes?: MovedRoute[] };

/** One address as it was on the source device, enough to recreate it elsewhere with the same mode. */
export interface MovedAddress {
  family: "inet" | "inet6";
  local: string;
  prefixlen: number;
  /** Point-to-point peer, when different from local. */
  peer?: string;
  broadcast?: string;
  scope?: string;
  /** Seconds; absent means forever (a static address). A finite lifetime is what DHCP leases look like. */
  validLft?: number;
  preferredLft?: number;
  noprefixroute?: boolean;
}

/** One route as it was, minus its device. */
export interface MovedRoute {
  family: "inet" | "inet6";
  dst: string;
  gateway?: string;
  metric?: number;
  protocol?: string;
  scope?: string;
  prefsrc?: string;
  table?: string;
  onlink?: boolean;
}

export interface FileStep {
  id: number;
  kind: "file";
  description: string;
  path: string;
  undo: { kind: "file-restore"; path: string; description: string };
}

export interface NetStep {
  id: number;
  kind: "net";
  description: string;
  do: NetOp;
  undo: NetOp;
}

export type PlanStep = FileStep | NetStep;

export interface Plan {
  version: typeof PLAN_VERSION;
  /** The root the planner read (`--root`); `apply` uses it unless given another. */
  root: string;
  createdAt: string;
  files: PlanFile[];
  steps: PlanStep[];
  /** Things the planner noticed but did not change (vifs that will land on another bridge, ...). */
  warnings: string[];
}
