import type { ReactNode } from 'react';

/** Returns a labelled number tile of the Overview (appearance colours the value). */
export function Stat({ label, value, appearance = 'default', testId, children }: { label: ReactNode; value: ReactNode; appearance?: 'default' | 'danger' | 'warning' | 'success'; testId?: string; children?: ReactNode }) {
  return (
    <div className={`si-stat si-stat-${appearance}`} data-testid={testId}>
      <div className="si-stat-value">{value}</div>
      <div className="si-stat-label">{label}</div>
      {children ? <div className="si-stat-detail">{children}</div> : null}
    </div>
  );
}
