/**
 * A horizontal bar chart of scores per area (e.g. the five readiness areas), drawn as SVG. Every
 * bar carries its value as text, the chart has a text summary for screen readers, and the same
 * figures follow in a table, so nothing depends on colour or on seeing the picture.
 */
export type AreaScore = { id: string; label: string; score: number; max: number };

const pct = (a: AreaScore): number => (a.max > 0 ? Math.round((a.score / a.max) * 100) : 0);
const fmt = (n: number): string => (Number.isInteger(n) ? String(n) : n.toFixed(1));

export function AssessmentAreaChart({ areas, title, id }: { areas: readonly AreaScore[]; title: string; id: string }) {
  const rowHeight = 44;
  const labelWidth = 250;
  const barWidth = 420;
  const valueWidth = 170;
  const top = 28;
  const width = labelWidth + barWidth + valueWidth;
  const height = top + areas.length * rowHeight + 8;
  const summary = areas.map((a) => `${a.label}: ${fmt(a.score)} of ${fmt(a.max)} (${pct(a)}%)`).join('; ');
  return (
    <figure className="margin-x-0 gb-chart-figure">
      <figcaption id={`${id}-caption`} className="text-bold margin-bottom-1">
        {title}
      </figcaption>
      <div className="gb-chart-scroll">
        <svg className="gb-chart" role="img" aria-labelledby={`${id}-caption ${id}-desc`} viewBox={`0 0 ${width} ${height}`} width="100%" style={{ maxWidth: `${width}px` }}>
          <desc id={`${id}-desc`}>{summary}</desc>
          {[0, 25, 50, 75, 100].map((tick) => (
            <g key={tick} aria-hidden="true">
              <line x1={labelWidth + (barWidth * tick) / 100} x2={labelWidth + (barWidth * tick) / 100} y1={top - 6} y2={height - 8} stroke="#a9aeb1" strokeDasharray={tick === 0 ? undefined : '3 3'} />
              <text x={labelWidth + (barWidth * tick) / 100} y={top - 10} textAnchor="middle">
                {tick}%
              </text>
            </g>
          ))}
          {areas.map((a, i) => {
            const y = top + i * rowHeight + 8;
            const w = (barWidth * pct(a)) / 100;
            return (
              <g key={a.id} aria-hidden="true">
                <text x={labelWidth - 10} y={y + 18} textAnchor="end">
                  {a.label}
                </text>
                <rect className="gb-chart__track" x={labelWidth} y={y} width={barWidth} height={26} />
                <rect className="gb-chart__bar" x={labelWidth} y={y} width={w} height={26} />
                <text x={labelWidth + barWidth + 10} y={y + 18}>
                  {pct(a)}% ({fmt(a.score)} of {fmt(a.max)})
                </text>
              </g>
            );
          })}
        </svg>
      </div>
      <table className="usa-table usa-table--borderless usa-table--compact">
        <caption>The same figures as a table</caption>
        <thead>
          <tr>
            <th scope="col">Area</th>
            <th scope="col">Points</th>
            <th scope="col">Maximum</th>
            <th scope="col">Share of maximum</th>
          </tr>
        </thead>
        <tbody>
          {areas.map((a) => (
            <tr key={a.id}>
              <th scope="row">{a.label}</th>
              <td>{fmt(a.score)}</td>
              <td>{fmt(a.max)}</td>
              <td>{pct(a)}%</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
