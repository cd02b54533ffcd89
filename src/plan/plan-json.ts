import { isIP } from "node:net";
import { posix } from "node:path";
import { CONTENT_HASH_PATTERN } from "./hash.js";
import { checkInterfaceName } from "./interface-name.js";
import { type MovedAddress, type MovedRoute, type NetOp, type Plan, type PlanFile, type PlanStep, PLAN_VERSION } from "./types.js";
import { describeNetStep, DO_OPS, undoOf } from "./net-step-description.js";

/** Plans are written with a fixed key order so two plans of the same change diff cleanly. */
export function serializePlan(plan: Plan): string {
  return `${JSON.stringify(plan, null, 2)}\n`;
}

export type PlanParseResult = { ok: true; plan: Plan } | { ok: false; errors: string[] };

const MAX_FILES = 1000;
const MAX_STEPS = 5000;
const MAX_CONTENT = 4 * 1024 * 1024;

/**
 * Reads a plan file that may come from anywhere (a colleague's laptop, a ticket attachment). Everything the
 * applier will act on is checked here: versions, paths (only under /etc/xen), hashes, interface names (they
 * reach `ip`), addresses; unknown keys are refused so a typo cannot silently drop a safety field.
 */
export function parsePlan(text: string): PlanParseResult {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    return { ok: false, errors: [`not JSON: ${(err as Error).message}`] };
  }
  const errors: string[] = [];
  const v = new Validator(errors);
  const plan = v.plan(data);
  return plan && errors.length === 0 ? { ok: true, plan } : { ok: false, errors: errors.length ? errors : ["invalid plan"] };
}

/** Validates one network operation; `allowRecorded` is set for journal entries, which carry observed state. */
export function validateNetOp(data: unknown, at: string, errors: string[], allowRecorded: boolean): NetOp | undefined {
  return new Validator(errors).netOp(data, at, allowRecorded);
}

/** A plan may only write under /etc/xen: the applier refuses anything else even if a plan file asks. */
export function checkPlanPath(path: unknown): string | undefined {
  if (typeof path !== "string" || path.length === 0) return "must be a non-empty string";
  if (path.length > 4096) return "is too long";
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(path)) return "contains control characters";
  if (!path.startsWith("/etc/xen/")) return "must be under /etc/xen/";
  if (posix.normalize(path) !== path || path.endsWith("/")) return "must be a normalised absolute path (no '.', '..', '//' or trailing '/')";
  return undefined;
}

class Validator {
  constructor(private readonly errors: string[]) {}

  private fail(at: string, msg: string): undefined {
    this.errors.push(`${at}: ${msg}`);
    return undefined;
  }

  private object(data: unknown, at: string, allowed: readonly string[]): Record<string, unknown> | undefined {
    if (typeof data !== "object" || data === null || Array.isArray(data)) return this.fail(at, "must be an object");
    const rec = data as Record<string, unknown>;
    for (const key of Object.keys(rec)) if (!allowed.includes(key)) this.fail(at, `unknown key '${key}'`);
    return rec;
  }

  private string(data: unknown, at: string, max = 4096): string | undefined {
    if (typeof data !== "string") return this.fail(at, "must be a string");
    if (data.length > max) return this.fail(at, `is longer than ${max} characters`);
    return data;
  }

  private int(data: unknown, at: string, min: number, max: number): number | undefined {
    if (typeof data !== "number" || !Number.isInteger(data) || data < min || data > max)
      return this.fail(at, `must be an integer from ${min} to ${max}`);
    return data;
  }

  private ifname(data: unknown, at: string): string | undefined {
    if (typeof data !== "string") return this.fail(at, "must be an interface name");
    const problem = checkInterfaceName(data);
    return problem ? this.fail(at, `'${data}' ${problem}`) : data;
  }

  private ip(data: unknown, at: string): string | undefined {
    if (typeof data !== "string" || isIP(data) === 0) return this.fail(at, "must be an IPv4 or IPv6 address");
    return data;
  }

  private word(data: unknown, at: string): string | undefined {
    if (typeof data !== "string" || !/^[A-Za-z0-9_.-]{1,32}$/.test(data)) return this.fail(at, "must be a short word ([A-Za-z0-9_.-])");
    return data;
  }

