import { LinePath } from '@visx/shape';
import { scaleLinear } from '@visx/scale';

const W = 96;
const H = 24;

/** Returns a small line of calls per day (a scope's use over the window), named for screen readers by `label`. */
export default function Sparkline({ values, label }: { values: readonly number[]; label: string }) {
  const max = Math.max(1, ...values);
  const x = scaleLinear<number>({ domain: [0, Math.max(1, values.length - 1)], range: [1, W - 1] });
  const y = scaleLinear<number>({ domain: [0, max], range: [H - 2, 2] });
  const points = values.map((v, i) => [i, v] as const);
  return (
    <svg className="si-sparkline" viewBox={`0 0 ${W} ${H}`} width={W} height={H} role="img" aria-label={label}>
      <line x1={0} x2={W} y1={H - 1} y2={H - 1} className="si-axis" />
      {values.length === 1 ? (
        <circle cx={W / 2} cy={y(values[0])} r={2.5} className="si-spark-dot" />
      ) : (
        <LinePath data={points} x={(p) => x(p[0])} y={(p) => y(p[1])} className="si-spark-line" />
      )}
    </svg>
  );
}
