/**
 * Named crash points for the kill-9 tests. When VIGIL_TEST_CRASH_AT names a
 * point, the process kills itself there with SIGKILL: no cleanup, no flush,
 * exactly what a power cut or a seized laptop does. Unset, this is a no-op.
 */
export function crashPoint(name: string): void {
  if (process.env.VIGIL_TEST_CRASH_AT === name) process.kill(process.pid, 'SIGKILL');
}
