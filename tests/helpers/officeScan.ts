import { spawnSync } from 'node:child_process';
import { expect } from 'vitest';

// Every planted string in the raw bytes or in any inflated member (UTF-8 or UTF-16), down
// through nested packages (an embedded object's workbook is a zip inside the zip), and the
// archive's shape. python3's zipfile is the oracle: it shares no code with Vigil's reader.
const PY_SCAN = `
import io, json, re, sys, zipfile
raw = open(sys.argv[1], 'rb').read()
z = zipfile.ZipFile(sys.argv[1])
assert z.testzip() is None, 'bad CRC'
found = set()
nested = []
def search(data, where, depth):
    found.update(m.decode() for m in re.findall(rb'CANARY[-\\w]*', data))
    found.update(re.findall(r'CANARY[-\\w]*', data.decode('utf-16-le', 'ignore')))
    found.update(re.findall(r'CANARY[-\\w]*', data[1:].decode('utf-16-le', 'ignore')))
    if depth < 4 and data[:4] == b'PK\\x03\\x04':
        inner = zipfile.ZipFile(io.BytesIO(data))
        assert inner.testzip() is None, 'bad CRC in ' + where
        for n in inner.namelist():
            if depth > 0: nested.append(where + '/' + n)
            search(inner.read(n), where + '/' + n, depth + 1)
search(raw, '', 0)
first = z.infolist()[0]
print(json.dumps({'names': z.namelist(), 'nested': nested, 'first': first.filename,
  'method': first.compress_type, 'found': sorted(found), 'comment': z.comment.decode('latin1'),
  'rsid': any(b'w:rsid' in z.read(n) for n in z.namelist() if n.endswith('.xml'))}))
`;

export interface Scan {
  names: string[];
  /** Members of packages inside the package, as "/outer/member/inner-member". */
  nested: string[];
  first: string;
  method: number;
  found: string[];
  comment: string;
  rsid: boolean;
}

export function scanPackage(file: string): Scan {
  const r = spawnSync('python3', ['-c', PY_SCAN, file], { encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as Scan;
}
