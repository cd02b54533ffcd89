/** One interface of one guest: what `xencfg mac --for NAME[.DEVID]` names. */
export interface GuestDevice {
  name: string;
  devid: number;
}

export type GuestDeviceParseResult = { ok: true; device: GuestDevice } | { ok: false; message: string };

/**
 * Reads `NAME` or `NAME.DEVID`. Guest names may contain dots (`web.example.org`), so only a final
 * `.digits` is taken as the device number; write `web.example.org.0` when the name itself ends in digits
 * after a dot. DEVID is the vif's place in the guest's `vif` list, from 0, as xl numbers them.
 */
export function parseGuestDevice(text: string): GuestDeviceParseResult {
  const m = /^(.+)\.(\d+)$/s.exec(text);
  const name = m ? m[1]! : text;
  const devid = m ? Number(m[2]) : 0;
  if (name === "") return { ok: false, message: "the guest name is empty" };
  if (/[\n\r]/.test(name)) return { ok: false, message: "the guest name contains a line break" };
  if (!Number.isSafeInteger(devid) || (m && m[2]!.length > 1 && m[2]!.startsWith("0"))) {
    return { ok: false, message: `'${m?.[2]}' is not a device number (write it without leading zeros; if it is part of the guest name, add .0)` };
  }
  return { ok: true, device: { name, devid } };
}
