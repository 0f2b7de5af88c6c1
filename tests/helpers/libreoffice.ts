import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * LibreOffice driven from a test: one private profile in the test's own
 * temporary folder (and TMPDIR there too, so LibreOffice's scratch files stay
 * with the test's), and a whole batch of conversions in ONE soffice process
 * through a Basic macro: each `soffice --convert-to` call costs a start-up of
 * several seconds and converts to one format only.
 */

export interface Conversion {
  from: string;
  to: string;
  /** LibreOffice's filter name, e.g. "MS Word 2007 XML", "writer8", "Text". */
  filter: string;
}

// Why a macro and not --convert-to: the six office formats need six filters, and
// --convert-to takes one per process. Errors are written beside the job file (a
// Basic error in headless mode would otherwise wait for a click forever).
const MODULE = `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE script:module PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "module.dtd">
<script:module xmlns:script="http://openoffice.org/2000/script" script:name="Module1" script:language="StarBasic">
Sub Convert(job As String)
  On Error GoTo Failed
  Dim f As Integer, row As String, parts, doc As Object
  Dim hidden(0) As New com.sun.star.beans.PropertyValue
  Dim store(0) As New com.sun.star.beans.PropertyValue
  hidden(0).Name = &quot;Hidden&quot;
  hidden(0).Value = True
  store(0).Name = &quot;FilterName&quot;
  f = FreeFile
  Open job For Input As #f
  Do While Not EOF(f)
    Line Input #f, row
    If Len(row) &gt; 0 Then
      parts = Split(row, Chr(9))
      doc = StarDesktop.loadComponentFromURL(ConvertToURL(parts(0)), &quot;_blank&quot;, 0, hidden())
      store(0).Value = parts(2)
      doc.storeToURL(ConvertToURL(parts(1)), store())
      doc.close(True)
    End If
  Loop
  Close #f
  Exit Sub
Failed:
  Dim g As Integer
  g = FreeFile
  Open job &amp; &quot;.error&quot; For Output As #g
  Print #g, Error$ &amp; &quot; (line &quot; &amp; Erl &amp; &quot;): &quot; &amp; row
  Close #g
End Sub
</script:module>
`;

export class LibreOffice {
  private readonly profile: string;
  private readonly scratch: string;
  private ready = false;
  private jobs = 0;

  constructor(private readonly dir: string) {
    this.profile = join(dir, 'lo-profile');
    this.scratch = join(dir, 'lo-tmp');
    mkdirSync(this.scratch, { recursive: true });
  }

  private soffice(args: string[]): { status: number | null; stderr: string } {
    const r = spawnSync(
      'soffice',
      [`-env:UserInstallation=file://${this.profile}`, '--headless', '--norestore', ...args],
      {
        encoding: 'utf8',
        timeout: 240_000,
        env: { ...process.env, TMPDIR: this.scratch, HOME: this.scratch },
      },
    );
    return { status: r.status, stderr: r.stderr };
  }

  /** Runs every conversion in one LibreOffice process; throws with LibreOffice's message on failure. */
  convert(conversions: Conversion[]): void {
    if (!this.ready) {
      // The first start copies the presets over user/basic, so the macro goes in afterwards.
      const init = this.soffice(['--terminate_after_init']);
      if (init.status !== 0) throw new Error(`soffice did not start: ${init.stderr}`);
      writeFileSync(join(this.profile, 'user/basic/Standard/Module1.xba'), MODULE);
      this.ready = true;
    }
    for (const c of conversions)
      if (/[\t\n]/.test(c.from + c.to + c.filter)) throw new Error(`bad conversion ${c.from}`);
    const job = join(this.dir, `lo-job-${++this.jobs}.tsv`);
    writeFileSync(job, conversions.map((c) => `${c.from}\t${c.to}\t${c.filter}\n`).join(''));
    const r = this.soffice([`macro:///Standard.Module1.Convert("${job}")`]);
    const error = existsSync(`${job}.error`) ? readFileSync(`${job}.error`, 'utf8') : '';
    if (r.status !== 0 || error) throw new Error(`soffice: ${error || r.stderr}`);
  }
}
