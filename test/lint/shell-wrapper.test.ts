import fc from "fast-check";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { isKnown, readWrapper, type WrapperReading } from "../../src/lint/shell-wrapper.js";

const fixture = (name: string) => readFileSync(new URL(`../fixtures/wrapper/${name}/output.sh`, import.meta.url), "utf8");

/** The reading as short strings: `nb bridge=xenbr0 netdev=eth0 @3`, `ip br0 @5`, `? @2 why`. */
function summary(r: WrapperReading): string[] {
  return [
    ...r.events.map((e) =>
      e.kind === "bridge"
        ? `${e.how} ${e.name} @${e.line}`
        : ["nb", ...[...e.args].map(([k, v]) => `${k}=${isKnown(v) ? v : "?"}`), ...(e.opaqueArgs ? ["(opaque)"] : []), `@${e.line}`].join(" "),
    ),
    ...r.unknowns.map((u) => `? ${u.script}@${u.line} ${u.why}`),
  ];
}

const read = (text: string, scripts: Record<string, string> = {}, args: string[] = []) => summary(readWrapper("network-wrapper", text, new Map(Object.entries(scripts)), args));

describe("readWrapper", () => {
  it("reads xencfg's network-bridge form: start|status calls, not the stop branch", () => {
    expect(summary(readWrapper("w", fixture("network-bridge-two")))).toEqual([
      "nb vifnum=0 netdev=eth0 bridge=xenbr0 @23",
      "nb vifnum=1 netdev=eth1 bridge=xenbr1 @24",
    ]);
    expect(summary(readWrapper("w", fixture("network-bridge-odd-names")))).toEqual([
      "nb vifnum=0 netdev=eth0.100 bridge=br.100 @23",
      "nb vifnum=1 netdev=eth0.200 bridge=br_200 @24",
      "nb vifnum=2 netdev=bond0 bridge=br+3 @25",
      "nb vifnum=3 netdev=eno1 bridge=v@x @26",
    ]);
  });

  it("reads xencfg's iproute2 form through its shell functions", () => {
    const lines = fixture("iproute2-two").split("\n");
    const add = lines.findIndex((l) => l.includes('ip link add name "$sb_bridge" type bridge')) + 1;
    expect(add).toBeGreaterThan(0);
    expect(summary(readWrapper("w", fixture("iproute2-two")))).toEqual([`ip xenbr0 @${add}`, `ip xenbr1 @${add}`]);
  });

  it("reads the seed article's wrapper and the samples' one", () => {
    expect(read("#!/bin/sh\n/etc/xen/scripts/network-bridge $1 netdev=eth0 bridge=xenbr0\n/etc/xen/scripts/network-bridge $1 netdev=eth1 bridge=xenbr1\n")).toEqual([
      "nb netdev=eth0 bridge=xenbr0 @2",
      "nb netdev=eth1 bridge=xenbr1 @3",
    ]);
    const sample = readFileSync(new URL("../../samples/two-nic/etc/xen/scripts/network-wrapper", import.meta.url), "utf8");
    expect(summary(readWrapper("network-wrapper", sample))).toEqual(["nb vifnum=0 netdev=eth0 bridge=xenbr0 @5", "nb vifnum=1 netdev=eth1 bridge=xenbr1 @6"]);
  });

  it("follows variables, defaults, ${0%/*}, sh, exec and for loops", () => {
    const text = [
      "#!/bin/bash",
      "XEN=${XEN_SCRIPTS:-/etc/xen/scripts}",
      "here=${0%/*}",
      'for i in 0 1; do "$XEN/network-bridge" "$@" vifnum=$i netdev=eth$i bridge=xenbr$i; done',
      "sh $here/network-bridge start netdev=eth2 bridge=xenbr2",
      "exec /etc/xen/scripts/network-bridge \"$1\" netdev=eth3 \\",
      "    bridge=xenbr3",
    ].join("\n");
    expect(read(text)).toEqual([
      "nb vifnum=0 netdev=eth0 bridge=xenbr0 @4",
      "nb vifnum=1 netdev=eth1 bridge=xenbr1 @4",
      "nb netdev=eth2 bridge=xenbr2 @5",
      "nb netdev=eth3 bridge=xenbr3 @6",
    ]);
  });

  it("reads brctl, ip and ovs-vsctl bridges and ignores other links", () => {
    const text = "brctl addbr br-int\nip link add link eth0 name eth0.10 type vlan id 10\nip -4 link add dev br10 type bridge\novs-vsctl -- --may-exist add-br ovsbr0\nip link add name veth0 type veth peer name veth1\n";
    expect(read(text)).toEqual(["brctl br-int @1", "ip br10 @3", "ovs-vsctl ovsbr0 @4"]);
  });

  it("records the ports the wrapper enslaves to its own bridges", () => {
    const ports = (text: string) => readWrapper("w", text).events.map((e) => (e.kind === "bridge" ? `${e.name}:${e.ports.join("+")}` : "nb"));
    expect(ports("brctl addbr br0\nbrctl addif br0 eth0 eth9\nip link add name br1 type bridge\nip link set dev eth1 master br1\nip l s eth2 up master br1\n")).toEqual(["br0:eth0+eth9", "br1:eth1+eth2"]);
    // xencfg's iproute2 wrapper: start_bridge BRIDGE NIC, a shell function.
    const own = 'start_bridge() {\n  b=$1 n=$2\n  ip link add name "$b" type bridge\n  ip link set dev "$n" master "$b"\n}\nstart_bridge xenbr0 eth0\nstart_bridge xenbr1 eth1\n';
    expect(ports(own)).toEqual(["xenbr0:eth0", "xenbr1:eth1"]);
    // Not ours, unresolvable, or `nomaster`: nothing recorded.
    expect(ports('ip link set eth0 master br9\nbrctl addbr br0\nip link set "$(pick)" master br0\nip link set eth1 nomaster\n')).toEqual(["br0:"]);
  });

  it("passes the directive's own arguments as \"$@\"", () => {
    expect(read('#!/bin/sh\n/etc/xen/scripts/network-bridge "$@"\n', {}, ["netdev=eth1", "bridge=br1"])).toEqual(["nb netdev=eth1 bridge=br1 @2"]);
  });

  it("skips case branches start cannot take, comments and here-documents", () => {
    const text = [
      'case "$1" in',
      "  stop|status) ip link add brstop type bridge ;;",
      "  start)",
      "    # ip link add commented type bridge",
      "    cat <<EOF",
      "ip link add heredoc type bridge",
      "EOF",
      "    ip link add brstart type bridge ;;",
      "esac",
    ].join("\n");
    expect(read(text)).toEqual(["ip brstart @8"]);
  });

  it("follows other scripts of the folder, called or sourced, and ignores Xen's helper libraries", () => {
    const scripts = { "more-bridges": "#!/bin/sh\nbrctl addbr br-$2\n", "lib.sh": "B=br-lib\n" };
    const text = '. "$(dirname "$0")/xen-network-common.sh"\n. /etc/xen/scripts/lib.sh\nbrctl addbr "$B"\n"$(dirname "$0")/more-bridges" start dmz\n';
    expect(read(text, scripts)).toEqual(["brctl br-lib @3", "brctl br-dmz @2"]);
  });

  it("records what it cannot follow", () => {
    const text = [
      "ifup br0",
      "systemctl restart networking",
      "brctl addbr $NAME",
      '/etc/xen/scripts/network-bridge start $EXTRA',
      "/opt/site/bin/mkbridges",
      '. /etc/default/xen-bridges',
      'sh -c "brctl addbr x"',
      "$TOOL up",
    ].join("\n");
    expect(read(text)).toEqual([
      "nb (opaque) @4",
      "? network-wrapper@1 runs ifup, which may bring up bridges xencfg cannot see",
      "? network-wrapper@2 runs systemctl, which may bring up bridges xencfg cannot see",
      "? network-wrapper@3 builds a bridge whose name xencfg cannot resolve (brctl)",
      "? network-wrapper@5 runs /opt/site/bin/mkbridges, which xencfg cannot read",
      "? network-wrapper@6 reads /etc/default/xen-bridges, which xencfg cannot follow",
      "? network-wrapper@7 runs a command string (sh -c), which xencfg does not read",
      "? network-wrapper@8 runs a command xencfg cannot resolve (…)",
    ]);
  });

  it("takes a command it does not know for one that may build bridges", () => {
    expect(read("mkbridges --all\npython3 /opt/net.py\necho br0 | xargs -r brctl addbr\nenv LANG=C timeout 5 logger started\n")).toEqual([
      "? network-wrapper@1 runs mkbridges, which xencfg does not know",
      "? network-wrapper@2 runs python3, which xencfg does not know",
      "? network-wrapper@3 builds a bridge whose name xencfg cannot resolve (brctl)",
    ]);
  });

  it("reads create_bridge of Xen's xen-network-common.sh", () => {
    expect(read('. "$(dirname "$0")/xen-network-common.sh"\ncreate_bridge xenbr1\n')).toEqual(["brctl xenbr1 @2"]);
  });

  it("does not loop forever on recursion", () => {
    expect(read("f() { f; }\nf\n")).toEqual(["? network-wrapper@1 calls f too deeply to follow"]);
    // Two scripts of the folder calling each other: followed into b, stopped where b calls the wrapper
    // again. (A ./network-wrapper call is never followed at all, so it tested no recursion.)
    const a = "/etc/xen/scripts/b start\n";
    const b = "/etc/xen/scripts/network-wrapper start\n";
    const r = readWrapper("network-wrapper", a, new Map([["network-wrapper", a], ["b", b]]));
    expect(r.events).toEqual([]);
    expect(r.unknowns.map((u) => [u.script, u.line])).toEqual([["b", 1]]);
    expect(r.unknowns[0]!.why).toBe("runs network-wrapper, and the scripts call each other too deeply to follow");
  });
});

