import fc from "fast-check";
import { looksLikeSplitVifSpec } from "../../src/domain/split-vif-spec.js";
import { describe, expect, it } from "vitest";
import { parseDomainConfig, type DomainConfig } from "../../src/domain/domain-config.js";
import { assignMacs } from "../../src/mac/assign-macs.js";
import { parseMac } from "../../src/mac/mac-address.js";
import { stableMac } from "../../src/mac/stable-mac.js";

/** The file with every vif string replaced by a placeholder: what must not change. */
function skeleton(doc: DomainConfig): string {
  let out = "";
  let at = 0;
  for (const v of [...doc.vifs].sort((a, b) => a.span.start - b.span.start)) {
    out += doc.text.slice(at, v.span.start) + "<vif>";
    at = v.span.end;
  }
  return out + doc.text.slice(at);
}

const KEYS = ["bridge=xenbr0", "bridge=xenbr1", "script=vif-bridge", "type=ioemu", "model=e1000", "vifname=v0"];

/** A guest file: a name, some settings, a vif list whose entries may carry a mac from a small set. */
const guestFile = fc
  .record({
    name: fc.constantFrom("web", "db", "mail", "app", "web"),
    quote: fc.constantFrom("'", '"'),
    eol: fc.constantFrom("\n", "\r\n"),
    vifs: fc.array(
      fc.record({ keys: fc.subarray(KEYS, { maxLength: 3 }), mac: fc.option(fc.integer({ min: 0, max: 5 }), { nil: undefined }) }),
      { minLength: 1, maxLength: 4 },
    ),
    comment: fc.boolean(),
  })
  .map(({ name, quote, eol, vifs, comment }) => {
    const specs = vifs.map((v) => {
      const parts = [...v.keys, ...(v.mac === undefined ? [] : [`mac=${v.mac === 0 ? stableMac("web", 0) : `00:16:3e:00:00:0${v.mac}`}`])];
      return `${quote}${parts.join(",")}${quote}`;
    });
    return [`name = ${quote}${name}${quote}`, ...(comment ? ["# the network"] : []), `vif = [ ${specs.join(", ")} ]`, "memory = 512", ""].join(eol);
  });

describe("assignMacs", () => {
  it("gives every vif a distinct address, keeps existing ones, and edits only vif strings (property)", () => {
    fc.assert(
      fc.property(fc.array(guestFile, { minLength: 1, maxLength: 6 }), (texts) => {
        const docs = texts.map((t, i) => parseDomainConfig(t, { file: `g${i}.cfg` }));
        const { changed } = assignMacs(docs);
        const after = docs.map((d) => changed.find((c) => c.before === d)?.after ?? d);
        // A list that looks like one interface split into entries is left for vif-split-spec to merge.
        docs.forEach((d, i) => looksLikeSplitVifSpec(d) && expect(after[i]).toBe(d));
        const macsBefore = docs.flatMap((d) => d.vifs.map((v) => v.mac));
        const macsAfter = after.flatMap((d) => d.vifs.map((v) => v.mac));
        // Existing addresses are untouched; every other vif now has a readable one.
        macsBefore.forEach((m, i) => m !== undefined && expect(macsAfter[i]).toBe(m));
        const served = after.filter((d) => !looksLikeSplitVifSpec(d)).flatMap((d) => d.vifs.map((v) => v.mac));
        for (const m of served) expect(m !== undefined && parseMac(m).ok).toBe(true);
        // New addresses collide with nothing (old duplicates among the inputs stay as they were).
        const fresh = macsAfter.filter((m, i) => macsBefore[i] === undefined && m !== undefined);
        expect(new Set(fresh).size).toBe(fresh.length);
        for (const m of fresh) expect(macsBefore).not.toContain(m);
        // Only the vif strings changed.
        docs.forEach((d, i) => expect(skeleton(after[i]!)).toBe(skeleton(d)));
        for (const a of after) expect(a.errors).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it("does not reuse an address another file of the same guest name holds (found by the property)", () => {
    const a = parseDomainConfig(`name = 'web'\nvif = [ 'mac=${stableMac("web", 0)}' ]\n`, { file: "a.cfg" });
    const b = parseDomainConfig("name = 'web'\nvif = [ '' ]\n", { file: "b.cfg" });
    const { changed, notes } = assignMacs([a, b]);
    expect(changed[0]!.after.text).toBe("name = 'web'\nvif = [ 'mac=00:16:3e:07:62:f9' ]\n");
    expect(notes.map((n) => n.message)).toEqual([
      "the stable address of web.0, 00:16:3e:07:62:f8, is used by web vif 0 (a.cfg:2); assigned the next free one, 00:16:3e:07:62:f9",
    ]);
  });

  it("leaves a file without missing addresses alone and reports nothing", () => {
    const doc = parseDomainConfig("name = 'a'\nvif = [ 'mac=00:16:3e:00:00:01' ]\n", { file: "a.cfg" });
    expect(assignMacs([doc])).toEqual({ changed: [], notes: [] });
  });

  it("gives the local stable address with local: true", () => {
    const doc = parseDomainConfig("name = 'web'\nvif = [ '' ]\n", { file: "web.cfg" });
    expect(assignMacs([doc], { local: true }).changed[0]!.after.text).toBe("name = 'web'\nvif = [ 'mac=06:62:f8:ed:0b:c1' ]\n");
  });
});
