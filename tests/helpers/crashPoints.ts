/**
 * The live crash points of the test build (tests/global-setup.ts puts this
 * module in place of electron/core/fs/crashPoints.ts). When
 * VIGIL_TEST_CRASH_AT names a point, the process kills itself there with
 * SIGKILL: no cleanup, no flush, exactly what a power cut or a seized laptop
 * does.
 */
export function crashPoint(name: string): void {
  if (process.env.VIGIL_TEST_CRASH_AT === name) process.kill(process.pid, 'SIGKILL');
}
