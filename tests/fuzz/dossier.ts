import { readFile } from 'node:fs/promises';
import { Readable } from 'node:stream';
import fc from 'fast-check';
import { exportDossier } from '../../electron/core/dossier';
import { zipSource } from '../../electron/core/dossier/source';
import { checkCaseJson, checkDossier } from '../../electron/core/dossier/verification';
import { isVigilError } from '../../electron/core/errors';
import { generateOrgKey, vaultKeyring } from '../../electron/core/pgp';
import {
  createCase,
  createEvent,
  createPerson,
  createTestimony,
  exportCaseDocument,
  importCaseDocument,
  listCases,
  loadVocabularies,
} from '../../electron/core/records';
import { readDossier, writeZip } from '../helpers/hostileDossier';
import {
  applyMutations,
  defineTarget,
  describeMutations,
  mutationsArbitrary,
  type Mutation,
  type RegisteredTarget,
} from './harness';
import { once, scratchPath, scratchVault } from './scratch';

// What a partner's dossier brings in: the zip reader (bundle import and
// `vigil verify` of a zip) and the case document (case.json).

/** A small case with a custom term, persons who refer to one another, events, a testimony. */
async function smallCase(vault: Awaited<ReturnType<typeof scratchVault>>): Promise<string> {
  await generateOrgKey(vault, { name: 'Fuzz Org', email: 'org@fuzz.example' });
  const record = await createCase(vault, {
    title: 'Detention of Ana Pérez and Олег Смирнов',
    summary: 'Two defenders held after a protest.',
    countries: ['PE'],
  });
  const consent = { scope: 'partners' as const, naming: 'name' as const, givenOn: '2024-01-10' };
  const ana = await createPerson(
    vault,
    { name: 'Ana Pérez', consent },
    { caseId: record.id, role: 'victim' },
  );
  const oleg = await createPerson(
    vault,
    { name: 'Олег Смирнов', consent },
    { caseId: record.id, role: 'witness' },
  );
  const testimony = await createTestimony(vault, record.id, {
    witnessId: oleg.id,
    statement: 'Я видел, как её увели.',
    consent,
  });
  const arrest = await createEvent(vault, record.id, {
    eventType: 'arbitrary-arrest',
    title: 'Arrest',
    start: { value: '2024-01-05', qualifier: 'exact' },
    victims: [ana.id],
    sources: [{ personId: oleg.id, testimonyId: testimony.id }],
  });
  await createEvent(vault, record.id, {
    eventType: 'arbitrary-detention',
    start: { value: '2024-01-06', qualifier: 'exact' },
    ongoing: true,
    victims: [ana.id],
    links: [{ eventId: arrest.id, relation: 'followed-by' }],
  });
  return record.id;
}

// ---- zip-dossier ---------------------------------------------------------------

const zipFixtures = once(async () => {
  const vault = await scratchVault('zip');
  const caseId = await smallCase(vault);
  const dir = scratchPath('dossier');
  await exportDossier(
    vault,
    {
      caseId,
      template: 'generic',
      language: 'en',
      audience: { kind: 'partners' },
      includePrivate: false,
    },
    { kind: 'directory', path: dir },
  );
  const files = await readDossier(dir);
  const zip = await readFile(await writeZip(scratchPath('dossier.zip'), files));
  return { vault, files, zip, keyring: await vaultKeyring(vault) };
});

const zipDossier = defineTarget<{ edits: Mutation[] }>({
  name: 'zip-dossier',
  about:
    'mutated dossier zips through the safe zip reader and the one verification: it never throws, and whatever it calls intact holds exactly the files that were signed',
  runs: 120,
  arbitrary: () => fc.record({ edits: mutationsArbitrary(5) }),
  async property({ edits }) {
    const { vault, files, zip, keyring } = await zipFixtures();
    const bytes = applyMutations(zip, edits);
    const source = await zipSource('zip', {
      size: bytes.length,
      stream: (start, end) => Readable.from([bytes.subarray(start, end)]),
    });
    try {
      for (const path of source.files.keys())
        if (path.startsWith('/') || path.split('/').includes('..') || path.includes('\\'))
          throw new Error(`the reader let through the path ${JSON.stringify(path)}`);
      const checked = await checkDossier(source, keyring, vault.now());
      if (!checked.report.ok) {
        if (checked.report.problems.length === 0) throw new Error('refused without saying why');
        return;
      }
      // Called intact: exactly the signed files, byte for byte.
      const paths = [...source.files.keys()].sort();
      if (JSON.stringify(paths) !== JSON.stringify([...files.keys()].sort()))
        throw new Error(`called intact, but holds ${paths.join(', ')}`);
      for (const path of paths) {
        const read = await source.read(path, 64 * 1024 * 1024);
        if (!read?.equals(files.get(path)!))
          throw new Error(`called intact, but ${path} is not what was signed`);
      }
    } finally {
      source.close();
    }
  },
  describe: ({ edits }) => describeMutations(edits),
});

// ---- case-document -----------------------------------------------------------

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** One change to a JSON document, at a node chosen by index among all its nodes. */
type Edit =
  | { op: 'delete'; at: number }
  | { op: 'set'; at: number; value: Json }
  | { op: 'retype'; at: number }
  | { op: 'reference'; at: number; from: number }
  | { op: 'duplicate'; at: number }
  | { op: 'add-key'; at: number; key: string; value: Json }
  | { op: 'long'; at: number; length: number };

type Path = (string | number)[];

function paths(value: Json, at: Path = [], out: Path[] = []): Path[] {
  out.push(at);
  if (Array.isArray(value)) value.forEach((v, i) => paths(v, [...at, i], out));
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) paths(v, [...at, k], out);
  return out;
}

