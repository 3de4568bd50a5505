import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { validate } from '@forge/manifest';
import { parse } from 'yaml';
import { join } from 'node:path';
import { build } from 'esbuild';
import type { Browser, Page } from 'playwright-core';
import { startFromCli, type RunningSandbox } from '../../../local/cli';
import type { Sandbox } from '../../../local/sandbox';
import { auditApp } from '../../../src/audit/audit-app';
import { sourceRoot } from '../../../src/init/frontends';
import { buildAdminPage, isAdminPageStale } from '../../../scripts/build-admin-page';
import { runCli } from '../../cli/run-cli';
import { chromiumAvailable, launchChromium } from '../../helpers/chromium';
import { createWorkspace, snapshotTree } from './sample-apps';

/** What a sample app's features call when driven, as the admin page must show it. */
export interface AppDriver {
  /** Drives the app's features: its triggers and resolvers through the sandbox, its pages in Chromium. */
  drive(sandbox: Sandbox, open: (moduleKey: string) => Promise<Page>): Promise<void>;
  /** `METHOD template` → calls made by `drive`, which the admin page's Endpoints tab must list. */
  calls: Record<string, number>;
  /** Key of the admin page module to open (init adds one per product). */
  adminPage: string;
  /** Host → calls of the global `fetch` made by `drive`, which the admin page's Egress tab must show as used with these counts. */
  egress?: Record<string, number>;
}

/** Runs the CLI in-process; returns its exit code and everything it printed. */
export async function cli(...args: string[]): Promise<{ code: number; out: string }> {
  const r = await runCli(args);
  return { code: r.code, out: r.out + r.err };
}

/** Builds the app's Custom UI pages the way their own build would (esbuild; `index.html` copied next to it). */
export async function buildCustomUi(appDir: string, resourcePaths: readonly string[]): Promise<void> {
  for (const path of resourcePaths) {
    const root = join(appDir, sourceRoot(path));
    const entry = ['index.ts', 'index.tsx', 'index.js', 'index.jsx'].map((f) => join(root, 'src', f)).find(existsSync);
    if (!entry || !existsSync(join(root, 'index.html'))) continue;
    mkdirSync(join(appDir, path), { recursive: true });
    await build({ entryPoints: [entry], bundle: true, format: 'iife', platform: 'browser', outfile: join(appDir, path, 'main.js'), logLevel: 'silent' });
    copyFileSync(join(root, 'index.html'), join(appDir, path, 'index.html'));
  }
}

/** Makes sure the packaged admin page build init copies exists and is current. */
export async function ensureAdminPageBuild(): Promise<void> {
  if (isAdminPageStale()) await buildAdminPage();
}

/** Starts `npm run sandbox -- <app dir>` in-process (in-memory KVS, a free port). */
export function startSandbox(appDir: string): Promise<RunningSandbox> {
  return startFromCli([appDir, '--port', '0', '--kvs', ':memory:'], {}, () => {});
}

/**
 * Opens a Custom UI page and waits until its script says it is ready (`data-ready`), then
 * makes it hide, which sends the page's pending bridge tally to the app's resolver (as leaving
 * the page does in a browser), and waits for that request.
 */
export async function visitPage(browser: Browser, url: string): Promise<Page> {
  const page = await browser.newPage();
  page.setDefaultTimeout(10_000);
  await page.goto(url);
  await page.locator('[data-ready="true"]').waitFor({ state: 'attached' });
  return page;
}

/** Sends the page's pending bridge tally (the page is hidden) and waits until the resolver stored it. */
export async function flushPage(page: Page): Promise<void> {
  const stored = page.waitForResponse((r) => r.url().endsWith('/__bridge') && (r.request().postData() ?? '').includes('scope-inspector.record-bridge-usage'));
  await page.evaluate(() => window.dispatchEvent(new Event('pagehide')));
  await stored;
}

/**
 * Opens the app's new admin page in Chromium, goes to its Endpoints tab and returns, for each
 * expected endpoint, the text of the table row that lists it (undefined when it is not listed).
 */
