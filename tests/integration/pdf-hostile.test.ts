import { spawnSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportDossier } from '../../electron/core/dossier';
import { intakeFile } from '../../electron/core/evidence';
import { stripFile } from '../../electron/core/metadata';
import type { Vault } from '../../electron/core/vault/vault';
import { runVigilInProcess } from '../helpers/cli';
import { exiftool } from '../helpers/exiftool';
import { CONSTRUCTIONS, PAGE_TEXT } from '../helpers/hostilePdfs';
import { pdfLeaks } from '../helpers/pdfLeaks';
import { hasTool } from '../helpers/peers';
import { newVault } from '../helpers/vault';
import { buildWgadCase } from '../helpers/wgadCase';

// The hostile constructions as other programs see them after `vigil strip`:
// exiftool finds no planted value (embedded images included), qpdf's fully
// uncompressed rewrite and the raw bytes hold no canary, poppler reads the same
// text, and qpdf --check passes. Then the same files through the vault: added
// as evidence, exported in a dossier, whose stripped working copies hold none.

const EXIFTOOL = hasTool('exiftool');
const QPDF = hasTool('qpdf');
const POPPLER = hasTool('pdftotext');

function run(cmd: string, args: string[]): { status: number | null; out: string; err: string } {
  const r = spawnSync(cmd, args, { maxBuffer: 64 << 20 });
  return { status: r.status, out: r.stdout.toString('latin1'), err: r.stderr.toString('latin1') };
}

const STRIPPED = CONSTRUCTIONS.filter((c) => c.expect === 'strip');
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'vigil-pdf-hostile-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('hostile PDFs after vigil strip, as exiftool, qpdf and poppler see them', () => {
  STRIPPED.forEach((c, i) => {
    it(c.name, async () => {
      const input = join(dir, `in-${i}.pdf`);
      const output = join(dir, `out-${i}.pdf`);
      await writeFile(input, c.build());
      await stripFile(input, output);
      const bytes = await readFile(output);
      expect(pdfLeaks(bytes)).toEqual([]);
      if (EXIFTOOL) {
        const r = await exiftool(['-ee3', '-a', '-G1', '-u', '-j', output]);
        expect(r.status, r.stderr).toBe(0);
        expect(r.stdout.toLowerCase()).not.toContain('canary');
        const tags = (JSON.parse(r.stdout) as Record<string, unknown>[])[0]!;
        // Header fields the stripper zeroed are still listed by name, with no value.
        const leaks = Object.entries(tags).filter(
          ([t, v]) =>
            /GPS|Serial|Owner|Comment|IPTC|XMP|Author|Creator|ProfileDescription|ProfileCopyright/i.test(
              t,
            ) && String(v).replace(/[\0\s]/g, '') !== '',
        );
        expect(leaks).toEqual([]);
      }
      if (QPDF) {
        const qdf = join(dir, `qdf-${i}.pdf`);
        const r = run('qpdf', [
          '--qdf',
          '--object-streams=disable',
          '--stream-data=uncompress',
          '--decode-level=generalized',
          output,
          qdf,
        ]);
        expect(r.status, r.err).toBe(0);
        const text = (await readFile(qdf)).toString('latin1');
        for (const marker of ['canary', 'exif', 'xpacket', 'photoshop 3.0', '/metadata'])
          expect(text.toLowerCase(), marker).not.toContain(marker);
        expect(text.match(/%%EOF/g)).toHaveLength(1);
        const check = run('qpdf', ['--check', output]);
        expect(check.status, check.out + check.err).toBe(0);
        expect(check.out).toMatch(/No syntax or stream encoding errors/);
        // Vigil's input builder writes what qpdf reads without error, too.
        expect(run('qpdf', ['--check', input]).status).not.toBe(2);
      }
      if (POPPLER) {
        const before = run('pdftotext', [input, '-']);
        const after = run('pdftotext', [output, '-']);
        expect(after.status, after.err).toBe(0);
        if (c.textChanges) expect(after.out.toLowerCase()).not.toContain('canary');
        else expect(after.out).toBe(before.out);
        expect(after.out).toContain(PAGE_TEXT);
        if (!c.textChanges && !c.inputMisdrawn) {
          // Lossless: the page renders to the same pixels.
          const render = (f: string): string =>
            spawnSync('pdftoppm', ['-r', '24', '-png', f]).stdout.toString('base64');
          expect(render(output) === render(input), 'the page renders the same').toBe(true);
        }
      }
    });
  });
});

