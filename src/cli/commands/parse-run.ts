import type { CliIo } from "../io.js";

export async function runParse(_args: { files: string[]; type?: "sxp" | "domain"; json: boolean }, io: CliIo): Promise<number> {
  io.stderr("not yet\n");
  return 2;
}
