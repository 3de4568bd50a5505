import { BarStack } from '@visx/shape';
import { scaleBand, scaleLinear } from '@visx/scale';

/** One stacked series: its name, colour (a design token) and one value per day. */
export interface Series {
  name: string;
  color: string;
  values: readonly number[];
}

const W = 640;
const H = 180;
const M = { top: 8, right: 8, bottom: 22, left: 40 };

/** Returns a stacked bar chart of values per day, drawn in SVG with design-token colours (readable in both themes). */
export function StackedBars({ days, series, labelledBy }: { days: readonly string[]; series: readonly Series[]; labelledBy: string }) {
  const data = days.map((day, i) => Object.fromEntries([['day', day], ...series.map((s) => [s.name, s.values[i] ?? 0])])) as Record<string, string | number>[];
  const max = Math.max(1, ...days.map((_, i) => series.reduce((n, s) => n + (s.values[i] ?? 0), 0)));
  const x = scaleBand<string>({ domain: [...days], range: [M.left, W - M.right], padding: days.length > 40 ? 0.1 : 0.25 });
  const y = scaleLinear<number>({ domain: [0, max], range: [H - M.bottom, M.top], nice: true });
  const top = y.domain()[1];
  const ticks = days.length ? [...new Set([days[0], days[Math.floor((days.length - 1) / 2)], days[days.length - 1]])] : [];
  return (
    <svg className="si-chart-svg" viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={labelledBy}>
      <line x1={M.left} x2={W - M.right} y1={y(0)} y2={y(0)} className="si-axis" />
      <line x1={M.left} x2={W - M.right} y1={y(top)} y2={y(top)} className="si-grid" />
      <text x={M.left - 6} y={y(0)} className="si-tick" textAnchor="end" dominantBaseline="middle">
        0
      </text>
      <text x={M.left - 6} y={y(top)} className="si-tick" textAnchor="end" dominantBaseline="middle">
        {top.toLocaleString('en-US')}
      </text>
      {ticks.map((d, i) => (
        <text key={d} x={(x(d) ?? 0) + x.bandwidth() / 2} y={H - 6} className="si-tick" textAnchor={ticks.length > 1 && i === 0 ? 'start' : i === ticks.length - 1 && ticks.length > 1 ? 'end' : 'middle'}>
          {d.slice(5)}
        </text>
      ))}
      <BarStack data={data} keys={series.map((s) => s.name)} x={(d) => d.day as string} xScale={x} yScale={y} color={(key) => series.find((s) => s.name === key)?.color ?? 'currentColor'}>
        {(stacks) =>
          stacks.map((stack) =>
            stack.bars
              .filter((bar) => bar.height > 0)
              .map((bar) => <rect key={`${stack.key}-${bar.index}`} x={bar.x} y={bar.y} width={bar.width} height={bar.height} style={{ fill: bar.color }} />),
          )
        }
      </BarStack>
    </svg>
  );
}
