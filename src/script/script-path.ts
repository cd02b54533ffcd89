export type ScriptPathResult = { ok: true; path: string } | { ok: false; message: string };

/**
 * Checks a path that goes into a generated script and into xend-config.sxp: absolute, and only letters,
 * digits and `/ . _ - + @`. xend splits the network-script value on spaces (XendOptions.get_network_script
 * @ pre-removal), so a wrapper path with a space could not be named there; the rest keeps the path one
 * plain word in shell comments, in `xencfg wrapper` command lines and in the sxp file.
 */
export function validateScriptPath(path: string): ScriptPathResult {
  if (!path.startsWith("/")) return { ok: false, message: `${JSON.stringify(path)} is not an absolute path` };
  const bad = /[^A-Za-z0-9/._+@-]/.exec(path);
  if (bad) return { ok: false, message: `${JSON.stringify(path)} contains ${JSON.stringify(bad[0])}; use letters, digits and / . _ - + @` };
  return { ok: true, path };
}
