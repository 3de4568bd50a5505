import type { ReportWindow } from '../../../src/resolvers/contract';
import { Choice } from './choice';

const WINDOWS: { label: string; value: number | 'all' }[] = [
  { label: 'Last 7 days', value: 7 },
  { label: 'Last 30 days', value: 30 },
  { label: 'Last 90 days', value: 90 },
  { label: 'All recorded usage', value: 'all' },
];

/** Returns the window selector: picking one asks the resolver for the report of that window. */
export function WindowSelect({ value, onChange }: { value: ReportWindow; onChange: (window: ReportWindow) => void }) {
  return <Choice id="si-window" label="Usage window" options={WINDOWS} value={value} onChange={(w) => w !== undefined && onChange(w)} testId="window-select" />;
}