export async function adminPageRows(browser: Browser, url: string, keys: readonly string[]): Promise<Record<string, string | undefined>> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  page.setDefaultTimeout(10_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  try {
    await page.goto(url);
    await page.getByRole('heading', { name: 'Scope Inspector' }).waitFor();
    await page.getByRole('tab', { name: /endpoints/i }).click();
    const out: Record<string, string | undefined> = {};
    for (const key of keys) {
      const template = key.slice(key.indexOf(' ') + 1);
      const row = page.getByRole('row').filter({ has: page.getByText(template, { exact: true }) });
      await row.first().waitFor({ timeout: 5000 }).catch(() => undefined);
      // Cells joined with `|`, so a count can be told from the digits around it.
      out[key] = (await row.count()) > 0 ? `|${(await row.first().getByRole('cell').allTextContents()).map((c) => c.trim()).join('|')}|` : undefined;
    }
    if (errors.length) out.__errors = errors.join('\n');
    return out;
  } finally {
    await page.close();
  }
}

/** Opens the app's new admin page on its Egress tab and returns, per host, the text of its row (undefined when not listed). */
async function adminPageEgressRows(browser: Browser, url: string, hosts: readonly string[]): Promise<Record<string, string | undefined>> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  page.setDefaultTimeout(10_000);
  try {
    await page.goto(url);
    await page.getByRole('heading', { name: 'Scope Inspector' }).waitFor();
    await page.getByRole('tab', { name: /egress/i }).click();
    await page.getByTestId('egress-table').waitFor();
    const out: Record<string, string | undefined> = {};
    for (const host of hosts) {
      const row = page.getByTestId('egress-row').filter({ has: page.getByText(host, { exact: true }) });
      out[host] = (await row.count()) > 0 ? (await row.first().innerText()).replace(/\s+/g, ' ') : undefined;
    }
    return out;
  } finally {
    await page.close();
  }
}

/** The operations of init's generated admin checks. */
const ADMIN_CHECKS = new Set(['GET /rest/api/3/mypermissions', 'GET /wiki/rest/api/user/current', 'GET /2.0/user/workspaces/{workspace}/permission']);

/** Opens the admin page as a user who is no admin and returns the text of what it shows them. */
async function notAdminMessage(browser: Browser, url: string): Promise<string> {
  const page = await browser.newPage();
  page.setDefaultTimeout(10_000);
  try {
    await page.goto(url);
    const message = page.getByTestId('not-admin');
    await message.waitFor();
    return await message.innerText();
  } finally {
    await page.close();
  }
}

/** Returns the scope findings of an audit: missing and unused scope names, the endpoints found, and the egress verdicts (`verdict kind host`). */
export async function auditSummary(appDir: string): Promise<{ missing: string[]; unused: string[]; endpoints: string[]; egress: string[] }> {
  const { report } = await auditApp(appDir);
  return {
    missing: report.scopes.missing.map((m) => m.add).flat(),
    unused: report.scopes.unused.map((u) => u.name),
    endpoints: report.endpoints.map((e) => e.key).sort(),
    egress: (report.egress?.details ?? []).map((d) => `${d.verdict} ${d.kind} ${d.domain}`).sort(),
  };
}

/** Lists a folder's files, for messages. */
export const listing = (dir: string) => (existsSync(dir) ? readdirSync(dir).join(', ') : '(none)');

