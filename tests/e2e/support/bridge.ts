import { join } from 'node:path';
import { ScriptedDialogs } from '../../helpers/services';
import { tempDir } from '../../helpers/tmp';
import { launchBridge, type BridgedApp } from './bridgeCore';

export { CHROMIUM, hasChromium, hasRenderer, rendererDir, type BridgedApp } from './bridgeCore';

/**
 * The bridged app for a test: a fresh settings file, dialogs the test
 * scripts (push the folder, files or save path "the user picks"), and
 * optionally a persistent Chromium profile the test can inspect on disk.
 */
export async function launchBridgedApp(
  options: { locale?: string; userDataDir?: string } = {},
): Promise<BridgedApp<ScriptedDialogs>> {
  const settingsFile = join(await tempDir('vigil-e2e-settings-'), 'settings.json');
  return launchBridge({ ...options, dialogs: new ScriptedDialogs(), settingsFile });
}
