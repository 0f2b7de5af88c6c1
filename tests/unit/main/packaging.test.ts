import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FuseV1Options, FuseVersion } from '@electron/fuses';

const require = createRequire(import.meta.url);
const afterPack = require('../../../scripts/after-pack.cjs') as {
  fuseConfig(platform: string, arch: string): Record<string | number, unknown>;
  electronBinary(context: unknown): string;
};

describe('packaging', () => {
  it('turns off RunAsNode, NODE_OPTIONS and --inspect, and loads only from the asar, on every platform', () => {
    for (const platform of ['linux', 'win32', 'darwin']) {
      const fuses = afterPack.fuseConfig(platform, 'x64');
      expect(fuses.version).toBe(FuseVersion.V1);
      expect(fuses[FuseV1Options.RunAsNode]).toBe(false);
      expect(fuses[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(false);
      expect(fuses[FuseV1Options.EnableNodeCliInspectArguments]).toBe(false);
      expect(fuses[FuseV1Options.OnlyLoadAppFromAsar]).toBe(true);
      expect(fuses[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(platform !== 'linux');
    }
    expect(afterPack.fuseConfig('darwin', 'arm64').resetAdHocDarwinSignature).toBe(true);
  });

  it('finds the Electron executable electron-builder produced', () => {
    const context = (platform: string) => ({
      appOutDir: '/out',
      electronPlatformName: platform,
      packager: { appInfo: { productFilename: 'Vigil' }, executableName: 'vigil' },
    });
    expect(afterPack.electronBinary(context('linux'))).toBe('/out/vigil');
    expect(afterPack.electronBinary(context('win32'))).toBe('/out/Vigil.exe');
    expect(afterPack.electronBinary(context('darwin'))).toBe('/out/Vigil.app');
  });

  it('electron-builder.yml targets Linux, Windows and macOS, runs the fuse hook and unpacks the native modules', () => {
    const config = readFileSync('electron-builder.yml', 'utf8');
    expect(config).toMatch(/afterPack: scripts\/after-pack\.cjs/);
    expect(config).toMatch(/target: \[AppImage, deb\]/);
    expect(config).toMatch(/target: \[nsis\]/);
    expect(config).toMatch(/target: \[dmg\]/);
    expect(config).toMatch(/asarUnpack:[\s\S]*@journeyapps\/sqlcipher/);
  });
});
