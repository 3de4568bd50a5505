/**
 * Fuzzing `lookup`: random and hostile request lines (Unicode-folding methods, control and
 * bidi characters, percent-escapes, dot segments, very long paths, product words), on standard
 * input and as arguments. Fixed seeds: a failure reproduces.
 */
import fc from 'fast-check';
import { operations } from '../../src/catalog';
import { runCli } from '../cli/run-cli';

const templates = operations().map((o) => o.template);
const method = fc.oneof(fc.constantFrom('GET', 'post', 'Put', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS', 'poſt', 'ＧＥＴ', 'GE\u0000T', 'TRACE', 'get\u200b'), fc.string({ minLength: 1, maxLength: 8 }).filter((m) => !/\s/.test(m)));
const segment = fc.oneof(fc.constantFrom('rest', 'api', '3', '2', 'latest', 'wiki', '2.0', 'issue', 'ABC-1', '..', '.', '', '%2F', '%', '%zz', '{id}', 'atlassian-connect', '\u202e', '\u0000', 'ſ', '😀'), fc.string({ maxLength: 6 }));
const path = fc.oneof(
  fc.constantFrom(...templates).map((t) => t.replace(/\{[^}]+\}/g, 'X-1')),
  fc.array(segment, { maxLength: 8 }).map((s) => `/${s.join('/')}`),
  fc.tuple(fc.constantFrom(...templates), fc.string({ maxLength: 30 })).map(([t, q]) => `${t}?${q}`),
  fc.integer({ min: 1, max: 20000 }).map((n) => `/rest/api/3/${'a/'.repeat(n)}`),
  fc.string({ maxLength: 40 }),
);
const line = fc.tuple(fc.constantFrom('', 'jira ', 'confluence ', 'bitbucket ', 'trello '), method, path).map(([product, m, p]) => `${product}${m} ${p}`);

describe('fuzz: lookup', () => {
  it('--stdin answers each request line with one JSON object: an operation or an error', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.oneof(line, fc.string({ maxLength: 30 })), { maxLength: 60 }), async (lines) => {
        const input = lines.join('\n');
        const { code, out, err } = await runCli(['lookup', '--stdin'], input);
        expect([0, 1]).toContain(code);
        expect(err).toBe('');
        const requests = input.split(/\r?\n/).map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
        const answers = out.split('\n').filter(Boolean).map((l) => JSON.parse(l));
        expect(answers).toHaveLength(requests.length);
        for (const a of answers) expect(typeof a.error === 'string' ? a.error.length > 0 : typeof a.template === 'string').toBe(true);
        expect(code).toBe(answers.some((a) => a.error) ? 1 : 0);
      }),
      { seed: 6041, numRuns: 60 },
    );
  });

  it('as arguments: exit 0 or 1, or exit 2 with one line saying what is wrong', async () => {
    await fc.assert(
      fc.asyncProperty(method, path, fc.constantFrom(undefined, 'jira', 'confluence', 'bitbucket', 'trello'), async (m, p, product) => {
        const { code, out, err } = await runCli(['lookup', m, p, ...(product ? ['--product', product] : []), '--json']);
        expect([0, 1, 2]).toContain(code);
        // Ours name the method, product or missing argument; commander's name the option it did not know.
        if (code === 2) expect(err).toMatch(/^(scope-inspector: (unknown HTTP method .+|--product: unknown "trello" .+|lookup needs METHOD and PATH.+)|error: unknown option .+)\n$/);
        else expect(JSON.parse(out)).toMatchObject({ method: m, path: p });
      }),
      { seed: 7051, numRuns: 150 },
    );
  });
});
