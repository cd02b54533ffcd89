/** A Linux network interface name that xencfg has checked and will put in a shell script. */
export type InterfaceName = string & { readonly __brand: "InterfaceName" };

export type InterfaceNameResult = { ok: true; name: InterfaceName } | { ok: false; message: string };

/** IFNAMSIZ is 16 with the terminating NUL (include/uapi/linux/if.h). */
export const MAX_INTERFACE_NAME_BYTES = 15;

// Why each character is refused. Linux itself refuses '/', ':' and whitespace (dev_valid_name in
// net/core/dev.c); the others it allows, but network-bridge passes `bridge=NAME netdev=NAME` through
// `eval` (evalVariables in xen-script-common.sh, all versions), so a shell character there runs as code,
// and a ',' cannot be written in a vif spec, which xl splits on ','.
const REFUSED: ReadonlyArray<[RegExp, string]> = [
  [/\//, "Linux refuses '/' in interface names (they are directories under /sys/class/net)"],
  [/:/, "Linux refuses ':' in interface names (it marks an alias such as eth0:1)"],
  [/[ \t]/, "Linux refuses whitespace in interface names"],
  [/['"`]/, "quotes would be interpreted by the shell (network-bridge evals its arguments)"],
  [/[$]/, "'$' would be expanded by the shell (network-bridge evals its arguments)"],
  [/[;&|]/, "it separates shell commands (network-bridge evals its arguments)"],
  [/[\\<>(){}[\]*?!#~^=]/, "the shell gives it a meaning (network-bridge evals its arguments)"],
  [/%/, "'%' makes ip(8) treat the name as a template such as eth%d"],
  [/,/, "a vif spec could not name it: xl splits vif specs on ','"],
];

/**
 * Checks a bridge or NIC name: 1 to 15 bytes, not `.` or `..`, printable ASCII letters, digits and
 * `_ - . + @` only, not starting with `-` (ip and brctl would read an option). Returns the name typed as
 * `InterfaceName`, or a message that says what is wrong and why, in words that follow "the name X ...".
 */
export function validateInterfaceName(name: string): InterfaceNameResult {
  if (name === "") return { ok: false, message: "is empty" };
  if (name === "." || name === "..") return { ok: false, message: "is not an interface name ('.' and '..' are refused by Linux)" };
  const bytes = Buffer.byteLength(name, "utf8");
  if (bytes > MAX_INTERFACE_NAME_BYTES) {
    return { ok: false, message: `is ${bytes} bytes long; Linux interface names have at most ${MAX_INTERFACE_NAME_BYTES} (IFNAMSIZ 16 with the NUL)` };
  }
  for (const ch of name) {
    const code = ch.codePointAt(0)!;
    if (code < 0x20 || code === 0x7f) return { ok: false, message: `contains a control character (${unicodeName(code)})` };
    if (code > 0x7e) return { ok: false, message: `contains ${JSON.stringify(ch)} (${unicodeName(code)}); xencfg accepts only printable ASCII in interface names` };
    for (const [pattern, why] of REFUSED) {
      if (pattern.test(ch)) return { ok: false, message: `contains ${JSON.stringify(ch)}: ${why}` };
    }
  }
  if (name.startsWith("-")) return { ok: false, message: "starts with '-', which ip and brctl would read as an option" };
  return { ok: true, name: name as InterfaceName };
}

export type LinuxNameProblem = { kind: "empty" } | { kind: "too-long"; bytes: number } | { kind: "invalid"; why: string };

/**
 * Why Linux itself refuses a name an existing config uses (dev_valid_name in net/core/dev.c), or
 * undefined. Laxer than validateInterfaceName, which also refuses what xencfg will not write into a shell
 * script: the linter must not call a name impossible that the kernel accepts.
 */
export function linuxNameProblem(name: string): LinuxNameProblem | undefined {
  if (name === "") return { kind: "empty" };
  const bytes = Buffer.byteLength(name, "utf8");
  if (bytes > MAX_INTERFACE_NAME_BYTES) return { kind: "too-long", bytes };
  if (name === "." || name === "..") return { kind: "invalid", why: "'.' and '..' are refused by Linux" };
  if (name.includes("/")) return { kind: "invalid", why: "Linux refuses '/' (interfaces are folders under /sys/class/net)" };
  if (/\s/.test(name)) return { kind: "invalid", why: "Linux refuses whitespace" };
  return undefined;
}

function unicodeName(code: number): string {
  return `U+${code.toString(16).toUpperCase().padStart(4, "0")}`;
}
