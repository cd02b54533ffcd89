/**
 * Reads a network-script wrapper (a shell script xend runs as `NAME start`) for the bridges it builds:
 * its calls of Xen's network-bridge, and bridges it builds itself with `ip link add NAME type bridge`,
 * `brctl addbr NAME` or `ovs-vsctl add-br NAME`. It follows what can be followed simply: variables set
 * from literals, `dir=$(dirname "$0")`, `"$@"`/`$1` (the action xend passes), shell functions called with
 * literal arguments (the form xencfg's own iproute2 wrapper has), `for` loops over words, `case "$1"`
 * branches, and other scripts of the same folder. Anything else that could build a bridge (ifup,
 * systemctl, an unknown program, a name it cannot resolve) is recorded as unknown, so callers can stay
 * silent rather than guess.
 */

/** Stands for a value the reader cannot know; never split, never equal to a real name. */
export const UNKNOWN = "\u0001";
/** The action xend passes (`start`, `stop` or `status`). */
const ACTION = "\u0002";

export interface WrapperBridge {
  name: string;
  /** The script and 1-based line that builds it. */
  script: string;
  line: number;
  how: "brctl" | "ip" | "ovs-vsctl";
  /**
   * The devices the wrapper enslaves to it (`ip link set DEV master NAME`, `brctl addif NAME DEV`), in
   * order, when it builds the bridge and then its ports: with exactly one, that is the NIC under it.
   */
  ports: string[];
}

/** One call of Xen's network-bridge that may run with `start`. */
export interface NetworkBridgeCall {
  script: string;
  line: number;
  /** The key=value arguments as resolved; a value containing UNKNOWN could not be resolved. */
  args: Map<string, string>;
  /** True when an argument word could not be resolved at all (it might set bridge= or netdev=). */
  opaqueArgs: boolean;
}

export type WrapperEvent = ({ kind: "bridge" } & WrapperBridge) | ({ kind: "network-bridge" } & NetworkBridgeCall);

export interface WrapperReading {
  /** What the wrapper does for `start`, in the order it does it. */
  events: WrapperEvent[];
  /** Why the reader cannot know every bridge the wrapper builds; empty when it can. */
  unknowns: { script: string; line: number; why: string }[];
}

export function isKnown(value: string): boolean {
  return !value.includes(UNKNOWN) && !value.includes(ACTION);
}

/**
 * Reads the wrapper `name` (text `text`) as xend runs it: `$0` is `<scriptsDir>/<name>`, the arguments are
 * `start` followed by the directive's own arguments. `scripts` are the other scripts of the folder, for
 * calls and `.` of them.
 */
export function readWrapper(
  name: string,
  text: string,
  scripts: ReadonlyMap<string, string | undefined> = new Map(),
  args: readonly string[] = [],
  scriptsDir = "/etc/xen/scripts",
): WrapperReading {
  const reading: WrapperReading = { events: [], unknowns: [] };
  const run = new Runner(reading, scripts, scriptsDir);
  run.script(name, text, [ACTION, ...args], 0);
  return reading;
}

// ---- lexing: statements of raw words, with line numbers ----

interface Stmt {
  /** Raw words as written (quotes kept); `(`, `)`, `{`, `}` stand alone. */
  words: string[];
  line: number;
  /** A case pattern list (`start|status)`), when the statement is one. */
  patterns?: string[];
  /** `;;`: the end of a case branch. */
  endBranch?: boolean;
}

// A case pattern list at the start of a statement: `start|status)`, `*" dynamic "*)`, `(stop)`.
const PATTERN_WORD = `(?:[^\\s()|;&<>"']|"[^"\\n]*"|'[^'\\n]*')+`;
const PATTERN_AT_START = new RegExp(`^\\(?[ \\t]*(${PATTERN_WORD}(?:[ \\t]*\\|[ \\t]*${PATTERN_WORD})*)[ \\t]*\\)`);

