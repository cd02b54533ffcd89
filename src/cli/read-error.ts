/**
 * Why a file named on the command line could not be read, in words rather than an errno code: `parse d`
 * said only "EISDIR", which does not tell an admin that parse and fmt take files while lint takes folders.
 */
export function describeReadError(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  switch (code) {
    case "ENOENT":
      return "no such file";
    case "EISDIR":
      return "it is a folder; name the files in it (xencfg lint reads /etc/xen-like folders)";
    case "EACCES":
    case "EPERM":
      return "permission denied";
    case "ELOOP":
      return "too many levels of symbolic links (a symlink loop?)";
    default:
      return code ?? (err as Error).message;
  }
}
