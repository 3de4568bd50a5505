import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CHANGE_RULES, RELEASE_RULES, RULE_SOURCES, type ChangeKind } from '../../src/release';

const DOC = readFileSync(join(__dirname, '../../docs/release-guard.md'), 'utf8');

describe('the release rule table', () => {
  it.each(Object.entries(RELEASE_RULES))('rule %s cites published sources, and says why when unclear', (_id, rule) => {
    expect(rule.quotes.length).toBeGreaterThan(0);
    for (const q of rule.quotes) expect(RULE_SOURCES[q.source].url).toMatch(/^https:\/\/(developer|community\.developer)\.atlassian\.com\//);
    if (rule.approval === 'unclear') expect('reason' in rule && rule.reason).toBeTruthy();
    else expect('reason' in rule).toBe(false);
  });

  it('is the table docs/release-guard.md shows: every kind with its approval and rule, every source page', () => {
    for (const [kind, rule] of Object.entries(CHANGE_RULES) as [ChangeKind, keyof typeof RELEASE_RULES][]) {
      expect(DOC).toContain(`| \`${kind}\` | ${RELEASE_RULES[rule].approval} | \`${rule}\` |`);
    }
    for (const [id, rule] of Object.entries(RELEASE_RULES)) expect(DOC).toContain(`| \`${id}\` | ${rule.approval} |`);
    for (const source of Object.values(RULE_SOURCES)) expect(DOC).toContain(source.url);
    // Quoted sentences appear verbatim; table rows appear by their row title.
    for (const rule of Object.values(RELEASE_RULES)) {
      for (const q of rule.quotes) {
        const row = /^Row "(.+)": /.exec(q.text)?.[1];
        expect(DOC).toContain(row ? `“${row}”` : q.text);
      }
    }
  });
});
