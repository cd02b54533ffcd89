import { describe, expect, it } from "vitest";
import { parseGuestDevice } from "../../src/mac/guest-device.js";

describe("parseGuestDevice", () => {
  it.each([
    ["web", "web", 0],
    ["web.1", "web", 1],
    ["web.example.org", "web.example.org", 0],
    ["web.example.org.2", "web.example.org", 2],
    ["agent.007.0", "agent.007", 0],
    ["web.0", "web", 0],
  ])("%s is guest %s, device %i", (text, name, devid) => {
    expect(parseGuestDevice(text)).toEqual({ ok: true, device: { name, devid } });
  });
  it.each([
    ["", /empty/],
    ["agent.007", /leading zeros/],
    ["a\nb", /line break/],
    ["web.99999999999999999999", /not a device number/],
  ])("refuses %j", (text, message) => {
    const r = parseGuestDevice(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(message);
  });
});
