import { formatDiagnostic } from "../../diagnostics/code-frame.js";
import { readHosts } from "../../host/read-host.js";
import { describeHolder, markGuestMacs } from "../../mac/guest-macs.js";
import { parseGuestDevice } from "../../mac/guest-device.js";
import { MacAllocator } from "../../mac/mac-allocator.js";
import { type CliIo, EXIT_OK, EXIT_USAGE, UsageError } from "../io.js";
import type { MacArgs } from "./mac.js";
import { wholeNumber } from "../whole-number.js";

/** More than this in one run is a typo, not a need (a /16 of guests is 65,536). */
const MAX_COUNT = 1_000_000;

/** `xencfg mac`: addresses on stdout, one per line; notes about collisions and unknowns on stderr. */
export async function runMac(args: MacArgs, io: CliIo): Promise<number> {
  if (args.count !== undefined && args.for.length > 0) throw new UsageError("--count and --for do not go together: --for prints one address per guest interface");
  const count = args.count === undefined ? 1 : wholeNumber(args.count);
  if (!Number.isInteger(count) || count < 1 || count > MAX_COUNT) throw new UsageError(`--count must be a whole number from 1 to ${MAX_COUNT}, got ${args.count}`);
  const devices = args.for.map((text) => {
    const parsed = parseGuestDevice(text);
    if (!parsed.ok) throw new UsageError(`--for ${JSON.stringify(text)}: ${parsed.message}`);
    return parsed.device;
  });

  const allocator = new MacAllocator({ local: args.local });
  if (args.avoid.length > 0) {
    const host = await readHosts(args.avoid, { cwd: io.cwd });
    if (host.unreadable.length > 0) {
      // An address in a file we could not read could be handed out again: refuse rather than guess.
      for (const d of host.unreadable) io.stderr(`${formatDiagnostic(d, undefined)}\n`);
      io.stderr("xencfg mac: cannot avoid the addresses of files it cannot read\n");
      return EXIT_USAGE;
    }
    const guests = host.trees.flatMap((t) => t.guests);
    for (const d of markGuestMacs(allocator, guests)) io.stderr(`${formatDiagnostic(d, undefined)}\n`);
  }

  const out: string[] = [];
  if (devices.length > 0) {
    for (const { name, devid } of devices) {
      const got = allocator.stable(name, devid, { source: "--for" });
      if (got.moved) {
        io.stderr(`xencfg mac: ${name}.${devid}: the stable address ${got.derived} is used by ${describeHolder(got.takenBy)}; printed the next free one, ${got.mac}\n`);
      }
      out.push(got.mac);
    }
  } else {
    if (count > allocator.available) throw new UsageError(`--count ${count}: only ${allocator.available} addresses of the pool are free`);
    for (let i = 0; i < count; i++) out.push(allocator.random());
  }
  io.stdout(`${out.join("\n")}\n`);
  return EXIT_OK;
}
