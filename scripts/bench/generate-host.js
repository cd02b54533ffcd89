// The bench's input: an /etc/xen-like host of many guests, written the ways real hosts write them, and a
// large xend-config.sxp for parse throughput. Deterministic: a seeded PRNG (no Math.random), so two runs
// and two machines measure the same bytes.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/** sfc32: a small fast PRNG with a 128-bit state; seeded through splitmix32 so any integer seed works. */
export function seededRandom(seed) {
  let s = seed >>> 0;
  const split = () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
  let a = split(), b = split(), c = split(), d = split();
  return () => {
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) >>> 0;
    return t / 4294967296;
  };
}

const pick = (rnd, xs) => xs[Math.floor(rnd() * xs.length)];
const hex2 = (n) => n.toString(16).padStart(2, "0");

/**
 * The i-th MAC of the host, all distinct: an odd multiplier is a bijection on the 23 bits xend and libxl
 * draw at random (00:16:3e, fourth octet masked with 0x7f), so the addresses look random and never collide.
 */
export function benchMac(i) {
  const x = (Math.imul(i + 1, 0x5bd1e9) + 0x1234) & 0x7fffff;
  return `00:16:3e:${hex2(x >> 16)}:${hex2((x >> 8) & 0xff)}:${hex2(x & 0xff)}`;
}

const BRIDGES = ["xenbr0", "xenbr1"];
const ROLES = ["web", "db", "mail", "cache", "app", "build", "vpn", "mon"];

/** One guest cfg, in one of the shapes hand-written and tool-written hosts use. */
export function guestConfig(i, rnd, macIndex) {
  const q = rnd() < 0.5 ? '"' : "'";
  const s = (v) => `${q}${v}${q}`;
  const role = pick(rnd, ROLES);
  const name = `${role}${String(i).padStart(5, "0")}`;
  const hvm = rnd() < 0.2;
  const vifCount = 1 + Math.floor(rnd() * 3);
  const vifs = [];
  for (let k = 0; k < vifCount; k++) {
    const entries = [`mac=${benchMac(macIndex + k)}`, `bridge=${BRIDGES[k % 2]}`];
    // dom0 interface names are unique and at most 15 bytes: role, guest number, devid ("build9999.2").
    if (rnd() < 0.25) entries.push(`vifname=${role}${i}.${k}`);
    if (rnd() < 0.05) entries.push(`ip=10.${k}.${(i >> 8) & 0xff}.${i & 0xff}`);
    if (hvm) entries.push(...(rnd() < 0.5 ? ["type=ioemu"] : ["type=ioemu", "model=e1000"]));
    if (rnd() < 0.3) entries.reverse();
    vifs.push(s(entries.join(rnd() < 0.6 ? ", " : ",")));
  }
  const lines = [];
  if (rnd() < 0.4) lines.push("#  -*- mode: python; -*-");
  lines.push(`# ${name}: ${pick(rnd, ["public web server", "database", "mail relay", "build worker", "monitoring", "cache"])}.`);
  lines.push("");
  lines.push(`name = ${s(name)}`);
  if (hvm) {
    lines.push(`builder = ${s("hvm")}`);
    lines.push(`boot = ${s("c")}`);
  } else {
    lines.push(`kernel = ${s("/boot/vmlinuz-2.6.32-5-xen-amd64")}`);
    lines.push(`ramdisk = ${s("/boot/initrd.img-2.6.32-5-xen-amd64")}`);
    lines.push(`root = ${s("/dev/xvda2 ro")}`);
  }
  lines.push(`memory = ${pick(rnd, [256, 512, 1024, 2048, 4096])}`);
  lines.push(`vcpus${rnd() < 0.3 ? "   " : " "}= ${1 + Math.floor(rnd() * 4)}`);
  lines.push("");
  const disks = [s(`phy:/dev/vg0/${name}-disk,xvda2,w`), s(`phy:/dev/vg0/${name}-swap,xvda1,w`)];
  lines.push(`disk = [ ${disks.join(", ")} ]`);
  lines.push("");
  if (rnd() < 0.5) lines.push(`# ${vifCount === 1 ? "One NIC" : `${vifCount} NICs`}: public side on xenbr0, backend on xenbr1.`);
  if (vifCount > 1 && rnd() < 0.6) {
    // The multi-line style, sometimes with a trailing comma (xl allows both).
    const trailing = rnd() < 0.4 ? "," : "";
    lines.push(`vif = [ ${vifs.map((v, k) => (k === 0 ? v : `        ${v}`)).join(",\n")}${trailing}`);
    lines.push("      ]");
  } else {
    lines.push(`vif = [ ${vifs.join(", ")} ]${rnd() < 0.2 ? "  # keep the MACs: the DHCP server knows them" : ""}`);
  }
  lines.push("");
  lines.push(`on_poweroff = ${s("destroy")}`);
  lines.push(`on_reboot   = ${s("restart")}`);
  lines.push(`on_crash    = ${s("restart")}`);
  if (!hvm && rnd() < 0.5) lines.push(`extra = ${s("console=hvc0 xencons=tty")}`);
  return { name, text: `${lines.join("\n")}\n`, vifCount };
}