/** The drivers of the sample apps: what each does with the app and which calls that makes. */
export const DRIVERS: Record<string, AppDriver> = {
  'jira-triage-ts': {
    adminPage: 'scope-inspector-admin-page',
    calls: {
      // 2 trigger runs + 1 panel view (the resolver) read the issue and the project's components.
      'GET /rest/api/3/issue/{issueIdOrKey}': 3,
      'GET /rest/api/3/project/{projectIdOrKey}/components': 3,
      // The panel page itself, through the instrumented bridge.
      'GET /rest/api/3/myself': 1,
    },
    async drive(sandbox, open) {
      await sandbox.trigger('issue-created', { issue: { key: 'SAND-1' } });
      await sandbox.trigger('issue-created', { issue: { key: 'SAND-2' } });
      await flushPage(await open('triage-panel'));
    },
  },
  'jira-webhook-queue-cjs': {
    adminPage: 'scope-inspector-admin-page',
    calls: { 'POST /rest/api/3/issue/{issueIdOrKey}/comment': 2, 'GET /rest/api/3/issue/{issueIdOrKey}/transitions': 1 },
    async drive(sandbox) {
      for (const status of ['passed', 'failed']) {
        const answer = (await sandbox.trigger('build-webhook', { body: JSON.stringify({ branch: 'feature/SAND-7-login', status }) })) as { statusCode: number };
        expect(answer.statusCode).toBe(204);
      }
      await sandbox.trigger('transition-consumer', { body: { issueKey: 'SAND-7', to: 'Done' } });
    },
  },
  'jira-dashboard-esm': {
    adminPage: 'scope-inspector-admin-page',
    calls: { 'POST /rest/api/3/search/jql': 1, 'GET /rest/api/3/project/search': 1 },
    async drive(sandbox, open) {
      await sandbox.trigger('hourly-refresh');
      await flushPage(await open('team-dashboard'));
    },
  },
  'confluence-macro-js': {
    adminPage: 'scope-inspector-settings',
    calls: { 'GET /wiki/api/v2/pages/{id}': 2, 'POST /wiki/rest/api/content/{id}/label': 1 },
    async drive(sandbox) {
      // The UI Kit macro's frontend invokes its resolver (UI Kit renders in Atlassian's host, not here).
      const context = { extension: { type: 'macro', content: { id: '98305' } } };
      for (let i = 0; i < 2; i++) await sandbox.invokeResolver('macro-resolver', 'getSummary', {}, { moduleKey: 'page-summary-macro', context });
      await sandbox.trigger('label-new-pages', { content: { id: '98305' } });
    },
  },
  'bitbucket-merge-check-ts': {
    adminPage: 'scope-inspector-workspace-settings',
    calls: { 'GET /2.0/repositories/{workspace}/{repo_slug}/pullrequests/{pull_request_id}/statuses': 2 },
    async drive(sandbox) {
      const event = { workspace: { uuid: '{ws-1}' }, repository: { uuid: '{repo-1}' }, pullrequest: { id: 7 }, trigger: 'on-merge' };
      for (let i = 0; i < 2; i++) await sandbox.invoke('check-builds', event, { moduleKey: 'require-green-builds', moduleType: 'bitbucket:mergeCheck' });
    },
  },
  'jira-incident-notify-ts': {
    adminPage: 'scope-inspector-admin-page',
    calls: { 'GET /rest/api/3/issue/{issueIdOrKey}': 2 },
    // The global fetch, recorded through init's generated module: two chat posts, one status-page read.
    egress: { 'hooks.slack.com': 2, 'api.statuspage.example.com': 1 },
    async drive(sandbox) {
      await sandbox.trigger('incident-created', { issue: { key: 'SAND-3' } });
      await sandbox.trigger('incident-created', { issue: { key: 'SAND-4' } });
      await sandbox.trigger('status-sync');
    },
  },
  'release-notes-ts': {
    adminPage: 'scope-inspector-settings',
    calls: { 'GET /rest/api/3/search/jql': 1, 'POST /wiki/api/v2/pages': 1, 'GET /wiki/api/v2/spaces/{id}/pages': 1 },
    async drive(sandbox, open) {
      await sandbox.trigger('version-released', { version: { id: '10001', name: '2.4.0', projectId: 10000 } });
      // The space page shows the notes through its resolver (no product call of its own).
      const page = await open('release-notes-page');
      await page.close();
    },
  },
};

/**
 * The whole check of one sample app, as the issue asks: init (after a dry run that changes
 * nothing), idempotent, the audit clean with every static call still found, @forge/manifest
 * validation, `npm run sandbox -- <dir>` running it, its features driven, their calls on its new
 * admin page in Chromium, and `init --undo` returning the tree byte for byte.
 */