function lex(text: string): Stmt[] {
  const out: Stmt[] = [];
  let words: string[] = [];
  let word = "";
  let inWord = false;
  let line = 1;
  let stmtLine = 1;
  let heredocs: string[] = [];
  const endWord = () => {
    if (inWord) words.push(word);
    word = "";
    inWord = false;
  };
  const endStmt = () => {
    endWord();
    if (words.length) out.push({ words, line: stmtLine });
    words = [];
  };
  let i = 0;
  const n = text.length;
  const atStmtStart = () => words.length === 0 && !inWord;
  while (i < n) {
    const c = text[i]!;
    if (atStmtStart()) {
      if (c === " " || c === "\t") {
        i++;
        continue;
      }
      stmtLine = line;
      const m = PATTERN_AT_START.exec(text.slice(i, i + 200));
      if (m && text[i + m[0].length] !== "(" && !/^(if|then|else|elif|fi|do|done|esac|for|while|case)$/.test(m[1]!)) {
        out.push({ words: [], line, patterns: splitPatterns(m[1]!) });
        i += m[0].length;
        continue;
      }
    }
    if (c === "\\" && text[i + 1] === "\n") {
      i += 2;
      line++;
      continue;
    }
    if (c === "\n") {
      endStmt();
      line++;
      i++;
      if (heredocs.length) {
        // Skip here-document bodies up to their delimiter lines.
        for (const delim of heredocs) {
          while (i < n) {
            const eol = text.indexOf("\n", i);
            const l = text.slice(i, eol === -1 ? n : eol);
            i = eol === -1 ? n : eol + 1;
            line++;
            if (l.replace(/^\t+/, "") === delim) break;
          }
        }
        heredocs = [];
      }
      continue;
    }
    if (c === "#" && !inWord) {
      while (i < n && text[i] !== "\n") i++;
      continue;
    }
    if (c === " " || c === "\t" || c === "\r") {
      endWord();
      i++;
      continue;
    }
    if (c === ";") {
      if (text[i + 1] === ";") {
        endStmt();
        out.push({ words: [], line, endBranch: true });
        i += 2;
      } else {
        endStmt();
        i++;
      }
      continue;
    }
    if (c === "&" || c === "|") {
      endStmt();
      i += text[i + 1] === c ? 2 : 1;
      continue;
    }
    if (c === "<" || c === ">") {
      // A redirection: drop it and its target (a leading fd number belongs to it too).
      if (inWord && /^[0-9]+$/.test(word)) {
        word = "";
        inWord = false;
      } else endWord();
      const heredoc = c === "<" && text[i + 1] === "<";
      i++;
      while (i < n && /[<>&|-]/.test(text[i]!)) i++;
      while (i < n && (text[i] === " " || text[i] === "\t")) i++;
      const start = i;
      i = scanWord(text, i);
      if (heredoc) heredocs.push(text.slice(start, i).replace(/['"\\]/g, ""));
      continue;
    }
    if ((c === "(" || c === ")" || c === "{" || c === "}") && !inWord) {
      // `{`/`}` are words only when they stand alone; `(`/`)` always split.
      if (c === "{" || c === "}") {
        const next = text[i + 1];
        if (next !== undefined && !/[\s;]/.test(next)) {
          inWord = true;
          const end = scanWord(text, i);
          word += text.slice(i, end);
          i = end;
          continue;
        }
      }
      words.push(c);
      i++;
      continue;
    }
    if (c === "(" || c === ")") {
      endWord();
      words.push(c);
      i++;
      continue;
    }
    const end = scanWordPart(text, i);
    const part = text.slice(i, end);
    line += (part.match(/\n/g) ?? []).length;
    word += part;
    inWord = true;
    i = end;
  }
  endStmt();
  return out;
}

function splitPatterns(list: string): string[] {
  return list.match(new RegExp(PATTERN_WORD, "g")) ?? [];
}

/** The end of one word (quotes, `$(...)`, backquotes and escapes kept together). */
function scanWord(text: string, i: number): number {
  while (i < text.length && !/[\s;&|<>()]/.test(text[i]!)) i = scanWordPart(text, i);
  return i;
}

/** The end of one piece of a word starting at `i`: a quoted string, an expansion, an escape or a character. */
function scanWordPart(text: string, i: number): number {
  const c = text[i]!;
  if (c === "'") {
    const e = text.indexOf("'", i + 1);
    return e === -1 ? text.length : e + 1;
  }
  if (c === '"') {
    let j = i + 1;
    while (j < text.length && text[j] !== '"') {
      if (text[j] === "\\") j += 2;
      else if (text[j] === "$" && text[j + 1] === "(") j = skipParens(text, j + 1);
      else if (text[j] === "`") j = skipBackquote(text, j);
      else j++;
    }
    return Math.min(j + 1, text.length);
  }
  if (c === "\\") return Math.min(i + 2, text.length);
  if (c === "`") return skipBackquote(text, i);
  if (c === "$" && text[i + 1] === "(") return skipParens(text, i + 1);
  if (c === "$" && text[i + 1] === "{") {
    const e = text.indexOf("}", i);
    return e === -1 ? text.length : e + 1;
  }
  return i + 1;
}

function skipParens(text: string, open: number): number {
  let depth = 0;
  let j = open;
  while (j < text.length) {
    const c = text[j]!;
    if (c === "(") depth++;
    else if (c === ")") {
      depth--;
      if (depth === 0) return j + 1;
    } else if (c === "'" || c === '"' || c === "\\" || c === "`") {
      j = scanWordPart(text, j);
      continue;
    }
    j++;
  }
  return text.length;
}

function skipBackquote(text: string, open: number): number {
  let j = open + 1;
  while (j < text.length && text[j] !== "`") j += text[j] === "\\" ? 2 : 1;
  return Math.min(j + 1, text.length);
}

// ---- structure: functions, loops, case branches ----

type Node =
  | { kind: "cmd"; words: string[]; line: number }
  | { kind: "func"; name: string; body: Node[] }
  | { kind: "for"; variable: string; words: string[]; body: Node[]; line: number }
  | { kind: "case"; subject: string; branches: { patterns: string[]; body: Node[] }[]; line: number };

const OPENERS = new Set(["if", "elif", "while", "until", "then", "else", "do", "!", "(", "{"]);

function structure(stmts: Stmt[]): Node[] {
  const root: Node[] = [];
  // Each frame collects nodes; `close` says which word ends it.
  type Frame = { nodes: Node[]; close: string; onClose?: (nodes: Node[]) => void; caseNode?: Extract<Node, { kind: "case" }> };
  const stack: Frame[] = [{ nodes: root, close: "" }];
  const top = () => stack[stack.length - 1]!;
  let pendingFunc: string | undefined;
  for (const st of stmts) {
    if (st.patterns || st.endBranch) {
      const frame = top();
      if (frame.caseNode) {
        if (st.patterns) {
          const branch = { patterns: st.patterns, body: [] as Node[] };
          frame.caseNode.branches.push(branch);
          frame.nodes = branch.body;
        }
      }
      continue;
    }
    let words = st.words;
    // Function headers: `name() {`, `name () {`, `function name {`, `function name() {`.
    const fnA = words.length >= 3 && words[1] === "(" && words[2] === ")" && /^[A-Za-z_][\w-]*$/.test(words[0]!) ? 3 : 0;
    const fnB = words[0] === "function" && words.length >= 2 ? (words[2] === "(" && words[3] === ")" ? 4 : 2) : 0;
    if (fnA || fnB) {
      const name = fnA ? words[0]! : words[1]!;
      words = words.slice(fnA || fnB);
      if (words[0] === "{") {
        words = words.slice(1);
        openFunc(name);
      } else pendingFunc = name;
      if (words.length === 0) continue;
    }
    if (pendingFunc && words[0] === "{") {
      openFunc(pendingFunc);
      pendingFunc = undefined;
      words = words.slice(1);
      if (words.length === 0) continue;
    }
    // Leading keywords that only open blocks or conditions.
    let changed = true;
    while (changed && words.length) {
      changed = false;
      const w = words[0]!;
      if (w === "for" && words.length >= 2) {
        const inAt = words.indexOf("in");
        const variable = words[1]!;
        const list = inAt === 2 ? words.slice(3).filter((x) => x !== "do") : [`"$@"`];
        const node: Node = { kind: "for", variable, words: list, body: [], line: st.line };
        top().nodes.push(node);
        stack.push({ nodes: node.body, close: "done" });
        words = [];
        break;
      }
      if (w === "while" || w === "until") stack.push({ nodes: top().nodes, close: "done" });
      if (w === "if") stack.push({ nodes: top().nodes, close: "fi" });
      if (w === "{" || w === "(") stack.push({ nodes: top().nodes, close: w === "{" ? "}" : ")" });
      if (w === "case" && words.length >= 3) {
        const node: Extract<Node, { kind: "case" }> = { kind: "case", subject: words[1]!, branches: [], line: st.line };
        top().nodes.push(node);
        const frame: Frame = { nodes: [], close: "esac", caseNode: node };
        stack.push(frame);
        words = [];
        break;
      }
      if (OPENERS.has(w)) {
        words = words.slice(1);
        changed = true;
        continue;
      }
      if (["fi", "done", "esac", "}", ")"].includes(w)) {
        // Close the innermost frame that this word ends (tolerating unbalanced scripts).
        for (let k = stack.length - 1; k > 0; k--) {
          if (stack[k]!.close === w) {
            const [frame] = stack.splice(k, stack.length - k);
            frame!.onClose?.(frame!.nodes);
            break;
          }
        }
        words = words.slice(1);
        changed = true;
      }
    }
    if (words.length) top().nodes.push({ kind: "cmd", words, line: st.line });
  }
  return root;

  function openFunc(name: string): void {
    const node: Extract<Node, { kind: "func" }> = { kind: "func", name, body: [] };
    top().nodes.push(node);
    stack.push({ nodes: node.body, close: "}" });
  }
}

// ---- evaluation ----

interface Ctx {
  script: string;
  env: Map<string, string>;
  positional: string[];
  /** Whether the action xend passed may be `start` here (false inside `case "$1"` branches for stop). */
  mayStart: boolean;
  depth: number;
}

/** Commands that bring up network configuration the reader cannot see into. */
const NETWORK_CONFIGURERS = new Set([
  "ifup", "nmcli", "netplan", "systemctl", "service", "invoke-rc.d", "rc-service", "wicked", "netctl", "networkctl",
  "eval", "ifup-bridge", "brctl-setup",
]);

/** Xen's helper libraries: sourcing them defines functions, builds nothing. */
const XEN_LIBRARIES = /^(xen-script-common|xen-network-common|xen-hotplug-common|vif-common|block-common|hotplugpath|locking|logging)\.sh$/;

/** Prefix commands that run the rest of the line as the command. */
const PREFIXES = new Set(["exec", "command", "nohup", "sudo", "builtin", "time", "xargs", "env", "nice", "timeout"]);

/**
 * Commands that build no bridge: shell builtins, text tools, and the network tools whose bridge-building
 * forms are read above (ip, brctl, ovs-vsctl). Anything else a wrapper runs might build one (a site's own
 * tool, a Python program), so it makes the reading incomplete.
 */
const HARMLESS = new Set([
  ":", "[", "[[", "test", "true", "false", "echo", "printf", "exit", "return", "set", "unset", "shift", "local", "export",
  "readonly", "read", "wait", "trap", "cd", "pwd", "type", "hash", "let", "getopts", "break", "continue", "umask", "ulimit",
  "cat", "grep", "egrep", "fgrep", "sed", "awk", "gawk", "mawk", "cut", "tr", "sort", "uniq", "head", "tail", "wc", "tee",
  "expr", "seq", "date", "sleep", "logger", "dirname", "basename", "readlink", "realpath", "stat", "find", "which",
  "hostname", "id", "whoami", "mkdir", "rm", "rmdir", "touch", "chmod", "chown", "ln", "cp", "mv", "sync", "kill",
  "ip", "brctl", "ovs-vsctl", "ifconfig", "route", "arp", "ethtool", "tc", "sysctl", "modprobe", "insmod", "rmmod",
  "iptables", "ip6tables", "ebtables", "arptables", "iptables-save", "iptables-restore", "dhclient", "ping", "arping",
  "udevadm", "vconfig", "xenstore-read", "xenstore-write", "xenstore-exists", "xenstore-list", "xenstore-rm",
  // Functions of Xen's own helper libraries (xen-script-common.sh, xen-network-common.sh, xen-hotplug-common.sh).
  "evalVariables", "findCommand", "preiftransfer", "transfer_addrs", "transfer_routes", "add_to_bridge", "add_to_bridge2",
  "setup_bridge_port", "link_exists", "log", "fatal", "success", "do_or_die", "do_without_error", "claim_lock", "release_lock",
]);
const SHELLS = /^(sh|bash|dash|ash|ksh)$/;
const SYSTEM_DIRS = /^\/(usr\/)?(s?bin|local\/s?bin)\//;

class Runner {
  private readonly functions = new Map<string, Node[]>();
  private steps = 0;
  private readonly parsed = new Map<string, Node[]>();

  constructor(
    private readonly reading: WrapperReading,
    private readonly scripts: ReadonlyMap<string, string | undefined>,
    private readonly scriptsDir: string,
  ) {}

  script(name: string, text: string, positional: string[], depth: number): void {
    let nodes = this.parsed.get(name);
    if (!nodes) {
      nodes = structure(lex(text));
      this.parsed.set(name, nodes);
    }
    const ctx: Ctx = { script: name, env: new Map([["0", `${this.scriptsDir}/${name}`]]), positional, mayStart: true, depth };
    this.run(nodes, ctx);
  }

  private unknown(ctx: Ctx, line: number, why: string): void {
    this.reading.unknowns.push({ script: ctx.script, line, why });
  }

  private run(nodes: readonly Node[], ctx: Ctx): void {
    for (const node of nodes) {
      if (++this.steps > 20_000) return;
      switch (node.kind) {
        case "func":
          this.functions.set(node.name, node.body);
          break;
        case "for": {
          const values = node.words.flatMap((w) => expand(w, ctx, true));
          if (values.length === 0) values.push(UNKNOWN);
          for (const v of values) {
            ctx.env.set(node.variable, v);
            this.run(node.body, ctx);
          }
          break;
        }
        case "case": {
          const subject = expand(node.subject, ctx, false).join(" ");
          // Only what runs for `start` builds bridges: branches of `case "$1"` that `start` cannot take
          // (`stop)`, `status)`) are left out.
          for (const b of node.branches) {
            if (subject === ACTION && !b.patterns.some((p) => globMatches(p, "start"))) continue;
            this.run(b.body, ctx);
          }
          break;
        }
        case "cmd":
          this.command(node.words, node.line, ctx);
          break;
      }
    }
  }

  private command(raw: string[], line: number, ctx: Ctx): void {
    let words = [...raw];
    // `local a=$1 b=$2`, `export X=...`: assignments.
    if (["local", "export", "readonly", "declare", "typeset"].includes(words[0]!)) {
      words = words.slice(1).filter((w) => !w.startsWith("-"));
      if (words.every((w) => isAssignment(w) || /^[A-Za-z_]\w*$/.test(w))) {
        for (const w of words) if (isAssignment(w)) this.assign(w, ctx);
        return;
      }
    }
    if (words.every(isAssignment)) {
      for (const w of words) this.assign(w, ctx);
      return;
    }
    while (words.length && isAssignment(words[0]!)) words.shift();
    let fields = words.flatMap((w) => expand(w, ctx, true));
    // `exec cmd`, `sh /etc/xen/scripts/network-bridge start`: the real command follows.
    for (;;) {
      const head = fields[0];
      if (head === undefined) return;
      const base = baseName(head);
      if (PREFIXES.has(base)) {
        fields = fields.slice(1);
        // Their own options and settings: `env A=b cmd`, `timeout 10 cmd`, `nice -n 5 cmd`, `xargs -r cmd`.
        while (fields.length > 1 && (fields[0]!.startsWith("-") || isAssignment(fields[0]!) || /^[0-9.]+[smhd]?$/.test(fields[0]!))) fields = fields.slice(1);
      }
      else if (SHELLS.test(base) && fields.length > 1) {
        fields = fields.slice(1);
        while (fields[0]?.startsWith("-")) {
          if (fields[0] === "-c") {
            this.unknown(ctx, line, `runs a command string (${base} -c), which xencfg does not read`);
            return;
          }
          fields = fields.slice(1);
        }
      } else break;
    }
    const cmd = fields[0]!;
    const base = baseName(cmd);
    const argv = fields.slice(1);
    if (this.functions.has(cmd)) {
      if (ctx.depth > 12) return this.unknown(ctx, line, `calls ${cmd} too deeply to follow`);
      this.run(this.functions.get(cmd)!, { ...ctx, positional: argv, depth: ctx.depth + 1 });
      return;
    }
    if (base === "network-bridge") return this.networkBridge(argv, line, ctx);
    // xen-network-common.sh's create_bridge NAME (brctl addbr unless it exists), for wrappers that source it.
    if (cmd === "create_bridge") return this.bridge(argv[0], "brctl", line, ctx);
    if (base === "brctl") {
      if (argv[0] === "addbr") this.bridge(argv[1], "brctl", line, ctx);
      else if (argv[0] === "addif") for (const dev of argv.slice(2)) this.port(argv[1], dev);
      return;
    }
    if (base === "ip") return this.ipCommand(argv, line, ctx);
    if (base === "ovs-vsctl") {
      const at = argv.indexOf("add-br");
      if (at >= 0) this.bridge(argv.slice(at + 1).find((a) => !a.startsWith("-")), "ovs-vsctl", line, ctx);
      return;
    }
    if (cmd === "." || cmd === "source") {
      const file = argv[0] ?? "";
      const name = baseName(file);
      if (XEN_LIBRARIES.test(name)) return;
      const text = this.scripts.get(name);
      if (isKnown(file) && text !== undefined && ctx.depth < 8) {
        const nodes = structure(lex(text));
        this.run(nodes, { ...ctx, script: name, depth: ctx.depth + 1 });
        return;
      }
      if (isKnown(file) && text !== undefined) return this.unknown(ctx, line, `reads ${printable(file)}, whose scripts read each other too deeply to follow`);
      return this.unknown(ctx, line, `reads ${printable(file)}, which xencfg cannot follow`);
    }
    if (NETWORK_CONFIGURERS.has(base) || /\/init\.d\//.test(cmd) || /^\/etc\/rc/.test(cmd)) {
      return this.unknown(ctx, line, `runs ${printable(base)}, which may bring up bridges xencfg cannot see`);
    }
    if (!isKnown(cmd)) return this.unknown(ctx, line, `runs a command xencfg cannot resolve (${printable(cmd)})`);
    const inFolder = this.scripts.has(base) && (cmd.includes("/") ? !SYSTEM_DIRS.test(cmd) : !isSystemCommand(base));
    if (inFolder) {
      const text = this.scripts.get(base);
      if (/^(vif|block|network-(route|nat))/.test(base)) return;
      if (text === undefined) return this.unknown(ctx, line, `runs ${base}, which xencfg cannot read`);
      // Scripts that call each other (a -> b -> a) end here, with the reason they do.
      if (ctx.depth > 8) return this.unknown(ctx, line, `runs ${base}, and the scripts call each other too deeply to follow`);
      this.script(base, text, argv.map((a) => (a === "start" ? ACTION : a)), ctx.depth + 1);
      return;
    }
    if (cmd.includes("/") && !SYSTEM_DIRS.test(cmd)) {
      return this.unknown(ctx, line, `runs ${printable(cmd)}, which xencfg cannot read`);
    }
    if (!HARMLESS.has(base)) return this.unknown(ctx, line, `runs ${printable(base)}, which xencfg does not know`);
  }

  private assign(word: string, ctx: Ctx): void {
    const eq = word.indexOf("=");
    ctx.env.set(word.slice(0, eq), expand(word.slice(eq + 1), ctx, false).join(" "));
  }

  private networkBridge(argv: string[], line: number, ctx: Ctx): void {
    const action = argv.find((a) => !a.includes("=") || !isKnown(a.slice(0, a.indexOf("="))));
    const starts = action === undefined ? false : action === ACTION ? ctx.mayStart : action === "start" || !isKnown(action);
    if (!starts) return;
    const args = new Map<string, string>();
    let opaqueArgs = false;
    for (const a of argv) {
      if (a === action) continue;
      const eq = a.indexOf("=");
      if (eq > 0 && isKnown(a.slice(0, eq))) args.set(a.slice(0, eq), a.slice(eq + 1));
      else if (!isKnown(a)) opaqueArgs = true;
    }
    this.reading.events.push({ kind: "network-bridge", script: ctx.script, line, args, opaqueArgs });
  }

  private ipCommand(argv: string[], line: number, ctx: Ctx): void {
    let i = 0;
    while (i < argv.length && argv[i]!.startsWith("-")) i += argv[i] === "-n" || argv[i] === "-netns" ? 2 : 1;
    if (argv[i] !== "link" && argv[i] !== "l") return;
    const verb = argv[i + 1];
    if (verb === "set" || verb === "s") {
      // `ip link set [dev] DEV ... master BRIDGE`
      let dev: string | undefined;
      let master: string | undefined;
      for (let j = i + 2; j < argv.length; j++) {
        const w = argv[j]!;
        if (w === "dev") dev = argv[++j];
        else if (w === "master") master = argv[++j];
        else if (dev === undefined && j === i + 2) dev = w;
      }
      if (dev !== undefined && master !== undefined) this.port(master, dev);
      return;
    }
    if (verb !== "add" && verb !== "a") return;
    let name: string | undefined;
    let type: string | undefined;
    for (let j = i + 2; j < argv.length; j++) {
      const w = argv[j]!;
      if (w === "name" || w === "dev") name = argv[++j];
      else if (w === "type") type = argv[++j];
      else if (["link", "address", "mtu", "txqueuelen", "numtxqueues", "numrxqueues", "broadcast", "index"].includes(w)) j++;
      else if (name === undefined && type === undefined) name = w;
      else if (type !== undefined) break;
    }
    if (type === undefined) return;
    if (!isKnown(type)) return this.unknown(ctx, line, "adds a link whose type xencfg cannot resolve");
    if (type === "bridge") this.bridge(name, "ip", line, ctx);
  }

  private bridge(name: string | undefined, how: WrapperBridge["how"], line: number, ctx: Ctx): void {
    if (name === undefined || !isKnown(name)) return this.unknown(ctx, line, `builds a bridge whose name xencfg cannot resolve (${how})`);
    this.reading.events.push({ kind: "bridge", name, script: ctx.script, line, how, ports: [] });
  }

  /** A device enslaved to a bridge this wrapper built earlier; ports of other bridges are not ours to tell. */
  private port(bridge: string | undefined, dev: string): void {
    if (bridge === undefined || !isKnown(bridge) || !isKnown(dev)) return;
    for (let k = this.reading.events.length - 1; k >= 0; k--) {
      const e = this.reading.events[k]!;
      if (e.kind !== "bridge" || e.name !== bridge) continue;
      if (!e.ports.includes(dev)) e.ports.push(dev);
      return;
    }
  }
}

function isAssignment(word: string): boolean {
  return /^[A-Za-z_]\w*=/.test(word);
}

function isSystemCommand(name: string): boolean {
  return HARMLESS.has(name);
}

function baseName(word: string): string {
  return word.slice(word.lastIndexOf("/") + 1);
}

function printable(word: string): string {
  return word.replaceAll(UNKNOWN, "…").replaceAll(ACTION, "$1");
}

/** Whether a case pattern (a shell glob) matches a word. */
function globMatches(pattern: string, word: string): boolean {
  const p = pattern.replace(/^["']|["']$/g, "");
  const re = new RegExp(`^${p.replace(/[.+^${}()|\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".")}$`);
  return re.test(word);
}

/**
 * Expands one raw word as sh would for the reader's purposes: quotes removed, variables and positional
 * parameters substituted, `$(dirname "$0")` resolved, other command substitutions UNKNOWN; unquoted
 * expansions split into fields when `split`.
 */
function expand(raw: string, ctx: Ctx, split: boolean): string[] {
  const fields: string[] = [];
  let cur: string | undefined;
  const add = (s: string) => {
    cur = (cur ?? "") + s;
  };
  const addExpansion = (value: string, quoted: boolean) => {
    if (quoted || !split) return add(value);
    const parts = value.split(/[ \t\n]+/);
    parts.forEach((p, k) => {
      if (k > 0) {
        if (cur !== undefined && cur !== "") fields.push(cur);
        cur = undefined;
      }
      if (p !== "") add(p);
    });
  };
  const addPositional = (quoted: boolean) => {
    ctx.positional.forEach((p, k) => {
      if (k > 0) {
        if (cur !== undefined) fields.push(cur);
        cur = undefined;
      }
      if (quoted) add(p);
      else addExpansion(p, false);
    });
  };
  let i = 0;
  while (i < raw.length) {
    const c = raw[i]!;
    if (c === "'") {
      const e = raw.indexOf("'", i + 1);
      add(raw.slice(i + 1, e === -1 ? raw.length : e));
      i = e === -1 ? raw.length : e + 1;
    } else if (c === '"') {
      let j = i + 1;
      if (cur === undefined) cur = "";
      while (j < raw.length && raw[j] !== '"') {
        if (raw[j] === "\\" && /[$`"\\\n]/.test(raw[j + 1] ?? "")) {
          add(raw[j + 1]!);
          j += 2;
        } else if (raw[j] === "$" || raw[j] === "`") {
          const r = expansion(raw, j, ctx);
          if (r.positional) addPositional(true);
          else add(r.value);
          j = r.end;
        } else add(raw[j++]!);
      }
      i = j + 1;
    } else if (c === "\\") {
      add(raw[i + 1] ?? "");
      i += 2;
    } else if (c === "$" || c === "`") {
      const r = expansion(raw, i, ctx);
      if (r.positional) addPositional(false);
      else addExpansion(r.value, false);
      i = r.end;
    } else {
      add(c);
      i++;
    }
  }
  if (cur !== undefined) fields.push(cur);
  return fields;
}

function expansion(raw: string, i: number, ctx: Ctx): { value: string; end: number; positional?: boolean } {
  if (raw[i] === "`") {
    const end = skipBackquote(raw, i);
    return { value: commandSubstitution(raw.slice(i + 1, end - 1), ctx), end };
  }
  const next = raw[i + 1];
  if (next === "(") {
    const end = skipParens(raw, i + 1);
    if (raw[i + 2] === "(") return { value: UNKNOWN, end };
    return { value: commandSubstitution(raw.slice(i + 2, end - 1), ctx), end };
  }
  if (next === "{") {
    const close = raw.indexOf("}", i);
    const end = close === -1 ? raw.length : close + 1;
    const inner = raw.slice(i + 2, end - 1);
    const m = /^([A-Za-z_]\w*|[0-9]+|[@*#?$!])(?:(:?[-=+?])(.*)|(%%?|##?)(.*))?$/s.exec(inner);
    if (!m) return { value: UNKNOWN, end };
    const [, name, op, word, trim, pattern] = m;
    if (name === "@" || name === "*") return { value: "", end, positional: true };
    const value = lookupSet(name!, ctx);
    if (op) {
      const unset = value === undefined || (op.startsWith(":") && value === "");
      const alt = expand(word ?? "", ctx, false).join(" ");
      if (op.endsWith("+")) return { value: unset ? "" : alt, end };
      if (unset && op.endsWith("?")) return { value: UNKNOWN, end };
      if (unset && op.endsWith("=")) ctx.env.set(name!, alt);
      return { value: unset ? alt : value!, end };
    }
    if (trim) {
      // `${0%/*}` is the script's directory; other trims are not followed.
      if (name === "0" && trim === "%" && pattern === "/*") return { value: dirOf(lookupSet("0", ctx) ?? UNKNOWN), end };
      return { value: UNKNOWN, end };
    }
    return { value: value ?? unsetValue(name!), end };
  }
  const m = /^([A-Za-z_]\w*|[0-9]|[@*#?$!-])/.exec(raw.slice(i + 1));
  if (!m) return { value: "$", end: i + 1 };
  const name = m[1]!;
  const end = i + 1 + name.length;
  if (name === "@" || name === "*") return { value: "", end, positional: true };
  return { value: lookupSet(name, ctx) ?? unsetValue(name), end };
}

/** A parameter's value, or undefined when the script never set it. */
function lookupSet(name: string, ctx: Ctx): string | undefined {
  if (/^[1-9][0-9]*$/.test(name)) return ctx.positional[Number(name) - 1];
  if (name === "#") return String(ctx.positional.length);
  if (["?", "$", "!", "-"].includes(name)) return UNKNOWN;
  return ctx.env.get(name);
}

/** An unset positional parameter is empty; an unset variable may come from xend's environment. */
function unsetValue(name: string): string {
  return /^[0-9]+$/.test(name) ? "" : UNKNOWN;
}

function commandSubstitution(body: string, ctx: Ctx): string {
  // `$(dirname "$0")`, `$(cd "$(dirname "$0")" && pwd)`: the script's folder.
  if (/\bdirname\b/.test(body) && /\$\{?0\}?/.test(body)) return dirOf(lookupSet("0", ctx) ?? UNKNOWN);
  return UNKNOWN;
}

function dirOf(path: string): string {
  const k = path.lastIndexOf("/");
  return k <= 0 ? (k === 0 ? "/" : ".") : path.slice(0, k);
}
