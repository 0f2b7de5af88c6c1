// `npm start`: build the app and launch it in Electron. Electron fetches its
// runtime on first use; where that is impossible (offline machines, CI), say
// so in one line and point to the command line, which drives the same core.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

process.stdout.write('Preparing the Electron runtime…\n');
const probe = spawnSync(process.execPath, ['-e', "process.stdout.write(require('electron'))"], {
  encoding: 'utf8',
});
const electronBinary = probe.status === 0 ? probe.stdout.trim() : '';

if (!electronBinary || !existsSync(electronBinary)) {
  process.stdout.write(
    'vigil: the Electron runtime cannot be downloaded on this machine, so the desktop app cannot start here; use the command line instead: npx vigil --help\n',
  );
  if (process.env.VIGIL_DEBUG) process.stderr.write(probe.stderr);
  process.exit(0);
}

const build = spawnSync('npx', ['electron-vite', 'build'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);
const app = spawnSync(electronBinary, ['.'], { stdio: 'inherit' });
process.exit(app.status ?? 0);
