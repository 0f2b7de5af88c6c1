// The core's layers, checked by lint rather than remembered: a module of
// electron/core may import only modules of a lower layer (and itself), so the
// graph stays acyclic as code is added. A new module must be placed in the
// table below before anything can import it or be imported by it.
import { dirname, relative, resolve, sep } from 'node:path';

/** Lower layers first. Modules of one layer may not import one another. */
export const CORE_LAYERS = [
  ['errors'],
  ['fs', 'crypto'],
  ['vault'],
  ['records', 'pgp', 'metadata', 'render', 'release', 'backup'],
  ['evidence'],
  ['dossier'],
  ['checks'],
  ['index'],
];

const RANK = new Map(CORE_LAYERS.flatMap((layer, rank) => layer.map((name) => [name, rank])));

/** The core module a path belongs to: its first folder, or a top-level file's name. */
function coreModule(path, coreDir) {
  const rel = relative(coreDir, path);
  if (rel.startsWith('..') || rel === '') return null;
  const [first, ...rest] = rel.split(sep);
  return rest.length > 0 ? first : first.replace(/\.(ts|js)$/, '');
}

export const layersRule = {
  meta: {
    type: 'problem',
    docs: { description: 'electron/core modules import only lower layers' },
    schema: [],
  },
  create(context) {
    const file = context.filename;
    const coreDir = resolve(context.cwd, 'electron', 'core');
    const from = coreModule(file, coreDir);
    if (from === null) return {};
    const check = (node, source) => {
      if (typeof source !== 'string' || !source.startsWith('.')) return;
      const to = coreModule(resolve(dirname(file), source), coreDir);
      if (to === null || to === from) return;
      for (const name of [from, to]) {
        if (!RANK.has(name)) {
          context.report({
            node,
            message: `electron/core/${name} has no layer: add it to CORE_LAYERS in scripts/eslint/layers.js.`,
          });
          return;
        }
      }
      if (RANK.get(to) >= RANK.get(from))
        context.report({
          node,
          message: `electron/core/${from} may not import electron/core/${to}: ${to} is not in a lower layer (scripts/eslint/layers.js).`,
        });
    };
    return {
      ImportDeclaration: (node) => check(node, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value),
      ExportAllDeclaration: (node) => check(node, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node, node.source.value),
    };
  },
};

export const vigilPlugin = { rules: { 'core-layers': layersRule } };
