/**
 * The wrapper's dispatch on the action xend passes as $1: one branch per pattern, each line run with
 * `|| status=1` so one failing bridge does not stop the others but still fails the wrapper, and the
 * usage message for anything else. Both wrapper forms end with it.
 */
export function actionCase(branches: ReadonlyArray<readonly [pattern: string, commands: readonly string[]]>): string[] {
  return [
    "status=0",
    'case "${1:-}" in',
    ...branches.flatMap(([pattern, commands]) => [`${pattern})`, ...commands.map((c) => `    ${c} || status=1`), "    ;;"]),
    "*)",
    '    echo "usage: $0 start|stop|status" >&2',
    "    exit 1",
    "    ;;",
    "esac",
    'exit "$status"',
  ];
}
