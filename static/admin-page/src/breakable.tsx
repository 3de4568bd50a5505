import { Fragment } from 'react';

/**
 * Returns a path, template or file name with a line-break opportunity after each `/` (or each `:`
 * of a scope name), so a narrow
 * column wraps it between segments (`/rest/api/3/issue/` · `{issueIdOrKey}`) instead of inside one,
 * and a table column never shrinks below its longest segment (CSS `overflow-wrap: anywhere` let it
 * shrink to a letter and broke `{propertyKey}` mid-word).
 */
export function Breakable({ text, after = '/' }: { text: string; after?: '/' | ':' }) {
  const parts = text.split(after);
  return (
    <>
      {parts.map((part, i) => (
        <Fragment key={i}>
          {part}
          {i < parts.length - 1 ? (
            <>
              {after}
              <wbr />
            </>
          ) : null}
        </Fragment>
      ))}
    </>
  );
}
