import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { scanApp } from '../../src/scan';
import type { CallFinding, ScanResult, UnresolvedFinding } from '../../src/scan';

/** Each fixture app holds an `expected.json` written by hand from its source; the scan must produce exactly that. */
const root = join(__dirname, '..', 'fixtures');
const fixtures = readdirSync(root).filter((d) => existsSync(join(root, d, 'expected.json')));

const via = (f: { via?: { file: string; line: number }[] }) => (f.via ? { via: f.via.map((v) => `${v.file}:${v.line}`) } : {});
const projectCall = (c: CallFinding) => ({
  file: c.file, line: c.line, family: c.family, method: c.method, pattern: c.pattern,
  ...(c.operationKey ? { operationKey: c.operationKey } : { noMatch: c.noMatch?.code }),
  principal: c.principal, side: c.side, ...via(c),
});
const projectUnresolved = (u: UnresolvedFinding) => ({
  file: u.file, line: u.line, kind: u.kind, ...(u.family ? { family: u.family } : {}), reason: u.reason,
  ...(u.pattern !== undefined ? { pattern: u.pattern } : {}), ...(u.method ? { method: u.method } : {}),
  candidates: u.candidates, principal: u.principal, side: u.side, ...via(u),
  ...(u.surface ? { surface: u.surface } : {}), ...(u.graphql ? { graphql: u.graphql } : {}), ...(u.remote ? { remote: u.remote } : {}), ...(u.link ? { link: u.link } : {}),
});
const sorted = <T>(xs: T[]): T[] => [...xs].sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));

describe.each(fixtures)('fixture %s', (name) => {
  const expected = JSON.parse(readFileSync(join(root, name, 'expected.json'), 'utf8'));
  let result: ScanResult;
  beforeAll(() => { result = scanApp(join(root, name)); });

  it('scans and skips exactly the expected files', () => {
    expect(result.files.scanned).toEqual(expected.scanned);
    expect(result.files.skipped).toEqual(expected.skipped);
  });
  it('finds exactly the expected product calls', () => {
    expect(sorted(result.calls.map(projectCall))).toEqual(sorted(expected.calls));
  });
  it('reports exactly the expected unresolved calls', () => {
    expect(sorted(result.unresolved.map(projectUnresolved))).toEqual(sorted(expected.unresolved));
  });
  it('reports exactly the expected Forge API scope needs', () => {
    expect(sorted(result.forgeApiNeeds.map((n) => ({ file: n.file, line: n.line, alternatives: n.alternatives, source: n.source })))).toEqual(sorted(expected.forgeApiNeeds));
  });
  it('reports exactly the expected parse errors', () => {
    expect(sorted(result.parseErrors.map((e) => ({ file: e.file, line: e.line })))).toEqual(sorted(expected.parseErrors));
  });
});
