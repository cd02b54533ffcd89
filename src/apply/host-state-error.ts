/**
 * The host's xencfg state cannot be used now: another run holds the lock, or the state folder under
 * ROOT/var/lib/xencfg cannot be created or written (a read-only or immutable root). An operational
 * fact to report in words with exit 2, not an internal error with a stack trace.
 */
export class HostStateError extends Error {
  override name = "HostStateError";
}