function strings(value: Json, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) value.forEach((v) => strings(v, out));
  else if (value && typeof value === 'object') Object.values(value).forEach((v) => strings(v, out));
  return out;
}

function get(root: Json, path: Path): Json {
  return path.reduce<Json>(
    (node, key) => (node as Record<string, Json>)[key as string] ?? null,
    root,
  );
}

/** Replaces the node at `path` (the root when empty) or removes it (`undefined`). */
function put(root: Json, path: Path, value: Json | undefined): Json {
  if (path.length === 0) return value === undefined ? null : value;
  const parent = get(root, path.slice(0, -1));
  const key = path[path.length - 1]!;
  if (Array.isArray(parent)) {
    if (value === undefined) parent.splice(key as number, 1);
    else parent[key as number] = value;
  } else if (parent && typeof parent === 'object') {
    if (value === undefined) delete parent[key as string];
    else parent[key as string] = value;
  }
  return root;
}

function retyped(node: Json): Json {
  if (typeof node === 'string') return node.length;
  if (typeof node === 'number') return String(node);
  if (typeof node === 'boolean') return node ? 1 : 0;
  if (Array.isArray(node)) return node.length > 0 ? node[0]! : {};
  if (node && typeof node === 'object') return Object.values(node);
  return 'null';
}

function applyEdits(doc: Json, edits: Edit[]): Json {
  let root = structuredClone(doc);
  for (const e of edits) {
    const all = paths(root);
    const path = all[e.at % all.length]!;
    const node = get(root, path);
    switch (e.op) {
      case 'delete':
        root = put(root, path, undefined);
        break;
      case 'set':
        root = put(root, path, e.value);
        break;
      case 'retype':
        root = put(root, path, retyped(node));
        break;
      case 'reference': {
        // Another string of the document in its place: mostly ids, so references point at the wrong thing.
        const pool = strings(root);
        if (pool.length > 0) root = put(root, path, pool[e.from % pool.length]);
        break;
      }
      case 'duplicate': {
        const parent = get(root, path.slice(0, -1));
        if (Array.isArray(parent) && path.length > 0) parent.push(structuredClone(node));
        break;
      }
      case 'add-key':
        // An own property even for "__proto__", as JSON.parse makes it from a file.
        if (node && typeof node === 'object' && !Array.isArray(node))
          Object.defineProperty(node, e.key, {
            value: e.value,
            enumerable: true,
            writable: true,
            configurable: true,
          });
        break;
      case 'long':
        if (typeof node === 'string')
          root = put(root, path, node.repeat(1 + e.length).slice(0, e.length));
        break;
    }
  }
  return root;
}

const editArbitrary: fc.Arbitrary<Edit> = (() => {
  const at = fc.nat();
  const value = fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json>;
  return fc.oneof(
    fc.record({ op: fc.constant('delete' as const), at }),
    fc.record({ op: fc.constant('set' as const), at, value }),
    fc.record({ op: fc.constant('retype' as const), at }),
    fc.record({ op: fc.constant('reference' as const), at, from: fc.nat() }),
    fc.record({ op: fc.constant('duplicate' as const), at }),
    fc.record({
      op: fc.constant('add-key' as const),
      at,
      key: fc.oneof(
        fc.string({ maxLength: 12 }),
        fc.constantFrom('__proto__', 'constructor', 'id'),
      ),
      value,
    }),
    fc.record({
      op: fc.constant('long' as const),
      at,
      length: fc.constantFrom(0, 201, 5001, 100_001),
    }),
  );
})();

const caseFixtures = once(async () => {
  const source = await scratchVault('case-source');
  const caseId = await smallCase(source);
  const doc = (await exportCaseDocument(source, caseId)) as unknown as Json;
  await source.lock();
  const target = await scratchVault('case-target');
  return { doc, target };
});

const caseDocument = defineTarget<{ edits: Edit[] }>({
  name: 'case-document',
  about:
    'mutated case documents (case.json): the dossier check never throws; what it accepts, an import into a real vault takes, and what it refuses, the import refuses, changing nothing',
  runs: 150,
  arbitrary: () => fc.record({ edits: fc.array(editArbitrary, { minLength: 1, maxLength: 4 }) }),
  async property({ edits }) {
    const { doc, target } = await caseFixtures();
    // Both read the same text, as both read case.json from a dossier.
    const text = JSON.stringify(applyEdits(doc, edits));
    const checked = checkCaseJson(Buffer.from(text));
    const before = (await listCases(target, {})).length;
    const vaultTerms = (await loadVocabularies(target.db)).customTerms().length;
    let imported = false;
    try {
      await importCaseDocument(target, JSON.parse(text), { mode: 'new-ids' });
      imported = true;
    } catch (error) {
      if (!isVigilError(error) || error.code === 'INTERNAL')
        throw new Error(`the import crashed: ${String(error)}`, { cause: error });
      if (checked.document)
        throw new Error(`the dossier check accepts it, but the import refuses: ${error.message}`, {
          cause: error,
        });
    }
    // A refusal by the check is a refusal by the import (in a vault without terms of its own to fill gaps).
    if (imported && !checked.document && vaultTerms === 0)
      throw new Error(`the import takes what the dossier check refuses (${checked.problem})`);
    const after = (await listCases(target, {})).length;
    if (after !== before + (imported ? 1 : 0))
      throw new Error(`the vault went from ${before} to ${after} cases`);
  },
  describe: ({ edits }) => JSON.stringify(edits).slice(0, 400),
});

export const dossierTargets: RegisteredTarget[] = [zipDossier, caseDocument];
