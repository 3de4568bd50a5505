/**
 * Privacy: drive traffic full of distinctive site data and prove none of it reaches storage
 * (the SQLite file itself), the export, or anything logged.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import api, { route } from '@forge/api';
import { instrument, recordBridgeTally, withUsageRecording } from '../../src/recorder';
import { readUsage } from '../../src/store';
import { recorderSandbox } from './helpers/sandbox-kit';

const SECRETS = {
  issueKey: 'ZQX-98765',
  accountId: '557058:7c4e1a2b-5d6f-4a8b-9c0d-e1f2a3b4c5d6',
  email: 'alice.privacy@example.org',
  title: 'Top Secret Merger Plan',
  spaceKey: 'SECRETSPACE',
  repo: 'private-repo-omega',
  // Bitbucket names a workspace by its UUID in braces; @forge/api's route passes it raw.
  workspaceUuid: '{9f3c2a71-5b4e-4d8a-a1c2-77e0c4d5b6f8}',
};
// Every form a value can take on the wire.
const needles = Object.values(SECRETS).flatMap((s) => [s, encodeURIComponent(s), s.replace(/ /g, '+'), s.split(/[ @:]/)[0]]).filter((s) => s.length >= 6);

const recorded = instrument(api);

it('stores, exports and logs no concrete path, query value, body or account id', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'si-privacy-'));
  const logged: string[] = [];
  const spies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((m) =>
    jest.spyOn(console, m).mockImplementation((...args: unknown[]) => void logged.push(args.map(String).join(' '))),
  );
  const sandbox = recorderSandbox({ kvs: join(dir, 'kvs.sqlite') });
  try {
    const handler = withUsageRecording(async () => {
      const s = SECRETS;
      await recorded.asApp().requestJira(route`/rest/api/3/issue/${s.issueKey}?fields=${s.email}`);
      await recorded.asApp().requestJira(route`/rest/api/3/issue/${s.issueKey}/comment`, { method: 'POST', body: JSON.stringify({ body: s.email }) });
      await recorded.asUser(s.accountId).requestJira(route`/rest/api/3/user?accountId=${s.accountId}`);
      await recorded.requestJira(route`/rest/api/3/search/jql?jql=${`reporter = "${s.email}"`}`);
      await recorded.asApp().requestJira(route`/rest/api/3/notreal/${s.issueKey}/${s.accountId}`);
      await recorded.asApp().requestConfluence(route`/wiki/rest/api/content?title=${s.title}&spaceKey=${s.spaceKey}`);
      await recorded.asApp().requestConfluence(route`/wiki/rest/api/content/${s.title}/nonsense/${s.spaceKey}`);
      await recorded.asApp().requestBitbucket(route`/2.0/repositories/${s.spaceKey}/${s.repo}/commits`);
      await recorded.asApp().requestBitbucket(route`/2.0/repositories/${s.workspaceUuid}/${s.repo}/pullrequests/7`);
    });
    await sandbox.run(handler, { accountId: SECRETS.accountId });
    // A browser tally cannot carry them either: the resolver rejects it.
    const smuggled = await sandbox.run(() => recordBridgeTally({ v: 1, rows: [['j', 'GET', `/rest/api/3/issue/${SECRETS.issueKey}`, 0, 'b', 1, 1, 0, 0, 0, 0, 0]] }));
    expect(smuggled).toMatchObject({ ok: false });

    const usage = await sandbox.run(() => readUsage());
    expect(usage.endpoints.reduce((a, e) => a + e.calls, 0)).toBe(9);
    // The UUID segment is a parameter value of the catalog operation, not an unknown shape.
    expect(usage.endpoints.find((e) => e.template === '/2.0/repositories/{workspace}/{repo_slug}/pullrequests/{pull_request_id}')).toMatchObject({ known: true, calls: 1 });
    const exported = JSON.stringify(usage);
    sandbox.close();
    const stored = readdirSync(dir).map((f) => readFileSync(join(dir, f)).toString('latin1')).join('\n');
    expect(stored).toContain('scope-inspector:'); // the file is the right one and holds our data
    for (const needle of needles) {
      expect({ needle, inExport: exported.includes(needle) }).toEqual({ needle, inExport: false });
      expect({ needle, inStorage: stored.includes(needle) }).toEqual({ needle, inStorage: false });
      expect({ needle, inLogs: logged.some((l) => l.includes(needle)) }).toEqual({ needle, inLogs: false });
    }
  } finally {
    spies.forEach((s) => s.mockRestore());
    try {
      sandbox.close();
    } catch {
      // already closed
    }
    rmSync(dir, { recursive: true, force: true });
  }
});
