import { resolve } from "node:path";
import { writeFileAtomic } from "../../fs/atomic-write.js";
import { checkNetnsName, createIpRunner } from "../../apply/ip-runner.js";
import { readLink, readMovableAddresses, readMovableRoutes } from "../../apply/net-state.js";
import { type LiveReader, planMigration } from "../../plan/migrate.js";
import { serializePlan } from "../../plan/plan-json.js";
import { readMigrationHost } from "../../plan/read-migration-host.js";
import { renderPlanText } from "../../plan/render-plan.js";
import { parseXenVersion } from "../../lint/xen-version.js";
import { type CliIo, EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, UsageError } from "../io.js";
import type { MigrateArgs } from "./migrate.js";

export async function runMigrate(args: MigrateArgs, io: CliIo): Promise<number> {
  const netns = args.netns ?? null;
  if (netns !== null && checkNetnsName(netns)) throw new UsageError(`--netns '${netns}' ${checkNetnsName(netns)}`);
  const xen = args.xen === undefined ? undefined : parseXenVersion(args.xen);
  if (args.xen !== undefined && !xen) throw new UsageError(`--xen '${args.xen}': expected a Xen version such as 3.0, 3.2 or 4.1`);
  const host = await readMigrationHost(resolve(io.cwd, args.root));
  if ("error" in host) {
    io.stderr(`xencfg migrate: ${host.error}\n`);
    return EXIT_USAGE;
  }
  const result = await planMigration(
    host,
    { bridges: args.bridge, moves: args.move, live: args.live, pinDefault: args["pin-default"], form: args.form, xen, now: new Date() },
    args.live ? liveReader(netns) : undefined,
  );
  if (!result.ok) {
    io.stderr(`xencfg migrate: refused: ${result.errors.join("\n  ")}\n`);
    return result.usage ? EXIT_USAGE : EXIT_FINDINGS;
  }
  const json = serializePlan(result.plan);
  if (args.output) {
    // Atomic: a plan cut short by a full disk would otherwise be half a plan for apply to reject later.
    try {
      await writeFileAtomic(resolve(io.cwd, args.output), json);
    } catch (err) {
      io.stderr(`xencfg migrate: cannot write ${args.output}: ${(err as Error).message}\n`);
      return EXIT_USAGE;
    }
  }
  if (args.json) io.stdout(json);
  else {
    io.stdout(renderPlanText(result.plan, result.oldContents));
    if (args.output && result.plan.steps.length) io.stdout(`\nPlan written to ${args.output}; apply it with: xencfg apply ${args.output} --root ${args.root}\n`);
  }
  return EXIT_OK;
}

/** Reads links only: migrate never changes the host. */
function liveReader(netns: string | null): LiveReader {
  const ip = createIpRunner(netns);
  return {
    nic: async (name) => {
      const link = await readLink(ip, name);
      if (!link) return { exists: false, master: null, up: false, hasAddresses: false };
      const defaultGateways = (await readMovableRoutes(ip, name)).filter((r) => r.dst === "default").map((r) => r.gateway ?? `dev ${name}`);
      return { exists: true, master: link.master, up: link.up, hasAddresses: (await readMovableAddresses(ip, name)).length > 0, defaultGateways };
    },
    bridge: async (name) => {
      const link = await readLink(ip, name);
      return { exists: Boolean(link), isBridge: link?.kind === "bridge", up: Boolean(link?.up) };
    },
  };
}
