export type DecodeResult =
  | { ok: true; text: string }
  | { ok: false; offset: number; reason: "binary" | "encoding"; message: string };

const decoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

/**
 * Config files are text in UTF-8 (ASCII in practice). A NUL byte means a binary file (an image, a
 * compiled file, a copied disk); invalid UTF-8 usually means Latin-1 text pasted from elsewhere. Either
 * gets one located diagnostic instead of garbage parse errors.
 */
export function decodeConfigBytes(bytes: Uint8Array): DecodeResult {
  const nul = bytes.indexOf(0);
  if (nul !== -1) return { ok: false, offset: nul, reason: "binary", message: `this is a binary file, not a config file (NUL byte at offset ${nul})` };
  try {
    return { ok: true, text: decoder.decode(bytes) };
  } catch {
    const offset = firstInvalidUtf8(bytes);
    return {
      ok: false,
      offset,
      reason: "encoding",
      message: `not valid UTF-8: byte 0x${bytes[offset]!.toString(16).padStart(2, "0")} at offset ${offset} (save the file as UTF-8)`,
    };
  }
}

function firstInvalidUtf8(b: Uint8Array): number {
  for (let i = 0; i < b.length; ) {
    const c = b[i]!;
    const n = c < 0x80 ? 0 : c >= 0xc2 && c <= 0xdf ? 1 : c >= 0xe0 && c <= 0xef ? 2 : c >= 0xf0 && c <= 0xf4 ? 3 : -1;
    if (n < 0) return i;
    for (let k = 1; k <= n; k++) if (i + k >= b.length || (b[i + k]! & 0xc0) !== 0x80) return i;
    i += n + 1;
  }
  return 0;
}
