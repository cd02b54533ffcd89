import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseBridgePairs } from "../../src/script/bridge-pair.js";
import { generateNetworkWrapper } from "../../src/script/network-wrapper.js";

// Runs the iproute2 form for real, in a private network namespace (and a private /sys to match it), on
// two veth "NICs" with addresses and default routes. Needs root and unshare(1); skipped otherwise.
const canUnshare =
  process.getuid?.() === 0 && spawnSync("unshare", ["--net", "--mount", "true"]).status === 0 && spawnSync("ip", ["-V"]).status === 0;

const DRIVER = String.raw`
set -u
mount -t sysfs sysfs /sys
ip link set lo up
for i in 0 1; do
  ip link add eth$i type veth peer name peer$i
  ip link set eth$i up
  ip link set peer$i up
done
ip addr add 10.9.0.5/24 dev eth0
ip addr add 10.9.0.6/24 dev eth0
ip addr add fd00:9::5/64 dev eth0 nodad
ip route add default via 10.9.0.1
ip -6 route add default via fd00:9::1
ip addr add 10.8.0.5/24 dev eth1
snap() {
  echo "== $1"
  ip -o addr show scope global | awk '{print $2, $4}' | sort
  ip -4 route show default; ip -6 route show default | awk '{print $1, $2, $3, $4, $5}'
  for b in xenbr0 xenbr1; do
    [ -e /sys/class/net/$b ] && echo "$b ports: $(ip -o link show master $b | awk -F': ' '{print $2}' | sed 's/@.*//' | tr '\n' ' ')"
  done
  echo "mac-match: $( [ "$(cat /sys/class/net/xenbr0/address 2>/dev/null)" = "$(cat /sys/class/net/eth0/address)" ] && echo yes || echo no)"
}
snap before
sh "$1" start; echo "start rc=$?"; snap started
sh "$1" start; echo "start again rc=$?"; snap "started again"
sh "$1" status >/dev/null; echo "status rc=$?"
ip link set eth1 nomaster
sh "$1" status >/dev/null; echo "status with eth1 out rc=$?"
ip link set eth1 master xenbr1
sh "$1" stop; echo "stop rc=$?"; snap stopped
sh "$1" stop; echo "stop again rc=$?"
sh "$1" status >/dev/null; echo "status stopped rc=$?"
`;

// As root (how the tests run, here and in CI) a skip would only hide a missing unshare(1) or ip(8).
it.skipIf(process.getuid?.() !== 0)("as root, unshare and ip work, so the namespace test runs", () => {
  expect(canUnshare).toBe(true);
});

describe.skipIf(!canUnshare)("iproute2 wrapper in a network namespace", () => {
  it("builds, keeps, reports and removes two bridges, moving addresses, routes and MAC", () => {
    const pairs = parseBridgePairs(["xenbr0=eth0", "xenbr1=eth1"]);
    if (!pairs.ok) throw new Error(pairs.message);
    const dir = mkdtempSync(join(tmpdir(), "xencfg-netns-"));
    const wrapper = join(dir, "network-wrapper");
    writeFileSync(wrapper, generateNetworkWrapper({ form: "iproute2", pairs: pairs.pairs, scriptsDir: dir, wrapperPath: wrapper }));
    writeFileSync(join(dir, "driver.sh"), DRIVER);
    const run = spawnSync("unshare", ["--net", "--mount", "sh", join(dir, "driver.sh"), wrapper], { encoding: "utf8" });
    expect(run.stderr).toBe("");
    expect(run.stdout).toBe(`== before
eth0 10.9.0.5/24
eth0 10.9.0.6/24
eth0 fd00:9::5/64
eth1 10.8.0.5/24
default via 10.9.0.1 dev eth0 
default via fd00:9::1 dev eth0
mac-match: no
start rc=0
== started
xenbr0 10.9.0.5/24
xenbr0 10.9.0.6/24
xenbr0 fd00:9::5/64
xenbr1 10.8.0.5/24
default via 10.9.0.1 dev xenbr0 
default via fd00:9::1 dev xenbr0
xenbr0 ports: eth0 
xenbr1 ports: eth1 
mac-match: yes
start again rc=0
== started again
xenbr0 10.9.0.5/24
xenbr0 10.9.0.6/24
xenbr0 fd00:9::5/64
xenbr1 10.8.0.5/24
default via 10.9.0.1 dev xenbr0 
default via fd00:9::1 dev xenbr0
xenbr0 ports: eth0 
xenbr1 ports: eth1 
mac-match: yes
status rc=0
status with eth1 out rc=1
stop rc=0
== stopped
eth0 10.9.0.5/24
eth0 10.9.0.6/24
eth0 fd00:9::5/64
eth1 10.8.0.5/24
default via 10.9.0.1 dev eth0 
default via fd00:9::1 dev eth0
mac-match: no
stop again rc=0
status stopped rc=1
`);
  });
});