/** The host's own xend-config.sxp: the stock shape, two bridges through a network-wrapper. */
const HOST_XEND = `# -*- sh -*-
# Xend configuration: two NICs, eth0 (public) on xenbr0 and eth1 (backend) on xenbr1.
(logfile /var/log/xen/xend.log)
(loglevel INFO)
(xend-unix-server yes)
(xend-relocation-server no)
(xend-relocation-hosts-allow '^localhost$ ^localhost\\\\.localdomain$')

# network-bridge brings up one bridge per call, so a wrapper calls it once per NIC.
(network-script network-wrapper)
(vif-script vif-bridge)

#(network-script network-route)
#(vif-script     vif-route)

(dom0-min-mem 512)
(enable-dom0-ballooning yes)
(dom0-cpus 0)
(vnc-listen '127.0.0.1')
`;

const SCRIPTS = {
  "network-wrapper": `#!/bin/sh
dir=$(dirname "$0")
"$dir/network-bridge" "$@" vifnum=0 netdev=eth0 bridge=xenbr0
"$dir/network-bridge" "$@" vifnum=1 netdev=eth1 bridge=xenbr1
`,
  "network-bridge": "#!/bin/sh\n# stand-in for Xen's network-bridge\nexit 0\n",
  "vif-bridge": "#!/bin/sh\n# stand-in for Xen's vif-bridge\nexit 0\n",
};

// Directive shapes of the stock files (tools/examples/xend-config.sxp, Xen 3.0 to 4.4), both quote styles,
// one multi-line. No comment follows a directive on its line: Augeas' Xendconfsxp lens refuses that, and
// the same file is its input.
const SXP_SHAPES = [
  (i) => `(logfile /var/log/xen/xend-${i}.log)`,
  () => "(loglevel DEBUG)",
  () => "(xend-http-server no)",
  () => "(xend-unix-server yes)",
  (i) => `(xend-relocation-port ${8000 + (i % 1000)})`,
  () => `(xend-relocation-hosts-allow '^localhost$ ^localhost\\\\.localdomain$')`,
  (i) => `(network-script 'network-bridge bridge=xenbr${i % 4} netdev=eth${i % 4}')`,
  () => "(vif-script vif-bridge)",
  (i) => `(dom0-min-mem ${196 + (i % 7) * 64})`,
  () => "(enable-dom0-ballooning yes)",
  () => '(vnc-listen "127.0.0.1")',
  () => "(xen-api-server ((9363 pam '^localhost$ example\\\\.com$')\n                 (unix none)))",
  (i) => `(xend-address "10.0.${(i >> 8) & 0xff}.${i & 0xff}")`,
  () => "(keymap 'en-us')",
];

/**
 * A large xend-config.sxp: `directives` directives in the stock shapes, with a comment line before every
 * few of them. 10,000 directives make about 470 KB.
 */
