import type { SupportLanguage } from "prettier";

/** Parser names, usable as `--parser` for files whose names say nothing (/etc/xen/auto/web1). */
export const SXP_PARSER = "xend-sxp";
export const CFG_PARSER = "xen-cfg";

export const languages = [
  {
    name: "xend S-expression config",
    parsers: [SXP_PARSER],
    extensions: [".sxp"],
    filenames: ["xend-config.sxp", "xend-pci-quirks.sxp", "xend-pci-permissive.sxp"],
  },
  {
    name: "Xen guest config",
    parsers: [CFG_PARSER],
    extensions: [".cfg"],
    // xl.conf has the guest files' xl syntax (xl.conf(5)).
    filenames: ["xl.conf"],
  },
] satisfies SupportLanguage[];
