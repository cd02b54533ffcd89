import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseDomainConfig, parseXendConfig } from "../../src/index.js";
import { CORPUS } from "./corpus-files.js";

const read = (p: string) => readFileSync(join(CORPUS, p), "utf8");

/** Replaces exactly one occurrence, so each expectation states the one span an edit may touch. */
function once(text: string, from: string, to: string): string {
  const at = text.indexOf(from);
  expect(at, `fixture text ${JSON.stringify(from)}`).toBeGreaterThanOrEqual(0);
  expect(text.indexOf(from, at + 1)).toBe(-1);
  return text.slice(0, at) + to + text.slice(at + from.length);
}

describe("edits on guest files from the corpus", () => {
  const file = "libvirt/xl/test-vif-rate.cfg";
  const text = read(file);
  const doc = parseDomainConfig(text, { file });

  it("the fixture has the vif this suite edits", () => {
    expect(doc.vifs.map((v) => v.spec)).toEqual(["mac=00:16:3e:66:92:9c,bridge=xenbr1,script=vif-bridge,model=e1000,rate=10240KB/s"]);
  });

  it("sets an existing key by replacing only its value", () => {
    const out = doc.setVifKey(0, "bridge", "xenbr2").toString();
    expect(out).toBe(once(text, "bridge=xenbr1,script", "bridge=xenbr2,script"));
  });

  it("adds a missing key with the spec's own separator", () => {
    const out = doc.setVifKey(0, "vifname", "web0").toString();
    expect(out).toBe(once(text, "rate=10240KB/s\"", "rate=10240KB/s,vifname=web0\""));
  });

  it("removes a key with its separator", () => {
    const out = doc.removeVifKey(0, "script").toString();
    expect(out).toBe(once(text, ",script=vif-bridge", ""));
  });

  it("adds a vif in the file's quote style after the last one", () => {
    const out = doc.addVif("bridge=xenbr0").toString();
    expect(out).toBe(once(text, "rate=10240KB/s\" ]", "rate=10240KB/s\", \"bridge=xenbr0\" ]"));
    expect(parseDomainConfig(out).vifs.map((v) => v.devid)).toEqual([0, 1]);
  });

  it("sets and removes settings, leaving every other line alone", () => {
    expect(doc.setSetting("memory", "1024").toString()).toBe(once(text, "memory = 394", "memory = 1024"));
    expect(doc.removeSetting("viridian").toString()).toBe(once(text, "viridian = 0\n", ""));
    expect(doc.setSetting("vcpus_max", "4").toString()).toBe(text + "vcpus_max = 4\n");
  });

  it("escapes a value for the string's quote", () => {
    const single = parseDomainConfig("vif = [ 'bridge=xenbr0' ]\n");
    expect(single.setVifKey(0, "script", "it's").toString()).toBe("vif = [ 'bridge=xenbr0, script=it\\'s' ]\n");
    expect(single.setVifKey(0, "script", "it's").vifs[0]!.get("script")).toBe("it's");
  });

  it("refuses values that cannot live in a vif spec", () => {
    expect(() => doc.setVifKey(0, "bridge", "a,b")).toThrow(RangeError);
    expect(() => doc.setVifKey(3, "bridge", "x")).toThrow(/no vif with devid 3/);
  });
});

