/**
 * `scope-inspector init` on the Confluence, Bitbucket and cross-product sample apps
 * (test/fixtures/init-apps): wired, audited, run in the sandbox, their calls checked on their new
 * admin page in Chromium, undone byte for byte.
 */
import { describeSampleApps } from './helpers/sample-app-flow';

describeSampleApps('scope-inspector init on sample Confluence, Bitbucket and cross-product apps', ['confluence-macro-js', 'bitbucket-merge-check-ts', 'release-notes-ts']);
