import { Bar } from '@visx/shape';
import { scaleLinear } from '@visx/scale';

/** One bar of the coverage chart. */
export interface CoverageBar {
  name: string;
  value: number;
  color: string;
}

const W = 640;
const ROW = 30;
const LABEL = 150;

/** Returns horizontal bars comparing counts (declared vs needed by code vs seen in use), with their numbers. */
export function CoverageBars({ bars, labelledBy }: { bars: readonly CoverageBar[]; labelledBy: string }) {
  const max = Math.max(1, ...bars.map((b) => b.value));
  const x = scaleLinear<number>({ domain: [0, max], range: [0, W - LABEL - 48] });
  return (
    <svg className="si-chart-svg" viewBox={`0 0 ${W} ${bars.length * ROW}`} role="img" aria-labelledby={labelledBy}>
      {bars.map((b, i) => (
        <g key={b.name} transform={`translate(0 ${i * ROW})`}>
          <text x={0} y={ROW / 2} className="si-tick si-bar-label" dominantBaseline="middle">
            {b.name}
          </text>
          <Bar x={LABEL} y={5} width={Math.max(b.value ? 2 : 0, x(b.value))} height={ROW - 10} style={{ fill: b.color }} />
          <text x={LABEL + x(b.value) + 6} y={ROW / 2} className="si-tick" dominantBaseline="middle">
            {b.value.toLocaleString('en-US')}
          </text>
        </g>
      ))}
    </svg>
  );
}