describe("vif list layouts", () => {
  it("a multi-line list gets the new entry on its own line, trailing comma kept", () => {
    const text = "vif = [\n    'bridge=xenbr0',   # front\n    'bridge=xenbr1',\n]\n";
    expect(parseDomainConfig(text).addVif("bridge=xenbr2").toString()).toBe("vif = [\n    'bridge=xenbr0',   # front\n    'bridge=xenbr1',\n    'bridge=xenbr2',\n]\n");
  });

  it("an empty list and a missing vif setting", () => {
    expect(parseDomainConfig('name = "a"\nvif = []\n').addVif("bridge=br0").toString()).toBe("name = \"a\"\nvif = ['bridge=br0']\n".replace("'bridge=br0'", '"bridge=br0"'));
    expect(parseDomainConfig("memory = 512").addVif("bridge=br0").toString()).toBe("memory = 512\nvif = [ 'bridge=br0' ]\n");
  });

  it("a one-key spec takes the separator the file's other specs use", () => {
    const doc = parseDomainConfig("vif = [ 'bridge=a,mac=00:16:3e:00:00:01', 'bridge=b' ]\n");
    expect(doc.setVifKey(1, "mac", "00:16:3e:00:00:02").toString()).toBe("vif = [ 'bridge=a,mac=00:16:3e:00:00:01', 'bridge=b,mac=00:16:3e:00:00:02' ]\n");
  });

  it("an empty spec gets its first key without a separator", () => {
    expect(parseDomainConfig("vif = [ '' ]\n").setVifKey(0, "mac", "00:16:3e:00:00:01").toString()).toBe("vif = [ 'mac=00:16:3e:00:00:01' ]\n");
  });

  it("vif += appends interfaces after the ones before it", () => {
    const doc = parseDomainConfig("vif = [ 'bridge=a' ]\nvif += [ 'bridge=b' ]\n");
    expect(doc.vifs.map((v) => [v.devid, v.bridge])).toEqual([[0, "a"], [1, "b"]]);
    expect(doc.setVifKey(1, "bridge", "c").toString()).toBe("vif = [ 'bridge=a' ]\nvif += [ 'bridge=c' ]\n");
  });

  it("CRLF files keep CRLF on inserted lines", () => {
    expect(parseDomainConfig("memory = 512\r\n").setSetting("vcpus", "2").toString()).toBe("memory = 512\r\nvcpus = 2\r\n");
  });
});

describe("edits on xend-config.sxp from the corpus", () => {
  const file = "xen/xend-config.sxp.xen-3.0.0";
  const text = read(file);
  const doc = parseXendConfig(text, { file });

  it("points network-script at a wrapper, changing only that directive's value", () => {
    expect(doc.networkScript?.script).toBe("network-bridge");
    const out = doc.setScriptCall("network-script", "network-wrapper");
    expect(out.toString()).toBe(once(text, "\n(network-script network-bridge)\n", "\n(network-script network-wrapper)\n"));
  });

  it("writes arguments as one quoted string, as xend needs", () => {
    const out = doc.setScriptCall("network-script", "network-bridge", [["bridge", "xenbr1"], ["netdev", "eth1"]]);
    expect(out.toString()).toBe(once(text, "\n(network-script network-bridge)\n", "\n(network-script 'network-bridge bridge=xenbr1 netdev=eth1')\n"));
    expect(out.networkScript?.args.map((a) => [a.key, a.value])).toEqual([["bridge", "xenbr1"], ["netdev", "eth1"]]);
    expect(out.slice(out.networkScript!.args[1]!.valueSpan!)).toBe("eth1");
  });

  it("adds a missing directive after the last one and removes one with its line", () => {
    const added = doc.setDirective("console-limit", "2048");
    expect(added.directive("console-limit")?.value).toBe(2048);
    expect(added.toString()).toBe(once(text, "(dom0-cpus 0)\n", "(dom0-cpus 0)\n(console-limit 2048)\n"));
    const removed = doc.removeDirective("vif-script");
    expect(removed.toString()).toBe(once(text, "\n(vif-script vif-bridge)\n", "\n"));
  });
});

describe("typed views as JSON", () => {
  // Settings, directives and vif entries read through to their nodes; their JSON keeps the plain shape.
  it("a setting, a directive and a vif entry serialise with the fields they read as", () => {
    const guest = parseDomainConfig("name = 'a'\nvif = [ 'mac=00:16:3e:00:00:01' ]\n");
    expect(JSON.parse(JSON.stringify(guest.settings[0]))).toMatchObject({ name: "name", op: "=", value: "a", span: { start: 0, end: 10 }, nameSpan: { start: 0, end: 4 } });
    expect(JSON.parse(JSON.stringify(guest.vifs[0]!.entries[0]))).toEqual({ key: "mac", value: "00:16:3e:00:00:01", span: { start: 20, end: 41 }, keySpan: { start: 20, end: 23 }, valueSpan: { start: 24, end: 41 } });
    const xend = parseXendConfig("(vif-script vif-bridge)\n");
    expect(JSON.parse(JSON.stringify(xend.directives[0]))).toMatchObject({ name: "vif-script", value: "vif-bridge", nameSpan: { start: 1, end: 11 }, span: { start: 0, end: 23 } });
  });
});
