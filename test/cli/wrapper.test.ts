import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "../core/corpus-files.js";
import { runCli } from "./run-cli.js";

const golden = (name: string) => readFileSync(join(ROOT, "test/fixtures/wrapper", name, "output.sh"), "utf8");
const TWO = ["--bridge", "xenbr0=eth0", "--bridge", "xenbr1=eth1"];
// Tests never read the machine's own /etc/xen/xend-config.sxp.
const NO_HOST = ["--xend-config", ""];

describe("xencfg wrapper", () => {
  it("prints the network-bridge form by default, with a note about Xen 4.1", async () => {
    const r = await runCli(["wrapper", ...TWO, ...NO_HOST]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(golden("network-bridge-two"));
    expect(r.stderr).toBe(
      "xencfg wrapper: note: this wrapper calls network-bridge, which builds only the first bridge on Xen 4.1 and later; for those pass --xen VERSION or --form iproute2\n",
    );
  });

  it.each([
    ["3.0", "network-bridge-two"],
    ["4.0.4", "network-bridge-two"],
    ["3.2", "network-bridge-two"],
    ["4.1", "iproute2-two"],
    ["4.4", "iproute2-two"],
  ])("--xen %s picks the form that works there", async (xen, expected) => {
    const r = await runCli(["wrapper", ...TWO, "--xen", xen, ...NO_HOST]);
    expect(r).toEqual({ code: 0, stdout: golden(expected), stderr: "" });
  });

  it.each(["4.11", "xl"])("--xen %s (no xend): the iproute2 form and a note that nothing runs it", async (xen) => {
    const r = await runCli(["wrapper", ...TWO, "--xen", xen, ...NO_HOST]);
    expect(r.stdout).toBe(golden("iproute2-two"));
    expect(r.stderr).toMatch(new RegExp(`Xen ${xen.replace(".", "\\.")} has no xend, so nothing runs a network-script`));
  });

  it.each(["2.0", "1.0"])("--xen %s (before 3.0, which xencfg does not know) is refused", async (xen) => {
    expect(await runCli(["wrapper", ...TWO, "--xen", xen, ...NO_HOST])).toMatchObject({ code: 2, stdout: "", stderr: `xencfg: --xen ${xen}: xencfg knows Xen from 3.0 on: 3.0 to 4.4 (xend), 4.5 and later or xl (xl only)\n` });
  });

  it("-o writes the file atomically with mode 0755; --print-directive prints the xend line", async () => {
    const dir = mkdtempSync(join(tmpdir(), "xencfg-wrapper-cli-"));
    const file = join(dir, "network-wrapper");
    // An old wrapper in place: an atomic write replaces it by rename (a new inode), never in place.
    writeFileSync(file, "#!/bin/sh\nexit 0\n", { mode: 0o700 });
    const old = statSync(file).ino;
    const r = await runCli(["wrapper", ...TWO, "--xen", "4.1", "--scripts-dir", dir, "-o", file, "--print-directive", ...NO_HOST]);
    expect(r).toEqual({ code: 0, stdout: "(network-script network-wrapper)\n", stderr: "" });
    expect(statSync(file).ino).not.toBe(old);
    expect(readdirSync(dir)).toEqual(["network-wrapper"]);
    expect(statSync(file).mode & 0o7777).toBe(0o755);
    expect(spawnSync("sh", ["-n", file]).status).toBe(0);
    expect(spawnSync("shellcheck", ["-s", "sh", file]).status).toBe(0);
    expect(readFileSync(file, "utf8")).toContain(`# xend-config.sxp: (network-script network-wrapper)`);
  });

  it("-o outside the scripts folder: the directive names the absolute path; relative -o is resolved", async () => {
    const dir = mkdtempSync(join(tmpdir(), "xencfg-wrapper-cli-"));
    const r = await runCli(["wrapper", "--bridge", "br0=eth0", "--xen", "4.1", "-o", "xen-bridges", "--print-directive", ...NO_HOST], { cwd: dir });
    expect(r).toEqual({ code: 0, stdout: `(network-script ${join(dir, "xen-bridges")})\n`, stderr: "" });
  });

  it("--print-directive without -o keeps stdout for the script and puts the line on stderr", async () => {
    const r = await runCli(["wrapper", ...TWO, "--form", "iproute2", "--print-directive", ...NO_HOST]);
    expect(r.stdout).toBe(golden("iproute2-two"));
    expect(r.stderr).toBe("xend-config.sxp: (network-script network-wrapper)\n");
  });

  describe("checks the host's network-script directive", () => {
    const sxp = (text: string) => {
      const dir = mkdtempSync(join(tmpdir(), "xencfg-wrapper-xend-"));
      writeFileSync(join(dir, "xend-config.sxp"), text);
      return join(dir, "xend-config.sxp");
    };

    it("warns about the seed article's mismatch: saved as network-wrapper, called as network-bridge-wrapper", async () => {
      const file = sxp("(vif-script vif-bridge)\n(network-script network-bridge-wrapper)\n");
      const r = await runCli(["wrapper", ...TWO, "--xen", "4.0", "--xend-config", file]);
      expect(r.code).toBe(0);
      expect(r.stdout).toBe(golden("network-bridge-two"));
      expect(r.stderr).toBe(
        `${file}:2:17: warning: network-script names 'network-bridge-wrapper', but the wrapper is /etc/xen/scripts/network-wrapper: xend would not run it. ` +
          "Change the directive to (network-script network-wrapper), or write the wrapper as /etc/xen/scripts/network-bridge-wrapper\n",
      );
    });

    it("is quiet when the directive names the wrapper", async () => {
      const file = sxp("(network-script network-wrapper)\n");
      expect((await runCli(["wrapper", ...TWO, "--xen", "4.0", "--xend-config", file])).stderr).toBe("");
      const quoted = sxp("(network-script 'network-bridge-wrapper')\n");
      const r = await runCli(["wrapper", ...TWO, "--xen", "4.0", "--xend-config", quoted, "-o", "/dev/null/x"]);
      expect(r.stderr).toMatch(/names 'network-bridge-wrapper', but the wrapper is \/dev\/null\/x/);
    });

    it("warns when there is no network-script, or when it passes arguments the wrapper ignores", async () => {
      const none = sxp("(vif-script vif-bridge)\n");
      expect((await runCli(["wrapper", ...TWO, "--xen", "4.0", "--xend-config", none])).stderr).toBe(
        `${none}: warning: there is no (network-script ...) directive, so xend runs no network script; add (network-script network-wrapper)\n`,
      );
      const args = sxp("(network-script 'network-wrapper netdev=eth0')\n");
      expect((await runCli(["wrapper", ...TWO, "--xen", "4.0", "--xend-config", args])).stderr).toMatch(
        /:1:18: warning: network-script passes 'netdev=eth0' to the wrapper, which ignores them/,
      );
    });

    it("a named xend config that cannot be read exits 2", async () => {
      const r = await runCli(["wrapper", ...TWO, "--xen", "4.0", "--xend-config", "/nonexistent/xend-config.sxp"]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/--xend-config \/nonexistent\/xend-config\.sxp: cannot read it \(ENOENT\)/);
    });
  });

  // Hostile and malformed arguments: exit 2, nothing on stdout, a message naming the argument.
  it.each([
    [["--bridge", "xenbr0"], /--bridge "xenbr0": expected BRIDGE=NETDEV/],
    [["--bridge", "xen br=eth0"], /--bridge "xen br=eth0": the bridge name "xen br" contains " ": Linux refuses whitespace/],
    [["--bridge", "xenbr0=eth0;reboot"], /--bridge "xenbr0=eth0;reboot": the NIC name "eth0;reboot" contains ";"/],
    [["--bridge", "$(reboot)=eth0"], /--bridge "\$\(reboot\)=eth0": the bridge name "\$\(reboot\)" contains "\$"/],
    [["--bridge", "xenbr0=`id`"], /the NIC name "`id`" contains "`": quotes/],
    [["--bridge", "xenbr0='eth0'"], /the NIC name "'eth0'" contains "'"/],
    [["--bridge", "xenbr0=eth0\nreboot"], /the NIC name "eth0\\nreboot" contains a control character \(U\+000A\)/],
    [["--bridge", "../x=eth0"], /the bridge name "..\/x" contains "\/"/],
    [["--bridge", "..=eth0"], /the bridge name ".." is not an interface name/],
    [["--bridge", "averyveryverylongbridge=eth0"], /is 23 bytes long; Linux interface names have at most 15/],
    [["--bridge", "xenbr0=eth0", "--bridge", "xenbr0=eth1"], /--bridge "xenbr0=eth1": "xenbr0" is already used by --bridge "xenbr0=eth0"/],
    [["--bridge", "xenbr0=eth0", "--bridge", "xenbr1=eth0"], /--bridge "xenbr1=eth0": "eth0" is already used/],
    [["--bridge", "xenbr0=abcdefghijklmno", "--form", "network-bridge"], /renames the NIC "abcdefghijklmno" to "pabcdefghijklmno"/],
    [[], /name at least one bridge/],
    [["--bridge", "xenbr0=eth0", "--form", "network-bridge", "--xen", "4.1"], /--form network-bridge does not work on Xen 4\.1/],
    [["--bridge", "xenbr0=eth0", "--xen", "four"], /--xen "four": expected a version such as 3\.0, 4\.0, 4\.1 or xl/],
    [["--bridge", "xenbr0=eth0", "--xen", "4.0", "--scripts-dir", "etc/xen/scripts"], /--scripts-dir: "etc\/xen\/scripts" is not an absolute path/],
    [["--bridge", "xenbr0=eth0", "--xen", "4.0", "-o", "/tmp/my wrapper"], /-o: "\/tmp\/my wrapper" contains " "/],
  ])("refuses %j with exit 2", async (argv, message) => {
    const r = await runCli(["wrapper", ...argv, ...NO_HOST]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(message);
  });

  it("an -o it cannot write exits 2 and leaves nothing behind", async () => {
    const r = await runCli(["wrapper", ...TWO, "--xen", "4.1", "-o", "/nonexistent-dir/network-wrapper", ...NO_HOST]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/cannot write \/nonexistent-dir\/network-wrapper/);
  });
});
