import * as prettier from "prettier";
import { describe, expect, it } from "vitest";
import plugin from "../../src/prettier/plugin.js";

// Through Prettier's public API, as editors and `prettier --plugin` use the plugin.
describe("the plugin through prettier.format", () => {
  it("formats a guest file with the explicit parser name (for files without an extension)", async () => {
    const out = await prettier.format("name='web1'\nvif=['mac=00:16:3E:0A:1B:2C,bridge=xenbr0']\n", { parser: "xen-cfg", plugins: [plugin] });
    expect(out).toBe("name = 'web1'\nvif = [ 'mac=00:16:3e:0a:1b:2c,bridge=xenbr0' ]\n");
  });

  it("picks the language from the file name: *.cfg, *.sxp, xend-config.sxp, xl.conf", async () => {
    const opts = (filepath: string) => ({ filepath, plugins: [plugin] });
    expect(await prettier.format("memory=512", opts("/etc/xen/web1.cfg"))).toBe("memory = 512\n");
    expect(await prettier.format("(xend-port   8000)", opts("/etc/xen/xend-config.sxp"))).toBe("(xend-port 8000)\n");
    expect(await prettier.format("(tg3 (pci_ids ('14e4:1644')))", opts("quirks.sxp"))).toBe("(tg3 (pci_ids ('14e4:1644')))\n");
    expect(await prettier.format('vif.default.bridge="xenbr0"', opts("/etc/xen/xl.conf"))).toBe('vif.default.bridge = "xenbr0"\n');
    expect(await prettier.getFileInfo("/etc/xen/web1.cfg", { plugins: [plugin] })).toMatchObject({ inferredParser: "xen-cfg" });
    expect(await prettier.getFileInfo("/etc/xen/xend-config.sxp", { plugins: [plugin] })).toMatchObject({ inferredParser: "xend-sxp" });
  });

  it("honours printWidth, tabWidth and the xenQuote option", async () => {
    const text = "vif = [ 'bridge=xenbr0', 'bridge=xenbr1' ]\n";
    expect(await prettier.format(text, { parser: "xen-cfg", plugins: [plugin], printWidth: 30, tabWidth: 4, xenQuote: "double" } as prettier.Options)).toBe(
      'vif = [\n    "bridge=xenbr0",\n    "bridge=xenbr1",\n]\n',
    );
  });

  it("declares its option in the Xen category", async () => {
    const info = await prettier.getSupportInfo({ plugins: [plugin] } as never);
    const option = info.options.find((o) => o.name === "xenQuote");
    expect(option).toMatchObject({ category: "Xen", type: "choice", default: "auto" });
    expect(info.languages.map((l) => l.name)).toEqual(expect.arrayContaining(["Xen guest config", "xend S-expression config"]));
  });

  it("keeps CRLF line endings with endOfLine auto, and a byte-order mark", async () => {
    expect(await prettier.format("name='a'\r\nmemory=1\r\n", { parser: "xen-cfg", plugins: [plugin], endOfLine: "auto" })).toBe("name = 'a'\r\nmemory = 1\r\n");
    expect(await prettier.format("\ufeff(a   b)\n", { parser: "xend-sxp", plugins: [plugin] })).toBe("\ufeff(a b)\n");
  });

  it("rejects a file with a syntax error with Prettier's located SyntaxError and a code frame", async () => {
    const error = await prettier.format("name = 'web1'\nvif = [ 'bridge=xenbr0'\nmemory = 512\n", { parser: "xen-cfg", plugins: [plugin] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SyntaxError);
    expect(error).toMatchObject({ loc: { start: { line: 2, column: 7 } } });
    expect((error as Error).message).toContain("'[' is never closed");
    expect((error as Error).message).toContain("> 2 | vif = [ 'bridge=xenbr0'");
    const sxp = await prettier.format("(network-script 'network-bridge\n", { parser: "xend-sxp", plugins: [plugin] }).catch((e: unknown) => e);
    expect(sxp).toMatchObject({ name: "SyntaxError", loc: { start: { line: 1 } } });
  });
});
