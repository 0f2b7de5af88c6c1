// electron-builder afterPack hook: flips Electron's fuses in the packaged
// binary, so the shipped app cannot be turned into a Node runtime, take
// NODE_OPTIONS or --inspect, or load code from outside its (checked) asar.
const path = require('node:path');

/** The fuses Vigil ships with, for a given platform. */
function fuseConfig(platform, arch) {
  const { FuseVersion, FuseV1Options } = require('@electron/fuses');
  return {
    version: FuseVersion.V1,
    // Ad-hoc signatures break when fuses change on Apple silicon; re-sign them.
    resetAdHocDarwinSignature: platform === 'darwin' && arch === 'arm64',
    [FuseV1Options.RunAsNode]: false,
    [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
    [FuseV1Options.EnableNodeCliInspectArguments]: false,
    [FuseV1Options.OnlyLoadAppFromAsar]: true,
    [FuseV1Options.EnableCookieEncryption]: true,
    // Embedded asar integrity is validated on macOS and Windows only.
    [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]:
      platform === 'darwin' || platform === 'win32',
    [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: false,
    [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
  };
}

/** Where electron-builder put the Electron executable. */
function electronBinary(context) {
  const name = context.packager.appInfo.productFilename;
  switch (context.electronPlatformName) {
    case 'darwin':
    case 'mas':
      return path.join(context.appOutDir, `${name}.app`);
    case 'win32':
      return path.join(context.appOutDir, `${name}.exe`);
    default:
      return path.join(context.appOutDir, context.packager.executableName ?? name.toLowerCase());
  }
}

async function afterPack(context) {
  const { flipFuses } = require('@electron/fuses');
  const archName =
    typeof context.arch === 'number'
      ? ['ia32', 'x64', 'armv7l', 'arm64', 'universal'][context.arch]
      : context.arch;
  await flipFuses(electronBinary(context), fuseConfig(context.electronPlatformName, archName));
}

module.exports = afterPack;
module.exports.default = afterPack;
module.exports.fuseConfig = fuseConfig;
module.exports.electronBinary = electronBinary;