describe('vigil strip --keep-annotation-text / --keep-annotation-authors', () => {
  const notes = CONSTRUCTIONS.find((c) => c.name.startsWith('annotation authors'))!;

  it('removes review text and authors by default, keeps what is asked', async () => {
    const input = join(dir, 'notes.pdf');
    await writeFile(input, notes.build());
    const plain = await runVigilInProcess(['strip', input, '--out', join(dir, 'n0.pdf'), '--json']);
    expect(plain.code, plain.stderr).toBe(0);
    const removed = (JSON.parse(plain.stdout) as { removed: { value: string }[] }).removed;
    expect(removed.map((f) => f.value).join(' ')).toContain('CANARY-ANNOT-TEXT-f2f2');
    expect(pdfLeaks(await readFile(join(dir, 'n0.pdf')))).toEqual([]);

    const text = await runVigilInProcess([
      'strip',
      input,
      '--out',
      join(dir, 'n1.pdf'),
      '--keep-annotation-text',
    ]);
    expect(text.code, text.stderr).toBe(0);
    const kept = (await readFile(join(dir, 'n1.pdf'))).toString('latin1');
    expect(kept).toContain('CANARY-ANNOT-TEXT-f2f2');
    expect(kept).toContain('CANARY-POPUP-TEXT-c2c2');
    expect(kept).toContain(
      Buffer.from('CANARY-REPLY-TEXT-4343', 'utf16le').swap16().toString('hex'),
    );
    expect(kept).not.toContain('AUTHOR');

    const both = await runVigilInProcess([
      'strip',
      input,
      '--out',
      join(dir, 'n2.pdf'),
      '--keep-annotation-text',
      '--keep-annotation-authors',
    ]);
    expect(both.code, both.stderr).toBe(0);
    const all = (await readFile(join(dir, 'n2.pdf'))).toString('latin1');
    expect(all).toContain('CANARY-ANNOT-AUTHOR-e2e2');
    // Dates and unique names are never kept.
    expect(all).not.toContain('CANARY-NM-2323');
    expect(all).not.toContain('D:2024');
  });
});

describe('hostile PDFs through the vault: the dossier holds stripped copies without a canary', () => {
  let vault: Vault;
  let root: string;

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'vigil-pdf-vault-'));
    vault = (await newVault({ root })).vault;
  });
  afterAll(async () => {
    await vault.lock();
    await rm(root, { recursive: true, force: true });
  });

  it('evidence add of every construction, then a dossier export', async () => {
    const { caseId } = await buildWgadCase(vault);
    const picked = STRIPPED.filter(
      (_, i) =>
        i % 4 === 0 ||
        /annotation|ICC|private|inline JPEG in a content stream behind LZW$/.test(_.name),
    );
    for (const [i, c] of picked.entries()) {
      const path = join(root, `evidence-${i}.pdf`);
      await writeFile(path, c.build());
      await intakeFile(vault, { caseId, path });
    }
    const out = join(root, 'dossier');
    await exportDossier(
      vault,
      { caseId, template: 'wgad', language: 'en', includePrivate: false },
      { kind: 'directory', path: out },
    );
    const evidence = (await readdir(join(out, 'evidence'))).filter((f) => f.endsWith('.pdf'));
    expect(evidence).toHaveLength(picked.length);
    for (const f of evidence) {
      const bytes = await readFile(join(out, 'evidence', f));
      expect(pdfLeaks(bytes), f).toEqual([]);
    }
    if (EXIFTOOL) {
      const r = await exiftool(['-ee3', '-a', '-G1', '-u', '-r', join(out, 'evidence')]);
      expect(r.stdout.toLowerCase()).not.toContain('canary');
      expect(r.stdout).not.toMatch(/GPS (Latitude|Longitude|Position)/);
    }
  });
});