  plan(data: unknown): Plan | undefined {
    const rec = this.object(data, "plan", ["version", "root", "createdAt", "files", "steps", "warnings"]);
    if (!rec) return undefined;
    if (rec.version !== PLAN_VERSION) {
      return this.fail("plan.version", `is ${JSON.stringify(rec.version)}; this xencfg reads version ${PLAN_VERSION}`);
    }
    const root = this.string(rec.root, "plan.root");
    if (root !== undefined && !root.startsWith("/")) this.fail("plan.root", "must be an absolute path");
    const createdAt = this.string(rec.createdAt, "plan.createdAt", 64);
    const warnings = Array.isArray(rec.warnings) ? rec.warnings.map((w, i) => this.string(w, `plan.warnings[${i}]`) ?? "") : (this.fail("plan.warnings", "must be an array"), []);
    if (!Array.isArray(rec.files) || rec.files.length > MAX_FILES) return this.fail("plan.files", `must be an array of at most ${MAX_FILES}`);
    if (!Array.isArray(rec.steps) || rec.steps.length > MAX_STEPS) return this.fail("plan.steps", `must be an array of at most ${MAX_STEPS}`);
    const files = rec.files.map((f, i) => this.file(f, `plan.files[${i}]`));
    const steps = rec.steps.map((s, i) => this.step(s, `plan.steps[${i}]`, i + 1));
    const paths = new Set<string>();
    for (const f of files) {
      if (!f) continue;
      if (paths.has(f.path)) this.fail("plan.files", `'${f.path}' is listed twice`);
      paths.add(f.path);
    }
    const stepped = new Set<string>();
    for (const s of steps) {
      if (s?.kind !== "file") continue;
      if (!paths.has(s.path)) this.fail(`plan.steps[${s.id - 1}]`, `writes '${s.path}', which plan.files does not list`);
      if (stepped.has(s.path)) this.fail(`plan.steps[${s.id - 1}]`, `writes '${s.path}' a second time`);
      stepped.add(s.path);
    }
    for (const p of paths) if (!stepped.has(p)) this.fail("plan.files", `'${p}' has no step that writes it`);
    if (root === undefined || createdAt === undefined) return undefined;
    return { version: PLAN_VERSION, root, createdAt, files: files as PlanFile[], steps: steps as PlanStep[], warnings };
  }

  private file(data: unknown, at: string): PlanFile | undefined {
    const rec = this.object(data, at, ["path", "expectedHash", "newContent", "mode"]);
    if (!rec) return undefined;
    const pathProblem = checkPlanPath(rec.path);
    if (pathProblem) this.fail(`${at}.path`, pathProblem);
    if (rec.expectedHash !== null && (typeof rec.expectedHash !== "string" || !CONTENT_HASH_PATTERN.test(rec.expectedHash)))
      this.fail(`${at}.expectedHash`, "must be null or 'sha256:' and 64 hex digits");
    const newContent = this.string(rec.newContent, `${at}.newContent`, MAX_CONTENT);
    const mode = this.int(rec.mode, `${at}.mode`, 0, 0o7777);
    if (pathProblem || newContent === undefined || mode === undefined) return undefined;
    return { path: rec.path as string, expectedHash: rec.expectedHash as string | null, newContent, mode };
  }

  private step(data: unknown, at: string, expectedId: number): PlanStep | undefined {
    const rec = this.object(data, at, ["id", "kind", "description", "path", "undo", "do"]);
    if (!rec) return undefined;
    if (rec.id !== expectedId) this.fail(`${at}.id`, `must be ${expectedId} (steps are numbered in order from 1)`);
    const description = this.string(rec.description, `${at}.description`, 1000) ?? "";
    if (rec.kind === "file") {
      const pathProblem = checkPlanPath(rec.path);
      if (pathProblem) return this.fail(`${at}.path`, pathProblem);
      const undo = this.object(rec.undo, `${at}.undo`, ["kind", "path", "description"]);
      if (!undo) return undefined;
      if (undo.kind !== "file-restore" || undo.path !== rec.path) return this.fail(`${at}.undo`, "must restore the same file (kind 'file-restore', same path)");
      if ("do" in rec) this.fail(at, "a file step has no 'do'");
      const undoDescription = this.string(undo.description, `${at}.undo.description`, 1000) ?? "";
      return { id: expectedId, kind: "file", description, path: rec.path as string, undo: { kind: "file-restore", path: rec.path as string, description: undoDescription } };
    }
    if (rec.kind === "net") {
      if ("path" in rec) this.fail(at, "a net step has no 'path'");
      const op = this.netOp(rec.do, `${at}.do`, false);
      const undo = this.netOp(rec.undo, `${at}.undo`, false);
      if (!op || !undo) return undefined;
      const exact = undoOf(op);
      if (!exact) return this.fail(`${at}.do`, `'${op.op}' is an undo operation; a plan's steps only ${[...DO_OPS].join(", ")}`);
      if (undo.op !== exact.op) return this.fail(`${at}.undo`, `'${op.op}' is undone by '${exact.op}', not '${undo.op}'`);
      if (JSON.stringify(undo) !== JSON.stringify(exact)) return this.fail(`${at}.undo`, `must undo this step itself: ${JSON.stringify(exact)}, not ${JSON.stringify(undo)}`);
      // What apply shows before it asks, and while it runs, must be what the step does.
      const says = describeNetStep(op);
      if (description !== says) return this.fail(`${at}.description`, `must say what the step does, ${JSON.stringify(says)}, not ${JSON.stringify(description)}`);
      return { id: expectedId, kind: "net", description, do: op, undo };
    }
    return this.fail(`${at}.kind`, "must be 'file' or 'net'");
  }

