/**
 * Named crash points for the kill-9 tests. In every build that ships (the
 * `vigil` command, the app) this is a no-op, and no code that kills the
 * process exists in the output. The test build of the CLI (see
 * tests/global-setup.ts) puts tests/helpers/crashPoints.ts in its place,
 * which kills the process with SIGKILL at the point its environment
 * variable names. (This comment must not spell that variable: the shipped
 * bundle keeps comments, and a test looks for the name in it.)
 */
export function crashPoint(name: string): void {
  void name;
}
