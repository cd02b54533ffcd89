import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { DomainConfig } from "../domain/domain-config.js";
import type { TextEdit } from "../edit/text-edit.js";
import { looksLikeSplitVifSpec } from "../domain/split-vif-spec.js";
import { describeHolder, markGuestMacs } from "./guest-macs.js";
import type { MacAddress } from "./mac-address.js";
import { MacAllocator, type MacAllocatorOptions } from "./mac-allocator.js";

/** One vif that gets a `mac=`. */
export interface MacAssignment {
  devid: number;
  mac: MacAddress;
  /** The stable address of the guest's name and devid; differs from `mac` when another interface had it. */
  derived: MacAddress;
  moved: boolean;
}

/** One guest file that changes: the document before and after, and what was assigned. */
export interface AssignedGuest {
  before: DomainConfig;
  after: DomainConfig;
  assignments: MacAssignment[];
}

export interface AssignMacsResult {
  /** The files that change, in input order. */
  changed: AssignedGuest[];
  /** Skipped guests, addresses moved after a collision, addresses that could not be read. */
  notes: Diagnostic[];
}

/**
 * Gives every vif without a `mac=` key its stable address (see `stableMac`), collision-free across all the
 * guests given: every address they already use is marked first, then the guests are served in order,
 * and an address already held by another interface moves to the next free one. Each change is a
 * minimal edit of one vif string; the rest of each file stays byte for byte.
 *
 * Skipped, with a note: files with syntax errors (their vif list may be misread), guests without a plain
 * `name = '...'` (the derivation needs it), vif lists computed by Python, and lists that look like one
 * interface split over several entries (an address on each would make the split for good).
 */
export function assignMacs(guests: readonly DomainConfig[], options: MacAllocatorOptions = {}): AssignMacsResult {
  const allocator = new MacAllocator(options);
  const notes = markGuestMacs(allocator, guests);
  const changed: AssignedGuest[] = [];
  for (const doc of guests) {
    const missing = doc.vifs.filter((v) => !v.has("mac"));
    if (missing.length === 0) continue;
    const skip = (why: string) => notes.push(doc.diagnosticAt(missing[0]!.span, "warning", "mac-not-assigned", `no address assigned in this file: ${why}`));
    if (doc.errors.length > 0) {
      skip("it has syntax errors; fix them first (xencfg parse shows them)");
      continue;
    }
    if (looksLikeSplitVifSpec(doc)) {
      skip("its vif entries each set one key, which looks like one interface split over several (vif-split-spec); merge them first (xencfg lint --fix --fix-type split-spec)");
      continue;
    }
    const name = doc.guestName;
    if (name === undefined || name === "" || /[\n\r]/.test(name)) {
      skip("the guest has no plain name = '...', which the stable address is derived from");
      continue;
    }
    const assignments: MacAssignment[] = [];
    const edits: TextEdit[] = [];
    for (const vif of missing) {
      const at = doc.position(vif.span.start);
      // keepOwn off: this vif has no address, so one held under the same name and devid belongs to
      // another file (a copy of the guest, or two guests with one name), and sharing it would collide.
      const got = allocator.stable(name, vif.devid, { source: `${doc.file}:${at.line}` }, { keepOwn: false });
      if (got.moved) {
        notes.push(
          doc.diagnosticAt(
            vif.span,
            "info",
            "mac-moved",
            `the stable address of ${name}.${vif.devid}, ${got.derived}, is used by ${describeHolder(got.takenBy)}; assigned the next free one, ${got.mac}`,
          ),
        );
      }
      assignments.push({ devid: vif.devid, mac: got.mac, derived: got.derived, moved: got.moved });
      edits.push(doc.setVifKeyEdit(vif.devid, "mac", got.mac));
    }
    changed.push({ before: doc, after: doc.withEdits(edits), assignments });
  }
  return { changed, notes };
}
