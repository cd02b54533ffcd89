import { execFile } from "node:child_process";

/** Runs one `ip` command. Arguments are an array handed to execve: nothing here ever goes through a shell. */
export interface IpRunner {
  readonly netns: string | null;
  run(args: readonly string[]): Promise<string>;
}

export class IpError extends Error {
  override name = "IpError";
  constructor(
    readonly args: readonly string[],
    readonly stderr: string,
  ) {
    super(`ip ${args.join(" ")}: ${stderr.trim() || "failed"}`);
  }
}

/** Network namespace names are file names under /run/netns. */
export function checkNetnsName(name: string): string | undefined {
  if (!/^[A-Za-z0-9_.-]{1,64}$/.test(name) || name === "." || name === ".." || name.startsWith("-"))
    return "must be 1-64 characters of [A-Za-z0-9_.-], not starting with '-'";
  return undefined;
}

/** The real runner: `ip [-n NETNS] ARGS...`; with a namespace, ip enters it itself (`ip -n` is `ip netns exec`). */
export function createIpRunner(netns: string | null, ipPath = "ip"): IpRunner {
  if (netns !== null) {
    const problem = checkNetnsName(netns);
    if (problem) throw new Error(`network namespace '${netns}' ${problem}`);
  }
  const prefix = netns === null ? [] : ["-n", netns];
  return {
    netns,
    run: (args) =>
      new Promise((resolve, reject) => {
        const full = [...prefix, ...args];
        execFile(ipPath, full, { encoding: "utf8", timeout: 15_000, maxBuffer: 16 * 1024 * 1024 }, (err, stdout, stderr) => {
          if (err) reject(new IpError(full, stderr || err.message));
          else resolve(stdout);
        });
      }),
  };
}
