import type { SupportOptions } from "prettier";

/** The quote a file's strings get: `auto` keeps the quote most of the file's strings already use. */
export type XenQuote = "auto" | "single" | "double";

export interface XenOptions {
  xenQuote: XenQuote;
}

export const options = {
  xenQuote: {
    category: "Xen",
    type: "choice",
    default: "auto",
    description: "Quotes for strings in xend-config.sxp and guest cfg files.",
    choices: [
      { value: "auto", description: "The quote most strings of the file already use (single on a tie)." },
      { value: "single", description: "Single quotes, as Xen's own example files write them." },
      { value: "double", description: "Double quotes." },
    ],
  },
} satisfies SupportOptions;