export function largeXendConfig(directives, rnd) {
  const out = ["# xend-config.sxp, generated for the xencfg bench (large, for parse throughput).", ""];
  for (let i = 0; i < directives; i++) {
    if (rnd() < 0.55) out.push(`# ${pick(rnd, ["network setup", "relocation", "dom0 resources", "logging", "console"])} (${i})`);
    out.push(pick(rnd, SXP_SHAPES)(i));
    if (rnd() < 0.1) out.push("");
  }
  return `${out.join("\n")}\n`;
}

/**
 * Writes `<dir>/host/etc/xen` (xend-config.sxp, scripts/, `guests` guest files) and
 * `<dir>/large/etc/xen/xend-config.sxp` (`sxpDirectives` directives). Returns the paths and sizes.
 */
export function generateHost(dir, { guests = 10_000, sxpDirectives = 10_000, seed = 7 } = {}) {
  const rnd = seededRandom(seed);
  const etc = join(dir, "host", "etc", "xen");
  mkdirSync(join(etc, "scripts"), { recursive: true });
  writeFileSync(join(etc, "xend-config.sxp"), HOST_XEND);
  for (const [name, text] of Object.entries(SCRIPTS)) writeFileSync(join(etc, "scripts", name), text, { mode: 0o755 });
  let guestBytes = 0;
  let macIndex = 0;
  let firstGuest;
  for (let i = 0; i < guests; i++) {
    const g = guestConfig(i, rnd, macIndex);
    macIndex += g.vifCount;
    const path = join(etc, `${g.name}.cfg`);
    writeFileSync(path, g.text);
    guestBytes += Buffer.byteLength(g.text);
    firstGuest ??= path;
  }
  const largeDir = join(dir, "large", "etc", "xen");
  mkdirSync(largeDir, { recursive: true });
  const large = largeXendConfig(sxpDirectives, rnd);
  const largeSxp = join(largeDir, "xend-config.sxp");
  writeFileSync(largeSxp, large);
  return {
    hostDir: etc,
    oneGuest: firstGuest,
    guests,
    vifs: macIndex,
    guestBytes,
    largeRoot: join(dir, "large"),
    largeSxp,
    largeSxpBytes: Buffer.byteLength(large),
    sxpDirectives,
  };
}

/**
 * Writes `<dir>/etc/xen` with `guests` copies of one guest file: one name, one MAC, one vifname and a
 * bridge nothing builds. The worst case for the checks that compare guests with each other (every guest
 * collides with every other), and a real one: a template copied around without editing it.
 */
export function generateClonedHost(dir, guests) {
  const etc = join(dir, "etc", "xen");
  mkdirSync(join(etc, "scripts"), { recursive: true });
  writeFileSync(join(etc, "xend-config.sxp"), HOST_XEND);
  for (const [name, text] of Object.entries(SCRIPTS)) writeFileSync(join(etc, "scripts", name), text, { mode: 0o755 });
  const text = `# copied from the template and never edited\nname = "template"\nmemory = 512\nvif = [ 'mac=00:16:3e:00:00:01, bridge=xenbr9, vifname=tmpl0' ]\n`;
  for (let i = 0; i < guests; i++) writeFileSync(join(etc, `clone${String(i).padStart(5, "0")}.cfg`), text);
  return { hostDir: etc, guests };
}

// `node scripts/bench/generate-host.js DIR [--guests N] [--sxp-directives N] [--seed N]`: writes the host
// only, for profiling by hand.
if (import.meta.url === `file://${process.argv[1]}`) {
  const [dir, ...rest] = process.argv.slice(2);
  if (!dir) {
    process.stderr.write("usage: generate-host.js DIR [--guests N] [--sxp-directives N] [--seed N]\n");
    process.exit(2);
  }
  const opt = (name, d) => {
    const k = rest.indexOf(name);
    return k === -1 ? d : Number(rest[k + 1]);
  };
  const info = generateHost(dir, { guests: opt("--guests", 10_000), sxpDirectives: opt("--sxp-directives", 10_000), seed: opt("--seed", 7) });
  process.stdout.write(`${JSON.stringify(info, null, 2)}\n`);
}
