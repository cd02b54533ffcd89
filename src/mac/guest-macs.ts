import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { DomainConfig } from "../domain/domain-config.js";
import type { MacAllocator } from "./mac-allocator.js";
import { parseMac } from "./mac-address.js";

/**
 * Marks every address the guests' vifs name as taken, each with its holder (guest, devid, file:line), and
 * returns warnings for what cannot be known: a `mac=` that is not an address, a vif list that Python
 * computes (xm files), a guest whose vif list sits in a part of the file that does not parse.
 */
export function markGuestMacs(allocator: MacAllocator, guests: readonly DomainConfig[]): Diagnostic[] {
  const notes: Diagnostic[] = [];
  for (const doc of guests) {
    const computed = doc.python.find((p) => p.assigns === "vif");
    if (computed) {
      notes.push(doc.diagnosticAt(computed.span, "warning", "mac-unknown", "the vif list is computed by Python, so the addresses it uses are unknown and cannot be avoided"));
    }
    for (const vif of doc.vifs) {
      const entry = vif.entry("mac");
      if (!entry) continue;
      const parsed = parseMac(entry.value ?? "");
      if (!parsed.ok) {
        notes.push(doc.diagnosticAt(entry.valueSpan ?? entry.span, "warning", "mac-unknown", `${parsed.message}; it cannot be avoided`));
        continue;
      }
      const at = doc.position(entry.span.start);
      allocator.markUsed(parsed.mac, { guest: doc.guestName, devid: vif.devid, source: `${doc.file}:${at.line}` });
    }
  }
  return notes;
}

/** "db vif 1 (/etc/xen/db.cfg:4)": who holds an address, in words. */
export function describeHolder(holder: { guest?: string; devid?: number; source?: string } | undefined): string {
  if (!holder || (holder.guest === undefined && holder.source === undefined)) return "another interface";
  const who = holder.guest !== undefined ? `${holder.guest}${holder.devid !== undefined ? ` vif ${holder.devid}` : ""}` : "a guest";
  return holder.source ? `${who} (${holder.source})` : who;
}
