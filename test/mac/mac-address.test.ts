import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  isLocallyAdministeredMac,
  isMulticastMac,
  isXenMac,
  macFromBytes,
  macFromNumber,
  macToBytes,
  macToNumber,
  parseMac,
  parseMacAsXl,
  type MacAddress,
} from "../../src/mac/mac-address.js";

describe("parseMac", () => {
  it.each([
    ["00:16:3e:0a:1b:2c", "00:16:3e:0a:1b:2c"],
    ["00:16:3E:0A:1B:2C", "00:16:3e:0a:1b:2c"],
    ["00-16-3e-0a-1b-2c", "00:16:3e:0a:1b:2c"],
    // xl reads octets with strtoul, so one-digit octets reach guests too.
    ["0:16:3e:a:b:c", "00:16:3e:0a:0b:0c"],
    ["  00:16:3e:02:00:41 ", "00:16:3e:02:00:41"],
  ])("reads %j as %s", (text, mac) => {
    expect(parseMac(text)).toEqual({ ok: true, mac });
  });

  it.each(["", "00:16:3e:0a:1b", "00:16:3e:0a:1b:2c:3d", "00:16-3e:0a:1b:2c", "00:16:3e:0a:1b:2g", "001:16:3e:0a:1b:2c", "00163e0a1b2c", "00.16.3e.0a.1b.2c"])(
    "refuses %j with a message",
    (text) => {
      const r = parseMac(text);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.message).toContain("is not a MAC address");
    },
  );

  it("round-trips any six bytes through text, bytes and numbers", () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 6, maxLength: 6 }), (bytes) => {
        const mac = macFromBytes(bytes);
        expect(mac).toMatch(/^([0-9a-f]{2}:){5}[0-9a-f]{2}$/);
        expect(parseMac(mac.toUpperCase())).toEqual({ ok: true, mac });
        expect([...macToBytes(mac)]).toEqual([...bytes]);
        expect(macFromNumber(macToNumber(mac))).toBe(mac);
      }),
    );
  });
});

describe("parseMacAsXl", () => {
  it.each([
    ["00:16:3e:0a:1b:2c", "00:16:3e:0a:1b:2c"],
    ["00:16-3e:0a:1b:2c", "00:16:3e:0a:1b:2c"],
    ["00.16.3E.0a.1b.2c", "00:16:3e:0a:1b:2c"],
    ["00:016:3e:0a:1b:2c", "00:16:3e:0a:1b:2c"],
    ["00:16:3e:0a:1b:2c:3d", "00:16:3e:0a:1b:2c"],
    ["0:16:3e:a:b:c", "00:16:3e:0a:0b:0c"],
  ])("reads %j as xl does: %s", (text, mac) => {
    expect(parseMacAsXl(text)).toEqual({ ok: true, mac });
  });

  it.each(["", "00:16:3e:0a:1b", "00:16:3e:0a:1b:", "100:16:3e:0a:1b:2c", "00:16:3g:0a:1b:2c", "00163e0a1b2c", "zz"])("refuses %j, as xl does", (text) => {
    expect(parseMacAsXl(text).ok).toBe(false);
  });
});

describe("address bits", () => {
  const m = (s: string) => s as MacAddress;
  it("reads I/G and U/L from the first octet", () => {
    expect(isMulticastMac(m("01:00:5e:00:00:01"))).toBe(true);
    expect(isMulticastMac(m("00:16:3e:00:00:01"))).toBe(false);
    expect(isLocallyAdministeredMac(m("02:00:00:00:00:00"))).toBe(true);
    expect(isLocallyAdministeredMac(m("00:16:3e:00:00:00"))).toBe(false);
  });
  it("knows the Xen range: OUI 00:16:3e, fourth octet below 0x80", () => {
    expect(isXenMac(m("00:16:3e:7f:ff:ff"))).toBe(true);
    expect(isXenMac(m("00:16:3e:80:00:00"))).toBe(false);
    expect(isXenMac(m("00:16:3f:00:00:00"))).toBe(false);
  });
});
