// Reads the examples of a docs/rules/<id>.md page (the convention is in docs/rules/README.md).
import type { Fixture } from "./rule-tester.js";

export interface DocExample {
  label: string;
  kind: "bad" | "good";
  fixture: Fixture;
}

const DEFAULT_PATH: Record<string, string | undefined> = { cfg: "etc/xen/guest.cfg", sxp: "etc/xen/xend-config.sxp", sh: undefined };

/** Every ```` ```cfg bad ```` / ```` ```sxp good etc/xen/xend-config.sxp xen=4.1 ```` block, grouped by label. */
export function docExamples(markdown: string): DocExample[] {
  const out = new Map<string, DocExample>();
  const fence = /^```([^\n]*)\n([\s\S]*?)^```[ \t]*$/gm;
  for (const m of markdown.matchAll(fence)) {
    const words = m[1]!.trim().split(/\s+/);
    const [lang, label] = words;
    if (!lang || !label || !/^(bad|good)(-[\w-]+)?$/.test(label)) continue;
    if (!(lang in DEFAULT_PATH)) throw new Error(`example block \`\`\`${m[1]}: language must be cfg, sxp or sh`);
    let path = DEFAULT_PATH[lang];
    let ex = out.get(label);
    if (!ex) out.set(label, (ex = { label, kind: label.startsWith("bad") ? "bad" : "good", fixture: { files: {} } }));
    for (const w of words.slice(2)) {
      const opt = /^(xen|bridges)=(.*)$/.exec(w);
      if (!opt) path = w;
      else if (opt[1] === "xen") ex.fixture.xen = opt[2];
      else ex.fixture.bridges = opt[2]!.split(",").filter(Boolean);
    }
    if (!path) throw new Error(`example block \`\`\`${m[1]}: a sh block needs a path such as etc/xen/scripts/network-wrapper`);
    if (ex.fixture.files![path] !== undefined) throw new Error(`example ${label} has two blocks for ${path}`);
    ex.fixture.files![path] = m[2]!;
  }
  return [...out.values()];
}
