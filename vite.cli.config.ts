import { resolve } from 'node:path';
import { builtinModules } from 'node:module';
import { defineConfig } from 'vite';
import pkg from './package.json' with { type: 'json' };

// Builds the `vigil` command line and the benchmark runner for plain Node.
// Dependencies stay external: native modules (SQLCipher, sodium) must be
// loaded from node_modules, never bundled. zod is the exception: the vault
// header and every record command validate with it, and from node_modules its
// entry point loads about a hundred files (every locale of its messages) at each
// start; bundled, it is one tree-shaken chunk with the English messages only.
const BUNDLED = ['zod'];
const external = [
  ...Object.keys(pkg.dependencies).filter((name) => !BUNDLED.includes(name)),
  ...builtinModules.flatMap((m) => [m, `node:${m}`]),
];

export default defineConfig({
  // An SSR build keeps every dependency external unless told otherwise.
  ssr: { noExternal: BUNDLED },
  build: {
    ssr: true,
    outDir: resolve(import.meta.dirname, 'out/cli'),
    emptyOutDir: true,
    target: 'node22',
    minify: false,
    sourcemap: false,
    reportCompressedSize: false,
    rolldownOptions: {
      input: {
        vigil: resolve(import.meta.dirname, 'electron/cli/vigil.ts'),
        bench: resolve(import.meta.dirname, 'bench/run.ts'),
      },
      external: (id) => external.some((e) => id === e || id.startsWith(`${e}/`)),
      output: {
        format: 'es',
        entryFileNames: '[name].js',
        chunkFileNames: 'chunks/[name]-[hash].js',
        // The bundled dependencies under their own names, for whoever reads out/cli.
        codeSplitting: {
          groups: BUNDLED.map((name) => ({
            name,
            test: new RegExp(`[\\\\/]node_modules[\\\\/]${name}[\\\\/]`),
          })),
        },
      },
    },
  },
});