describe("readWrapper on any text", () => {
  // Scripts are input like any other: whatever is in scripts/, reading it must end and never throw.
  const shellish = fc.array(
    fc.constantFrom("a", "b", "x=", "$", "{", "}", "(", ")", "'", '"', "`", "\\", "\n", " ", ";", ";;", "|", "&", "<", "<<", ">", "#", "*", "case ", " in ", "esac", "for ", "do", "done", "if ", "then", "fi", "f()", "$(", "${", ":-", "%/*", "0", "1", "@", "network-bridge ", "ip link add ", " type bridge", "brctl addbr ", ". ", "sh -c "),
    { maxLength: 80 },
  ).map((parts) => parts.join(""));

  it("ends without throwing and reports lines inside the text", () => {
    fc.assert(
      fc.property(shellish, (text) => {
        const r = readWrapper("w", text, new Map([["w", text]]));
        const lines = text.split("\n").length;
        for (const e of [...r.events, ...r.unknowns]) {
          expect(e.line).toBeGreaterThanOrEqual(1);
          expect(e.line).toBeLessThanOrEqual(lines);
        }
      }),
      { numRuns: 500 },
    );
    fc.assert(fc.property(fc.string({ maxLength: 200 }), (text) => void readWrapper("w", text)), { numRuns: 300 });
  });
});
