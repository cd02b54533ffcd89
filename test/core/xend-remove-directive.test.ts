import { describe, expect, it } from "vitest";
import { parseXendConfig } from "../../src/index.js";

// xend uses the first directive of a name and ignores later duplicates (sxp.py child_value). Removing only
// the first would turn on the shadowed one: removeDirective removes every occurrence, as removeSetting
// removes every assignment of a guest setting.
describe("XendConfig.removeDirective", () => {
  it("removes every occurrence of a duplicated directive, so no shadowed one takes effect", () => {
    const doc = parseXendConfig("(network-script a)\n(xend-port 8000)\n(network-script b)\n", { file: "x.sxp" });
    expect(doc.directive("network-script")?.value).toBe("a");
    const removed = doc.removeDirective("network-script");
    expect(removed.toString()).toBe("(xend-port 8000)\n");
    expect(removed.directive("network-script")).toBeUndefined();
    expect(removed.networkScript).toBeUndefined();
  });

  it("keeps what shares a line with a duplicate, and comments on other lines", () => {
    const doc = parseXendConfig("# net\n(network-script a) (xend-port 8000)\n(network-script b) # old\n(vif-script vif-bridge)\n", { file: "x.sxp" });
    expect(doc.removeDirective("network-script").toString()).toBe("# net\n (xend-port 8000)\n(vif-script vif-bridge)\n");
  });

  it("a name that is not there leaves the document as it is", () => {
    const doc = parseXendConfig("(xend-port 8000)\n", { file: "x.sxp" });
    expect(doc.removeDirective("network-script")).toBe(doc);
  });
});
