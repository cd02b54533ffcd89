import { createHash } from "node:crypto";

/** The content hash plans and journals use: "sha256:" and the hex digest of the bytes (UTF-8 for strings). */
export function contentHash(content: string | Uint8Array): string {
  return `sha256:${createHash("sha256").update(content).digest("hex")}`;
}

export const CONTENT_HASH_PATTERN = /^sha256:[0-9a-f]{64}$/;
