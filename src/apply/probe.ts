import { execFile } from "node:child_process";
import { accessSync, constants } from "node:fs";
import { isIP } from "node:net";
import { delimiter, join } from "node:path";

export interface ProbeTarget {
  address: string;
  port: number | null;
}

/** ADDRESS, ADDRESS:PORT, [IPV6] or [IPV6]:PORT. Only literal addresses: a name lookup may itself be what broke. */
export function parseProbeTarget(text: string): ProbeTarget | string {
  const m = /^\[([^\]]+)\](?::(\d+))?$/.exec(text) ?? /^([^:]+)(?::(\d+))?$/.exec(text);
  const [address, port] = m ? [m[1]!, m[2]] : isIP(text) === 6 ? [text, undefined] : ["", undefined];
  if (isIP(address) === 0) return `'${text}' is not ADDRESS[:PORT] with a literal IPv4 or IPv6 address`;
  if (port === undefined) return { address, port: null };
  const n = Number(port);
  if (!Number.isInteger(n) || n < 1 || n > 65535) return `port ${port} is not 1-65535`;
  return { address, port: n };
}

/**
 * Whether the target still answers. With a port: a TCP connection must open. Without: `ping` when the
 * machine has it, else a TCP connection to the discard port, where a refusal counts as an answer (a reset
 * comes from the host itself; a dead path gives a timeout or "unreachable"). Run inside the namespace when
 * one is given, since that is where the changed links are.
 */
export async function probe(target: ProbeTarget, netns: string | null, timeoutMs = 3000): Promise<{ ok: boolean; detail: string }> {
  if (target.port === null) {
    const ping = findOnPath("ping");
    if (ping) {
      const secs = String(Math.max(1, Math.round(timeoutMs / 1000)));
      const args = [isIP(target.address) === 6 ? "-6" : "-4", "-c", "1", "-W", secs, target.address];
      const r = await run(netns ? "ip" : ping, netns ? ["netns", "exec", netns, ping, ...args] : args, timeoutMs + 2000);
      return { ok: r.code === 0, detail: r.code === 0 ? `ping ${target.address} answered` : `ping ${target.address} got no answer` };
    }
  }
  const port = target.port ?? 9;
  const acceptRefused = target.port === null;
  const script = `
    const net = require("node:net");
    const [host, port, ms, refusedOk] = process.argv.slice(1);
    const s = net.connect({ host, port: Number(port) });
    const done = (code, msg) => { process.stdout.write(msg); s.destroy(); process.exit(code); };
    s.setTimeout(Number(ms), () => done(1, "timeout"));
    s.on("connect", () => done(0, "connected"));
    s.on("error", (e) => done(e.code === "ECONNREFUSED" && refusedOk === "1" ? 0 : 1, e.code || e.message));
  `;
  const nodeArgs = ["-e", script, target.address, String(port), String(timeoutMs), acceptRefused ? "1" : "0"];
  const r = await run(netns ? "ip" : process.execPath, netns ? ["netns", "exec", netns, process.execPath, ...nodeArgs] : nodeArgs, timeoutMs + 5000);
  const where = `${target.address.includes(":") ? `[${target.address}]` : target.address}:${port}`;
  return { ok: r.code === 0, detail: r.code === 0 ? `${where} answered (${r.stdout.trim()})` : `${where} did not answer (${r.stdout.trim() || r.stderr.trim() || "no reply"})` };
}

function run(cmd: string, args: string[], timeoutMs: number): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(cmd, args, { encoding: "utf8", timeout: timeoutMs }, (err, stdout, stderr) => {
      const code = err ? (typeof (err as { code?: unknown }).code === "number" ? ((err as { code: number }).code) : 1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

function findOnPath(name: string): string | null {
  for (const dir of (process.env.PATH ?? "/usr/sbin:/usr/bin:/sbin:/bin").split(delimiter)) {
    const p = join(dir, name);
    try {
      accessSync(p, constants.X_OK);
      return p;
    } catch {
      // not here
    }
  }
  return null;
}
