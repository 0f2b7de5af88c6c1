import { spawnSync } from 'node:child_process';
import { mkdirSync, renameSync, rmSync } from 'node:fs';
import { basename, extname, join } from 'node:path';

/**
 * LibreOffice driven from a test: one private profile in the test's own
 * temporary folder (and TMPDIR there too, so LibreOffice's scratch files stay
 * with the test's), and every conversion to one format in ONE soffice
 * process (`--convert-to` takes many files), since each start-up costs
 * several seconds.
 *
 * Why not one process for every format through a Basic macro, as this helper
 * once did: LibreOffice 7.4.7 (Debian 12's deb12u14) aborts with an uncaught
 * NoSuchElementException when a macro loads a text document that holds a
 * comment hidden and stores it, while `--convert-to` converts the same file.
 */

export interface Conversion {
  from: string;
  to: string;
  /** LibreOffice's filter name, e.g. "MS Word 2007 XML", "writer8", "Text". */
  filter: string;
}

export class LibreOffice {
  private readonly profile: string;
  private readonly scratch: string;
  private batches = 0;

  constructor(private readonly dir: string) {
    this.profile = join(dir, 'lo-profile');
    this.scratch = join(dir, 'lo-tmp');
    mkdirSync(this.scratch, { recursive: true });
  }

  private soffice(args: string[]): { status: number | null; output: string } {
    const r = spawnSync(
      'soffice',
      [`-env:UserInstallation=file://${this.profile}`, '--headless', '--norestore', ...args],
      {
        encoding: 'utf8',
        timeout: 240_000,
        env: { ...process.env, TMPDIR: this.scratch, HOME: this.scratch },
      },
    );
    return { status: r.status, output: `${r.stdout}${r.stderr}` };
  }

  /** Runs the conversions, one soffice process per target format; throws with LibreOffice's words on failure. */
  convert(conversions: Conversion[]): void {
    // A group: one target format, and input names that do not collide in one output folder.
    const groups: Conversion[][] = [];
    for (const c of conversions) {
      if (/[\t\n]/.test(c.from + c.to + c.filter)) throw new Error(`bad conversion ${c.from}`);
      const group = groups.find(
        (g) =>
          g[0]!.filter === c.filter &&
          extname(g[0]!.to) === extname(c.to) &&
          !g.some((o) => stem(o.from) === stem(c.from)),
      );
      if (group) group.push(c);
      else groups.push([c]);
    }
    for (const group of groups) {
      const out = join(this.dir, `lo-out-${++this.batches}`);
      mkdirSync(out, { recursive: true });
      const ext = extname(group[0]!.to).slice(1);
      const r = this.soffice([
        '--convert-to',
        `${ext}:${group[0]!.filter}`,
        '--outdir',
        out,
        ...group.map((c) => c.from),
      ]);
      for (const c of group) {
        try {
          renameSync(join(out, `${stem(c.from)}.${ext}`), c.to);
        } catch {
          throw new Error(
            `soffice did not convert ${c.from} with ${c.filter} (exit ${r.status}): ${r.output.slice(-800)}`,
          );
        }
      }
      rmSync(out, { recursive: true, force: true });
    }
  }
}

function stem(path: string): string {
  return basename(path, extname(path));
}
