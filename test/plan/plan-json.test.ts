import { describe, expect, it } from "vitest";
import { contentHash } from "../../src/plan/hash.js";
import { liveBridgeSteps } from "../../src/plan/live-steps.js";
import { parsePlan, serializePlan } from "../../src/plan/plan-json.js";
import type { Plan } from "../../src/plan/types.js";

const plan: Plan = {
  version: 1,
  root: "/",
  createdAt: "2026-11-26T12:00:00.000Z",
  files: [{ path: "/etc/xen/xend-config.sxp", expectedHash: contentHash("(network-script network-bridge)\n"), newContent: "(network-script network-wrapper)\n", mode: 0o644 }],
  steps: [
    { id: 1, kind: "file", description: "set network-script", path: "/etc/xen/xend-config.sxp", undo: { kind: "file-restore", path: "/etc/xen/xend-config.sxp", description: "restore" } },
    ...liveBridgeSteps("xenbr1", "eth1", 2),
  ],
  warnings: ["a warning"],
};

function errorsOf(data: unknown): string[] {
  const r = parsePlan(JSON.stringify(data));
  return r.ok ? [] : r.errors;
}

describe("plan JSON", () => {
  it("round-trips", () => {
    const r = parsePlan(serializePlan(plan));
    expect(r.ok && r.plan).toEqual(plan);
  });

  it("names every problem of an untrusted plan", () => {
    expect(parsePlan("{").ok).toBe(false);
    expect(errorsOf({ ...plan, version: "1" })[0]).toContain("this xencfg reads version 1");
    expect(errorsOf({ ...plan, root: "relative" })).toContain("plan.root: must be an absolute path");
    expect(errorsOf({ ...plan, files: [{ ...plan.files[0], expectedHash: "md5:abc" }] })[0]).toContain("expectedHash");
    expect(errorsOf({ ...plan, files: [{ ...plan.files[0], mode: 0o10000 }] })[0]).toContain("mode");
    expect(errorsOf({ ...plan, files: [...plan.files, plan.files[0]] })).toContain("plan.files: '/etc/xen/xend-config.sxp' is listed twice");
    expect(errorsOf({ ...plan, steps: plan.steps.slice(1).map((s, i) => ({ ...s, id: i + 1 })) })).toContain("plan.files: '/etc/xen/xend-config.sxp' has no step that writes it");
    expect(errorsOf({ ...plan, steps: [plan.steps[1], plan.steps[0]] })[0]).toContain("must be 1");
    const bad = (op: object, undo: object) => errorsOf({ ...plan, steps: [...plan.steps, { id: plan.steps.length + 1, kind: "net", description: "x", do: op, undo }] });
    expect(bad({ op: "bridge-create", bridge: "a-very-long-bridge-name" }, { op: "bridge-delete", bridge: "x" })[0]).toContain("at most 15");
    expect(bad({ op: "bridge-create", bridge: "-rf" }, { op: "bridge-delete", bridge: "x" })[0]).toContain("starts with '-'");
    expect(bad({ op: "bridge-create", bridge: "br 0" }, { op: "bridge-delete", bridge: "x" })[0]).toContain("whitespace");
    expect(bad({ op: "bridge-create", bridge: "br/0" }, { op: "bridge-delete", bridge: "x" })[0]).toContain("'/'");
    expect(bad({ op: "bridge-create", bridge: "br\u00010" }, { op: "bridge-delete", bridge: "x" })[0]).toContain("control character");
    // Observed state belongs in the journal, not in a plan someone hands over.
    expect(bad({ op: "ip-config-move", from: "eth1", to: "xenbr1", addresses: [] }, { op: "ip-config-move", from: "xenbr1", to: "eth1" })[0]).toContain("unknown key 'addresses'");
  });

  it("refuses net steps whose description, operation or undo a hand edit made disagree", () => {
    // The dry run and apply's progress lines show the description: it must be what the step does.
    const step = (over: object) => errorsOf({ ...plan, steps: plan.steps.map((s) => (s.id === 2 ? { ...s, ...over } : s)) });
    expect(step({ description: "create bridge xenbr9" })).toEqual(['plan.steps[1].description: must say what the step does, "create bridge xenbr1", not "create bridge xenbr9"']);
    // Deleting is what an undo does; a step that deletes a bridge could not be undone to what it was.
    expect(step({ description: "delete bridge xenbr0", do: { op: "bridge-delete", bridge: "xenbr0" }, undo: { op: "bridge-create", bridge: "xenbr0" } })[0]).toContain(
      "'bridge-delete' is an undo operation",
    );
    // An undo aimed at another link would, on rollback, delete a bridge the run never made.
    expect(step({ undo: { op: "bridge-delete", bridge: "xenbr0" } })).toEqual(['plan.steps[1].undo: must undo this step itself: {"op":"bridge-delete","bridge":"xenbr1"}, not {"op":"bridge-delete","bridge":"xenbr0"}']);
  });
});
