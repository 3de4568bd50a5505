import Tooltip from '@atlaskit/tooltip';
import type { ReactNode } from 'react';
import type { ScopeVerdict } from '../../../src/analysis/verdict-types';
import { VERDICT_MEANING } from '../../../src/report/verdict-summary';

/** Plain names of the verdicts, for people (the JSON keeps its own). */
export const VERDICT_LABEL: Readonly<Record<ScopeVerdict, string>> = {
  missing: 'Missing',
  'missing-if-called': 'Missing if called',
  'not-granted': 'Not granted',
  unverifiable: 'Cannot tell',
  unused: 'Unused',
  platform: 'Platform',
  'code-only': 'Code only',
  'in-use': 'In use',
};

/** A term the glossary defines: a verdict, or another word of the page. */
export type GlossaryTerm = ScopeVerdict | 'operations' | 'refused' | 'window' | 'grantedOnly' | 'coverage' | 'approval';

const verdictEntries = Object.fromEntries(Object.entries(VERDICT_MEANING).map(([v, meaning]) => [v, `${VERDICT_LABEL[v as ScopeVerdict]}: ${meaning}.`])) as Record<ScopeVerdict, string>;

/** Short definitions shown in tooltips: every term the page uses that is not plain English. */
export const GLOSSARY: Readonly<Record<GlossaryTerm, string>> = {
  ...verdictEntries,
  unverifiable: 'Cannot tell: nothing known needs it, but the tool could not read or resolve everything (a file, a dynamic call), so it is never proposed for removal.',
  'missing-if-called': 'Missing if called: not declared, and only a call that picks one of several operations (a table read with a key the tool cannot know) may need it. If the app ever picks that operation, the call fails; add it once you know it does.',
  operations: 'Catalog operations: the REST operations of Atlassian’s documented APIs that a set of scopes allows. Fewer means less harm if the app is compromised.',
  refused: 'Refused (401): the product answered "scope does not match" because the site had not granted a scope the call needs.',
  window: 'The period whose recorded calls are counted. Code is always read whole; only runtime counts change with the window.',
  grantedOnly: 'Granted, not declared: a site granted it for an older version; the manifest no longer asks for it.',
  coverage: 'Declared: scopes manifest.yml lists. Needed: declared scopes something in the code, the manifest or the platform needs. Seen in use: observed succeeding at runtime in the window.',
  approval: 'A new major version reaches a site only after its admin approves it; until then the site runs the older version with the scopes it granted.',
};

/** Returns a term with its definition in a tooltip (on hover and on keyboard focus). */
export function Term({ term, children }: { term: GlossaryTerm; children: ReactNode }) {
  return (
    <Tooltip content={GLOSSARY[term]} position="top">
      {(props) => (
        <span {...props} className="si-term" tabIndex={0}>
          {children}
        </span>
      )}
    </Tooltip>
  );
}
