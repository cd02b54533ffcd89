import type { BridgePair } from "./bridge-pair.js";
import { actionCase } from "./action-case.js";
import { shellQuote } from "./shell-quote.js";

// The shell functions of the iproute2 form. POSIX sh has no `local`, so each function's variables carry
// its prefix. Xen's network-bridge (3.2 and later) also moved the NIC's addresses and routes to the
// bridge; unlike it, this keeps the NIC's name and gives the bridge the NIC's MAC, so DHCP reservations and
// switch port security see the same address as before.
const FUNCTIONS = `# xend starts network scripts with whatever PATH it has; ip lives in /sbin on older systems.
PATH=/sbin:/usr/sbin:/bin:/usr/bin:$PATH

link_exists() {
    ip link show dev "$1" >/dev/null 2>&1
}

# Whether device $1 is a port of bridge $2.
is_port_of() {
    ip -o link show dev "$1" 2>/dev/null | grep -q -F -e " master $2 "
}

# The gateway of device $2's default route for family $1 (-4 or -6), if it has one.
default_gateway() {
    ip "$1" route show default dev "$2" 2>/dev/null | sed -n 's/^default via \\([^ ]*\\).*/\\1/p' | sed -n 1p
}

# Moves the global addresses of device $1 to device $2. IPv6 addresses the kernel made from router
# advertisements ("dynamic") are left: the bridge makes the same ones, as it carries the same MAC.
move_addresses() {
    ma_list=$(ip -o addr show dev "$1" scope global) || return 1
    printf '%s\\n' "$ma_list" | while read -r _ _ ma_family ma_cidr ma_rest; do
        case $ma_family in
        inet) ip addr add "$ma_cidr" brd + dev "$2" || exit 1 ;;
        inet6)
            case " $ma_rest " in
            *" dynamic "*) ;;
            *) ip addr add "$ma_cidr" dev "$2" || exit 1 ;;
            esac
            ;;
        esac
    done || return 1
    ip addr flush dev "$1" scope global
}

# Points the default routes of families -4 and -6 at device $3, given their gateways $1 and $2.
set_default_routes() {
    if [ -n "$1" ]; then ip -4 route replace default via "$1" dev "$3" || return 1; fi
    if [ -n "$2" ]; then ip -6 route replace default via "$2" dev "$3" || return 1; fi
}

start_bridge() {
    sb_bridge=$1 sb_nic=$2
    if ! link_exists "$sb_nic"; then
        echo "$0: NIC $sb_nic does not exist; bridge $sb_bridge not started" >&2
        return 1
    fi
    if is_port_of "$sb_nic" "$sb_bridge"; then
        return 0
    fi
    sb_gw4=$(default_gateway -4 "$sb_nic")
    sb_gw6=$(default_gateway -6 "$sb_nic")
    if ! link_exists "$sb_bridge"; then
        ip link add name "$sb_bridge" type bridge || return 1
        # As network-bridge did with brctl (stp off, setfd 0): a guest's new port forwards at once
        # instead of listening and learning first.
        echo 0 >"/sys/class/net/$sb_bridge/bridge/stp_state"
        echo 0 >"/sys/class/net/$sb_bridge/bridge/forward_delay"
    fi
    ip link set dev "$sb_bridge" address "$(cat "/sys/class/net/$sb_nic/address")" || return 1
    ip link set dev "$sb_bridge" up || return 1
    move_addresses "$sb_nic" "$sb_bridge" || return 1
    ip link set dev "$sb_nic" master "$sb_bridge" || return 1
    ip link set dev "$sb_nic" up || return 1
    set_default_routes "$sb_gw4" "$sb_gw6" "$sb_bridge"
}

stop_bridge() {
    tb_bridge=$1 tb_nic=$2
    if ! link_exists "$tb_bridge"; then
        return 0
    fi
    tb_gw4=$(default_gateway -4 "$tb_bridge")
    tb_gw6=$(default_gateway -6 "$tb_bridge")
    if is_port_of "$tb_nic" "$tb_bridge"; then
        ip link set dev "$tb_nic" nomaster || return 1
    fi
    if link_exists "$tb_nic"; then
        move_addresses "$tb_bridge" "$tb_nic" || return 1
        ip link set dev "$tb_nic" up || return 1
        set_default_routes "$tb_gw4" "$tb_gw6" "$tb_nic" || return 1
    fi
    ip link set dev "$tb_bridge" down && ip link delete dev "$tb_bridge"
}

status_bridge() {
    if ! link_exists "$1"; then
        echo "$1: missing (NIC $2)"
        return 1
    fi
    if is_port_of "$2" "$1"; then
        echo "$1: built, NIC $2 enslaved"
    else
        echo "$1: exists, but NIC $2 is not one of its ports"
    fi
    ip addr show dev "$1"
    is_port_of "$2" "$1"
}`;

/** The functions and the case statement of the iproute2 form: the pairs in order for start, backwards for stop. */
export function iproute2Body(pairs: readonly BridgePair[]): string[] {
  const call = (fn: string) => (p: BridgePair) => `${fn} ${shellQuote(p.bridge)} ${shellQuote(p.netdev)}`;
  return [
    ...FUNCTIONS.split("\n"),
    "",
    ...actionCase([
      ["start", pairs.map(call("start_bridge"))],
      ["stop", [...pairs].reverse().map(call("stop_bridge"))],
      ["status", pairs.map(call("status_bridge"))],
    ]),
  ];
}
