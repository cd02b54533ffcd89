import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { XEND_DIRECTIVES, isXendBool, isXendConfigFile, isXendInt } from "../../src/lint/directives.js";
import { parseXendConfig } from "../../src/xend/xend-config.js";

const corpus = (name: string) => readFileSync(new URL(`../../../shared/corpus/xen/${name}`, import.meta.url), "utf8");

describe("the xend directive table", () => {
  it("knows every directive of Xen 3.0.0's stock xend-config.sxp, set or commented out", () => {
    const text = corpus("xend-config.sxp.xen-3.0.0");
    const named = [...text.matchAll(/^#?\((\S+)/gm)].map((m) => m[1]!).filter((n) => !n.startsWith("<"));
    expect(named.length).toBeGreaterThan(15);
    expect(named.filter((n) => !XEND_DIRECTIVES.has(n))).toEqual([]);
  });

  it("tells xend-config from xend-pci-quirks.sxp", () => {
    expect(isXendConfigFile(parseXendConfig(corpus("xend-config.sxp.xen-3.0.0"), { file: "xend-config.sxp.xen-3.0.0" }))).toBe(true);
    expect(isXendConfigFile(parseXendConfig(corpus("xend-pci-quirks.sxp.xen-4.0.0"), { file: "xend-pci-quirks.sxp.xen-4.0.0" }))).toBe(false);
    expect(isXendConfigFile(parseXendConfig(corpus("xend-pci-quirks.sxp.xen-4.0.0"), { file: "copy.sxp" }))).toBe(false);
    expect(isXendConfigFile(parseXendConfig("(bogus 1)\n", { file: "etc/xen/xend-config.sxp" }))).toBe(true);
  });

  it("reads yes/no and numbers the way XendOptions does", () => {
    expect(["yes", "No", "y", "ON", "true", "t", "0", "1", "off", "F"].every(isXendBool)).toBe(true);
    expect(["enabled", "2", "", "yess"].some(isXendBool)).toBe(false);
    expect(["8000", "+5", "-1", " 12 "].every(isXendInt)).toBe(true);
    expect(["0x10", "8000/tcp", "1.5", ""].some(isXendInt)).toBe(false);
  });
});