export async function verifySampleApp(name: string, workspace: { copy(app: string): string }, browser: Browser): Promise<void> {
  const driver = DRIVERS[name];
  const dir = workspace.copy(name);
  const original = snapshotTree(dir);
  const before = await auditSummary(dir);

  const dry = await cli('init', '--dry-run', dir);
  expect(dry.code).toBe(0);
  expect(dry.out).toContain('+++ b/manifest.yml');
  expect(snapshotTree(dir)).toEqual(original);

  const first = await cli('init', dir);
  expect(first.code).toBe(0);
  const wired = snapshotTree(dir);
  const again = await cli('init', dir);
  expect(again.out).toContain('nothing to change');
  expect(snapshotTree(dir)).toEqual(wired);

  const after = await auditSummary(dir);
  expect({ missing: after.missing, unused: after.unused }).toEqual({ missing: [], unused: [] });
  expect(after.endpoints).toEqual(expect.arrayContaining(before.endpoints));
  // Recording the global fetch changes no egress verdict: the scanner still sees the very same calls.
  expect(after.egress).toEqual(before.egress);

  const manifest = parse(readFileSync(join(dir, 'manifest.yml'), 'utf8')) as { resources?: { path: string }[] };
  await buildCustomUi(dir, (manifest.resources ?? []).map((r) => r.path));
  const validation = await validate(false, join(dir, 'manifest.yml'));
  expect(validation.errors ?? []).toEqual([]);

  const running = await startSandbox(dir);
  try {
    const url = (key: string) => {
      const m = running.host.modules.find((mod) => mod.key === key);
      if (!m) throw new Error(`${name}: no Custom UI module ${key} (have ${running.host.modules.map((x) => x.key).join(', ')})`);
      return m.url;
    };
    await driver.drive(running.sandbox, (key) => visitPage(browser, url(key)));
    const rows = await adminPageRows(browser, url(driver.adminPage), Object.keys(driver.calls));
    for (const [key, calls] of Object.entries(driver.calls)) {
      expect({ key, listed: rows[key] !== undefined }).toEqual({ key, listed: true });
      expect({ key, cells: rows[key] }).toEqual({ key, cells: expect.stringContaining(`|${calls}|`) });
    }
    expect(rows.__errors).toBeUndefined();
    if (driver.egress) {
      const egress = await adminPageEgressRows(browser, url(driver.adminPage), Object.keys(driver.egress));
      for (const [host, calls] of Object.entries(driver.egress)) expect({ host, row: egress[host] }).toEqual({ host, row: expect.stringMatching(new RegExp(`Used .*\\b${calls} fetch calls at runtime`)) });
    }
    // The generated admin check of the page's product: the report (like export and reset) is for admins only.
    const module = running.sandbox.manifest.modules.find((m) => m.key === driver.adminPage)!;
    const context = { extension: { type: module.type }, ...(module.type.startsWith('bitbucket:') ? { workspaceId: '{7d0b7c5e-0000-4000-8000-00000000b1b1}' } : {}) };
    const getReport = (admin: boolean) => running.sandbox.invokeResolver(module.functionKey!, 'getReport', {}, { moduleKey: module.key, context, admin, accountId: admin ? undefined : 'someone-else' });
    expect(await getReport(true)).toMatchObject({ ok: true, canAdminister: true });
    expect(await getReport(false)).toMatchObject({ ok: false, code: 'NOT_ADMIN' });
    expect(await notAdminMessage(browser, `${url(driver.adminPage)}?accountId=someone-else&admin=false`)).toContain('Scope Inspector is for administrators');
    // The page's admin checks are Scope Inspector's own calls: kept apart, never the app's usage.
    const own = ((await getReport(true)) as { report: { endpoints: { key: string; runtime?: unknown }[]; runtime: { own: { key?: string; template?: string }[] } } }).report;
    expect(own.runtime.own.length).toBeGreaterThan(0);
    expect(own.endpoints.filter((e) => ADMIN_CHECKS.has(e.key) && e.runtime)).toEqual([]);
  } finally {
    await running.stop();
  }

  const undo = await cli('init', '--undo', dir);
  expect(undo.code).toBe(0);
  // The Custom UI builds are the app's own build output (made above, after init), not init's.
  for (const r of manifest.resources ?? []) if (!r.path.startsWith('src/')) rmSync(join(dir, r.path), { recursive: true, force: true });
  expect(snapshotTree(dir)).toEqual(original);
}

/** Declares the suite that verifies these sample apps, sharing one workspace and one Chromium. */
export function describeSampleApps(title: string, apps: readonly string[]): void {
  const available = chromiumAvailable('the init sample-app tests (test/init)');
  (available ? describe : describe.skip)(title, () => {
    let workspace: Awaited<ReturnType<typeof createWorkspace>>;
    let browser: Browser;
    beforeAll(async () => {
      await ensureAdminPageBuild();
      workspace = await createWorkspace();
      browser = await launchChromium();
    }, 60_000);
    afterAll(async () => {
      await browser?.close();
      workspace?.remove();
    });
    it.each(apps)('%s: wired, clean audit, runs in the sandbox, calls on its admin page, undone byte for byte', (name) => verifySampleApp(name, workspace, browser), 60_000);
  });
}
