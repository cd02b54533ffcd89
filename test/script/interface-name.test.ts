import { describe, expect, it } from "vitest";
import { validateInterfaceName } from "../../src/script/interface-name.js";

describe("validateInterfaceName", () => {
  it.each(["eth0", "xenbr0", "br-lan", "eth0.100", "enp3s0f1", "bond0", "a", "vif1.0", "x_y", "br+1", "v@x", "abcdefghijklmno"])(
    "accepts %j",
    (name) => {
      expect(validateInterfaceName(name)).toEqual({ ok: true, name });
    },
  );

  // The hostile names: each must be refused, and the message must say why.
  it.each([
    ["", /is empty/],
    [".", /'\.' and '\.\.'/],
    ["..", /'\.' and '\.\.'/],
    ["abcdefghijklmnop", /16 bytes long; Linux interface names have at most 15/],
    ["ethé0123456789", /"é" \(U\+00E9\)/],
    ["br/0", /'\/'/],
    ["../../etc", /'\/'/],
    ["eth0:1", /':'/],
    ["xen br", /whitespace/],
    ["xen\tbr", /control character \(U\+0009\)/],
    ["br\n0", /control character \(U\+000A\)/],
    ["br\r", /control character \(U\+000D\)/],
    ["br\0", /control character \(U\+0000\)/],
    ["br\x1b[31m", /control character \(U\+001B\)/],
    ["br\x7f", /control character \(U\+007F\)/],
    ["br\u00a0", /U\+00A0/],
    ["br\u200b", /U\+200B/],
    ["xen'br", /quotes/],
    ['xen"br', /quotes/],
    ["xen`id`", /quotes/],
    ["$IFS", /'\$' would be expanded/],
    ["br$(id)", /'\$' would be expanded/],
    ["br;reboot", /separates shell commands/],
    ["br&&x", /separates shell commands/],
    ["br|x", /separates shell commands/],
    ["br>x", /the shell gives it a meaning/],
    ["br<x", /the shell gives it a meaning/],
    ["br\\x", /the shell gives it a meaning/],
    ["br*", /the shell gives it a meaning/],
    ["br?", /the shell gives it a meaning/],
    ["br[0]", /the shell gives it a meaning/],
    ["br{a,b}", /the shell gives it a meaning/],
    ["br#", /the shell gives it a meaning/],
    ["~br", /the shell gives it a meaning/],
    ["br=1", /the shell gives it a meaning/],
    ["br!", /the shell gives it a meaning/],
    ["br^x", /the shell gives it a meaning/],
    ["br%d", /template/],
    ["br,0", /xl splits vif specs on ','/],
    ["-br0", /starts with '-'/],
  ])("refuses %j", (name, why) => {
    const r = validateInterfaceName(name);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(why);
  });
});
