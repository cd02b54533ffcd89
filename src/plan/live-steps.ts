import type { NetStep } from "./types.js";

/**
 * The steps that bring one bridge up now, the way network-bridge does at xend start: create the bridge,
 * give it the NIC's MAC (a bridge otherwise takes the lowest MAC of its ports, which changes as vifs come
 * and go, and a DHCP server then sees a new client), move the NIC's addresses and routes to it keeping
 * their lifetimes (a DHCP lease stays a lease, a static address stays static), enslave the NIC, bring
 * both up. The bridge is up before the move because a gateway route needs its device up.
 * A NIC with no address gives a bridge with no address: the move then has nothing to do.
 */
export function liveBridgeSteps(bridge: string, nic: string, firstId: number): NetStep[] {
  const steps: Omit<NetStep, "id">[] = [
    { kind: "net", description: `create bridge ${bridge}`, do: { op: "bridge-create", bridge }, undo: { op: "bridge-delete", bridge } },
    { kind: "net", description: `give ${bridge} the MAC address of ${nic}`, do: { op: "mac-copy", from: nic, to: bridge }, undo: { op: "mac-restore", dev: bridge } },
    { kind: "net", description: `bring ${bridge} up`, do: { op: "link-up", dev: bridge }, undo: { op: "link-down", dev: bridge } },
    {
      kind: "net",
      description: `move the addresses and routes of ${nic} to ${bridge}`,
      do: { op: "ip-config-move", from: nic, to: bridge },
      undo: { op: "ip-config-move", from: bridge, to: nic },
    },
    { kind: "net", description: `enslave ${nic} to ${bridge}`, do: { op: "enslave", dev: nic, master: bridge }, undo: { op: "release", dev: nic } },
    { kind: "net", description: `bring ${nic} up`, do: { op: "link-up", dev: nic }, undo: { op: "link-down", dev: nic } },
  ];
  return steps.map((s, i) => ({ ...s, id: firstId + i }) as NetStep);
}