  netOp(data: unknown, at: string, allowRecorded: boolean): NetOp | undefined {
    if (typeof data !== "object" || data === null) return this.fail(at, "must be an object");
    const op = (data as { op?: unknown }).op;
    const recordedKeys = allowRecorded ? RECORDED_KEYS[op as NetOp["op"]] ?? [] : [];
    const keys = OP_KEYS[op as NetOp["op"]];
    if (!keys) return this.fail(`${at}.op`, `unknown network operation ${JSON.stringify(op)}`);
    const rec = this.object(data, at, ["op", ...keys, ...recordedKeys]);
    if (!rec) return undefined;
    const out: Record<string, unknown> = { op };
    for (const key of keys) {
      const name = this.ifname(rec[key], `${at}.${key}`);
      if (name === undefined) return undefined;
      out[key] = name;
    }
    if (allowRecorded && op === "mac-restore" && rec.address !== undefined) {
      if (typeof rec.address !== "string" || !/^[0-9a-f]{2}(:[0-9a-f]{2}){5}$/i.test(rec.address)) return this.fail(`${at}.address`, "must be a MAC address");
      out.address = rec.address;
    }
    if (allowRecorded && op === "ip-config-move") {
      if (rec.addresses !== undefined) {
        if (!Array.isArray(rec.addresses)) return this.fail(`${at}.addresses`, "must be an array");
        out.addresses = rec.addresses.map((a, i) => this.address(a, `${at}.addresses[${i}]`));
      }
      if (rec.routes !== undefined) {
        if (!Array.isArray(rec.routes)) return this.fail(`${at}.routes`, "must be an array");
        out.routes = rec.routes.map((r, i) => this.route(r, `${at}.routes[${i}]`));
      }
    }
    return out as NetOp;
  }

  private family(data: unknown, at: string): "inet" | "inet6" | undefined {
    return data === "inet" || data === "inet6" ? data : this.fail(at, "must be 'inet' or 'inet6'");
  }

  private address(data: unknown, at: string): MovedAddress | undefined {
    const rec = this.object(data, at, ["family", "local", "prefixlen", "peer", "broadcast", "scope", "validLft", "preferredLft", "noprefixroute"]);
    if (!rec) return undefined;
    const out: MovedAddress = {
      family: this.family(rec.family, `${at}.family`) ?? "inet",
      local: this.ip(rec.local, `${at}.local`) ?? "",
      prefixlen: this.int(rec.prefixlen, `${at}.prefixlen`, 0, 128) ?? 0,
    };
    if (rec.peer !== undefined) out.peer = this.ip(rec.peer, `${at}.peer`);
    if (rec.broadcast !== undefined) out.broadcast = this.ip(rec.broadcast, `${at}.broadcast`);
    if (rec.scope !== undefined) out.scope = this.word(rec.scope, `${at}.scope`);
    if (rec.validLft !== undefined) out.validLft = this.int(rec.validLft, `${at}.validLft`, 0, 0xfffffffe);
    if (rec.preferredLft !== undefined) out.preferredLft = this.int(rec.preferredLft, `${at}.preferredLft`, 0, 0xfffffffe);
    if (rec.noprefixroute !== undefined) out.noprefixroute = rec.noprefixroute === true;
    return out;
  }

  private route(data: unknown, at: string): MovedRoute | undefined {
    const rec = this.object(data, at, ["family", "dst", "gateway", "metric", "protocol", "scope", "prefsrc", "table", "onlink"]);
    if (!rec) return undefined;
    const dst = rec.dst;
    if (typeof dst !== "string" || !(dst === "default" || isIP(dst.split("/")[0] ?? "") !== 0) || !/^[0-9A-Fa-f.:]+(\/\d{1,3})?$|^default$/.test(dst))
      this.fail(`${at}.dst`, "must be 'default' or an address with an optional /prefix");
    const out: MovedRoute = { family: this.family(rec.family, `${at}.family`) ?? "inet", dst: String(dst) };
    if (rec.gateway !== undefined) out.gateway = this.ip(rec.gateway, `${at}.gateway`);
    if (rec.metric !== undefined) out.metric = this.int(rec.metric, `${at}.metric`, 0, 0xffffffff);
    if (rec.protocol !== undefined) out.protocol = this.word(rec.protocol, `${at}.protocol`);
    if (rec.scope !== undefined) out.scope = this.word(rec.scope, `${at}.scope`);
    if (rec.prefsrc !== undefined) out.prefsrc = this.ip(rec.prefsrc, `${at}.prefsrc`);
    if (rec.table !== undefined) out.table = this.word(rec.table, `${at}.table`);
    if (rec.onlink !== undefined) out.onlink = rec.onlink === true;
    return out;
  }
}

const OP_KEYS: Record<NetOp["op"], readonly string[]> = {
  "bridge-create": ["bridge"],
  "bridge-delete": ["bridge"],
  "mac-copy": ["from", "to"],
  "mac-restore": ["dev"],
  enslave: ["dev", "master"],
  release: ["dev"],
  "link-up": ["dev"],
  "link-down": ["dev"],
  "ip-config-move": ["from", "to"],
};

const RECORDED_KEYS: Partial<Record<NetOp["op"], readonly string[]>> = {
  "mac-restore": ["address"],
  "ip-config-move": ["addresses", "routes"],
};
