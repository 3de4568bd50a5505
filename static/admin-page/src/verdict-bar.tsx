import type { ScopeVerdict } from '../../../src/analysis/verdict-types';
import { VERDICTS } from '../../../src/report/verdict-summary';
import { formatCount } from './format';
import { VERDICT_MEANING } from '../../../src/report/verdict-summary';
import { VERDICT_LABEL } from './glossary';

/** Colour of each verdict: green only for what was seen succeeding, red for what fails or is missing. */
export const VERDICT_TONE: Readonly<Record<ScopeVerdict, 'danger' | 'warning' | 'neutral' | 'information' | 'discovery' | 'success'>> = {
  missing: 'danger',
  'missing-if-called': 'warning',
  'not-granted': 'danger',
  unverifiable: 'warning',
  unused: 'warning',
  platform: 'discovery',
  'code-only': 'information',
  'in-use': 'success',
};

/**
 * Returns the verdict summary: one bar whose segments are the scopes of each verdict (worst
 * first), and one tile per verdict with its count and meaning. Every segment and tile opens the
 * Scopes tab filtered by that verdict.
 */
export function VerdictBar({ counts, onOpen }: { counts: Record<ScopeVerdict, number>; onOpen: (verdict: ScopeVerdict) => void }) {
  const total = VERDICTS.reduce((n, v) => n + counts[v], 0);
  return (
    <div className="si-verdicts">
      {total > 0 ? (
        <div className="si-verdict-bar" aria-hidden="true">
          {VERDICTS.filter((v) => counts[v] > 0).map((v) => (
            <span key={v} className={`si-verdict-seg si-tone-${VERDICT_TONE[v]}`} style={{ flexGrow: counts[v] }} title={`${VERDICT_LABEL[v]}: ${counts[v]}`} onClick={() => onOpen(v)} />
          ))}
        </div>
      ) : null}
      <ul className="si-verdict-tiles" aria-label="Scopes by verdict">
        {VERDICTS.map((v) => (
          <li key={v}>
            <button type="button" className={`si-verdict-tile si-tone-${counts[v] ? VERDICT_TONE[v] : 'neutral'}`} data-testid={`count-${v}`} onClick={() => onOpen(v)}>
              <span className="si-stat-value">{formatCount(counts[v])}</span> <span className="si-stat-label">{VERDICT_LABEL[v]}</span>
              <span className="si-stat-detail">{VERDICT_MEANING[v]}</span>
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
