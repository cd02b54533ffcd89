import type { NetOp, NetStep } from "./types.js";
import { describeNetStep } from "./net-step-description.js";

/**
 * The steps that bring one bridge up now, the way network-bridge does at xend start: create the bridge,
 * give it the NIC's MAC (a bridge otherwise takes the lowest MAC of its ports, which changes as vifs come
 * and go, and a DHCP server then sees a new client), move the NIC's addresses and routes to it keeping
 * their lifetimes (a DHCP lease stays a lease, a static address stays static), enslave the NIC, bring
 * both up. The bridge is up before the move because a gateway route needs its device up.
 * A NIC with no address gives a bridge with no address: the move then has nothing to do.
 */
export function liveBridgeSteps(bridge: string, nic: string, firstId: number): NetStep[] {
  const ops: { do: NetOp; undo: NetOp }[] = [
    { do: { op: "bridge-create", bridge }, undo: { op: "bridge-delete", bridge } },
    { do: { op: "mac-copy", from: nic, to: bridge }, undo: { op: "mac-restore", dev: bridge } },
    { do: { op: "link-up", dev: bridge }, undo: { op: "link-down", dev: bridge } },
    { do: { op: "ip-config-move", from: nic, to: bridge }, undo: { op: "ip-config-move", from: bridge, to: nic } },
    { do: { op: "enslave", dev: nic, master: bridge }, undo: { op: "release", dev: nic } },
    { do: { op: "link-up", dev: nic }, undo: { op: "link-down", dev: nic } },
  ];
  const steps: Omit<NetStep, "id">[] = ops.map((o) => ({ kind: "net", description: describeNetStep(o.do), ...o }));
  return steps.map((s, i) => ({ ...s, id: firstId + i }) as NetStep);
}
