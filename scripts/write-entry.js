// dist/index.js is the documented library entry; tsc emits under dist/src/ because rootDir is the
// project root (grammars/ and src/ compile side by side), so this writes the thin top-level entry.
import { writeFileSync } from "node:fs";

writeFileSync(new URL("../dist/index.js", import.meta.url), 'export * from "./src/index.js";\n');
writeFileSync(new URL("../dist/index.d.ts", import.meta.url), 'export * from "./src/index.js";\n');
