import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import { useId, useState, type ReactNode } from 'react';

/** A table a chart can be read as: a caption, column headers, and rows of cells. */
export interface ChartTable {
  caption: string;
  columns: string[];
  rows: (string | number)[][];
  /** Said below the table, e.g. "Days without calls are left out." */
  note?: string;
}

/**
 * Returns a chart with its title, a one-sentence summary that screen readers get as the
 * picture's name, a legend, and a "Show as table" toggle revealing the same numbers as a table.
 */
export function ChartFrame({ title, summary, legend, table, testId, controls, children }: { title: string; summary: string; legend?: { name: string; color: string }[]; table: ChartTable; testId: string; controls?: ReactNode; children: (labelledBy: string) => ReactNode }) {
  const [asTable, setAsTable] = useState(false);
  const id = useId();
  return (
    <figure className="si-chart" data-testid={testId} aria-labelledby={`${id}-title`}>
      <div className="si-chart-head">
        <Heading size="xsmall" as="h3" id={`${id}-title`}>
          {title}
        </Heading>
        {controls}
        <Button appearance="subtle" spacing="compact" onClick={() => setAsTable(!asTable)} aria-expanded={asTable} testId={`${testId}-table-toggle`}>
          {asTable ? 'Show as chart' : 'Show as table'}
        </Button>
      </div>
      <p className="si-chart-summary" id={`${id}-summary`}>
        {summary}
      </p>
      {asTable ? (
        <div className="si-table-scroll">
          <table className="si-data-table" data-testid={`${testId}-table`}>
            <caption>{table.caption}</caption>
            <thead>
              <tr>
                {table.columns.map((c) => (
                  <th key={c} scope="col">
                    {c}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {table.rows.map((row) => (
                <tr key={String(row[0])}>
                  {row.map((cell, i) => (i === 0 ? <th key={i} scope="row">{cell}</th> : <td key={i}>{typeof cell === 'number' ? cell.toLocaleString('en-US') : cell}</td>))}
                </tr>
              ))}
            </tbody>
          </table>
          {table.note ? <p className="si-muted">{table.note}</p> : null}
        </div>
      ) : (
        <>
          {children(`${id}-title ${id}-summary`)}
          {legend?.length ? (
            <ul className="si-legend" aria-label={`${title} legend`}>
              {legend.map((l) => (
                <li key={l.name}>
                  <span className="si-swatch" style={{ background: l.color }} aria-hidden="true" />
                  {l.name}
                </li>
              ))}
            </ul>
          ) : null}
        </>
      )}
    </figure>
  );
}
