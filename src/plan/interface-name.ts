import { validateInterfaceName } from "../script/interface-name.js";

/**
 * The one gate interface names pass before they reach a plan or `ip`: the same rule as the wrapper
 * generator's (src/script/interface-name.ts), returned as a message for validators that collect errors.
 */
export function checkInterfaceName(name: string): string | undefined {
  const result = validateInterfaceName(name);
  return result.ok ? undefined : result.message;
}

/** Throws for a bad name: used where a name has already passed plan validation and a failure is a bug. */
export function assertInterfaceName(name: string): string {
  const problem = checkInterfaceName(name);
  if (problem) throw new Error(`interface name '${name}' ${problem}`);
  return name;
}
